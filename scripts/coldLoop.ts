// node --import tsx scripts/coldLoop.ts CONFIG REQUESTS LANES: the bare loop as a run's worker meets it: a process
// that has sent nothing yet posts REQUESTS generated registrations, LANES at a time, to the target of CONFIG (a file
// `serve --config-out` wrote: another process, as the reference is to a run's workers). Prints its requests/s.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { registerRequest } from '../src/arbitraries/index.js';

const [configFile, requests, lanes] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const config = JSON.parse(readFileSync(configFile, 'utf8')) as {
  target: string;
  auth: { admin: { user: string; password: string } };
};
const { admin } = config.auth;
// Generated before the clock starts: a bare loop sends, it does not generate.
const bodies = fc.sample(registerRequest(), { numRuns: requests, seed: 1 }).map((body) => JSON.stringify(body));
// As many connections as the suite's client keeps: one per lane, and a few more.
const agent = new Agent({ keepAliveTimeout: 10_000, connections: Math.max(8, lanes + 2) });
const login = await request(new URL('/v1/users/login', config.target), {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` },
  dispatcher: agent,
});
const { users } = (await login.body.json()) as { users: { token: string }[] };
const headers = { authorization: `Bearer ${users[0]!.token}`, 'content-type': 'application/json' };
const url = new URL('/v1/account', config.target);

let next = 0;
const lane = async () => {
  while (next < bodies.length) {
    const answer = await request(url, { method: 'POST', headers, body: bodies[next++], dispatcher: agent });
    await answer.body.text();
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: lanes }, lane));
console.log(Math.round(requests / ((performance.now() - started) / 1000)));
await agent.close();
