// npm run bench: requests per second of the suite's target client (undici, keep-alive) and of Playwright's
// APIRequestContext, against the reference on loopback, and of a whole property run. Prints figures; asserts nothing.
import { request as playwrightRequest } from '@playwright/test';
import fc from 'fast-check';
import { registerRequest } from '../src/arbitraries/index.js';
import { Secrets, TargetClient } from '../src/client/index.js';
import { startEmulator } from '../src/reference/index.js';

const count = Number(process.argv[2] ?? 2000);
const emulator = await startEmulator({ profile: 'sunset' });
const base = emulator.server.url;
const login = await fetch(`${base}/v1/users/login`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`admin:${emulator.admin.password}`).toString('base64')}` } });
const token = ((await login.json()) as { users: { token: string }[] }).users[0]!.token;
const bodies = fc.sample(registerRequest(), { numRuns: count, seed: 1 });
const headers = { authorization: `Bearer ${token}` };

async function measure(name: string, send: (body: unknown) => Promise<unknown>): Promise<void> {
  for (const body of bodies.slice(0, 100)) await send(body); // warm up connections and JIT
  const started = performance.now();
  for (const body of bodies) await send(body);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name.padEnd(42)} ${count} requests in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} requests/s`);
}

const client = new TargetClient({ baseUrl: base, timeoutMs: 10_000, insecure: false, secrets: new Secrets() });
await measure('target client (undici, keep-alive)', (body) => client.send({ method: 'POST', path: '/v1/account', headers, body, case: 'BENCH#1' }));
await client.close();

const context = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: headers });
await measure('Playwright APIRequestContext', (body) => context.post('v1/account', { data: body }).then((r) => r.body()));
await context.dispose();

const valid = registerRequest();
const started = performance.now();
fc.sample(valid, { numRuns: count, seed: 2 });
console.log(`${'generating valid bodies (fast-check)'.padEnd(42)} ${count} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
await emulator.server.close();
