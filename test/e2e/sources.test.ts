import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { commandCodeSource } from '../../src/sources/commandCode.js';
import { atPointer, fixedCodeSource, headerCodeSource, inboxCodeSource } from '../../src/sources/declarativeCodes.js';
import { hooksCodeSource, hooksStateSource, loadHooks } from '../../src/sources/hooksModule.js';
import { SourceHttp } from '../../src/sources/http.js';
import { openSources } from '../../src/sources/openSources.js';
import { type CodeRequest, SourceError } from '../../src/sources/source.js';
import { stateChangeUrlSource } from '../../src/sources/stateChangeUrl.js';
import { tempFile } from '../support/runCli.js';

const request: CodeRequest = {
  cc: '999',
  phone_number: '5550001',
  method: 'sms',
  requestedAt: new Date().toISOString(),
};

/** A loopback server that records what it was sent and answers with `answer`. */
async function recordingServer(answer: (req: IncomingMessage, body: string) => { status: number; body?: unknown }) {
  const seen: { method: string; url: string; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, body });
    const { status, body: out } = answer(req, body);
    res.writeHead(status, { 'content-type': 'application/json' }).end(out === undefined ? '' : JSON.stringify(out));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((r) => server.close(r)),
  };
}

test("the state-change URL gets exactly the Pact verifier's request, and its JSON answer is the injected values", async () => {
  const server = await recordingServer(() => ({ status: 200, body: { phone_number: '5550002' } }));
  const http = new SourceHttp(2000, { insecure: false });
  try {
    const source = stateChangeUrlSource(`${server.url}/provider-states`, http);
    assert.deepEqual(await source.setup('two-step', { cc: '999', phone_number: '5550001', pin: '123456' }), {
      phone_number: '5550002',
    });
    await source.teardown('two-step', { cc: '999', phone_number: '5550001' });
    assert.deepEqual(
      server.seen.map((s) => [s.method, s.url, JSON.parse(s.body)]),
      [
        [
          'POST',
          '/provider-states',
          {
            state: 'a number is not registered and has two-step verification on',
            params: { cc: '999', phone_number: '5550001', pin: '123456' },
            action: 'setup',
          },
        ],
        [
          'POST',
          '/provider-states',
          {
            state: 'a number is not registered and has two-step verification on',
            params: { cc: '999', phone_number: '5550001' },
            action: 'teardown',
          },
        ],
      ],
    );
  } finally {
    await http.close();
    await server.close();
  }
});

test('a state-change URL that refuses fails with its name and the state', async () => {
  const server = await recordingServer(() => ({ status: 500 }));
  const http = new SourceHttp(2000, { insecure: false });
  try {
    const source = stateChangeUrlSource(`${server.url}/states`, http);
    await assert.rejects(
      source.setup('registered', { cc: '1', phone_number: '2' }),
      (e: Error) =>
        e instanceof SourceError &&
        /the state-change URL http:\/\/127\.0\.0\.1:\d+\/states: setup of "a number is registered" answered 500/.test(
          e.message,
        ),
    );
  } finally {
    await http.close();
    await server.close();
  }
});

test('a hooks module: Pact JS-shaped stateHandlers and sentCode; a wrong state name is refused, naming the states', async () => {
  const calls: string[] = [];
  const path = tempFile(
    'hooks.mjs',
    `
    export const stateHandlers = {
      'a number is registered': (p) => { globalThis.hookCalls.push('registered ' + p.phone_number); return { cert: 'X' }; },
      'a number is not registered and has two-step verification on': { setup: (p) => { globalThis.hookCalls.push('two-step ' + p.pin); }, teardown: () => { globalThis.hookCalls.push('teardown'); } },
    };
    export async function sentCode({ cc, phone_number, method }) { return { code: cc + phone_number.slice(-3) + (method === 'sms' ? 's' : 'v') }; }
  `,
  );
  (globalThis as { hookCalls?: string[] }).hookCalls = calls;
  const hooks = await loadHooks(path);
  const state = hooksStateSource(path, hooks)!;
  assert.equal(state.supports('registered'), true);
  assert.equal(state.supports('moved-away'), false);
  assert.deepEqual(await state.setup('registered', { cc: '1', phone_number: '555' }), { cert: 'X' });
  await state.setup('two-step', { cc: '1', phone_number: '555', pin: '999000' });
  await state.teardown('two-step', { cc: '1', phone_number: '555' });
  assert.deepEqual(calls, ['registered 555', 'two-step 999000', 'teardown']);
  assert.equal(await hooksCodeSource(path, hooks)!.sentCode(request), '999001s');

  const wrong = tempFile('wrong.mjs', `export const stateHandlers = { 'number is registered': () => {} };`);
  await assert.rejects(
    loadHooks(wrong),
    /no state is named "number is registered"; the states are: "a number is registered"/,
  );
  await assert.rejects(
    loadHooks(tempFile('broken.mjs', 'export const = 1;')),
    /hooks module .*broken\.mjs cannot be loaded/,
  );
});

test('declarative code sources: fixed per number or for all, a header of the 202, an inbox polled until a code newer than the request', async () => {
  const fixed = fixedCodeSource({ codes: [{ cc: '999', phone_number: '5550001', code: '111222' }] });
  assert.equal(await fixed.sentCode(request), '111222');
  await assert.rejects(fixed.sentCode({ ...request, phone_number: '1' }), /lists no code for \+999 1/);
  assert.equal(await fixedCodeSource({ code: '424242' }).sentCode({ ...request, phone_number: '1' }), '424242');

  const header = headerCodeSource('Verify-Code');
  assert.equal(
    await header.sentCode({ ...request, answer: { status: 202, headers: { 'verify-code': '333444' } } }),
    '333444',
  );
  await assert.rejects(
    header.sentCode({ ...request, answer: { status: 202, headers: {} } }),
    /has no Verify-Code header/,
  );

  // The inbox first shows an old message, then the new one: only the one sent after the request is taken.
  let polls = 0;
  const inbox = await recordingServer(() => {
    polls += 1;
    const sentAt = polls < 3 ? '2020-01-01T00:00:00Z' : new Date().toISOString();
    return { status: 200, body: { messages: [{ text: polls < 3 ? '000000' : '555666', sentAt }] } };
  });
  const http = new SourceHttp(2000, { insecure: false });
  try {
    const source = inboxCodeSource(
      {
        url: `${inbox.url}/inbox?to=%2B{cc}{phone_number}&after={requestedAtMs}`,
        pointer: '/messages/0/text',
        sentAtPointer: '/messages/0/sentAt',
        interval: 20,
      },
      http,
      1500,
    );
    assert.equal(await source.sentCode(request), '555666');
    assert.equal(polls, 3);
    assert.equal(inbox.seen[0]!.url, `/inbox?to=%2B9995550001&after=${Date.parse(request.requestedAt)}`);
    const never = inboxCodeSource({ url: `${inbox.url}/inbox`, pointer: '/nothing', interval: 20 }, http, 200);
    await assert.rejects(never.sentCode(request), /the inbox .* no code for \+999 5550001 \(nothing at \/nothing\)/);
  } finally {
    await http.close();
    await inbox.close();
  }
  assert.equal(atPointer({ 'a/b': { '~c': [1, 2] } }, '/a~1b/~0c/1'), 2);
});

test('a command code source: JSON on stdout; garbage, a non-zero exit or a hang fail naming the command, within the timeout', async () => {
  const node = process.execPath;
  const good = commandCodeSource(
    [
      node,
      '-e',
      'const r = JSON.parse(process.env.WA_CONFORMANCE_CODE_REQUEST); console.log(JSON.stringify({ code: r.phone_number.slice(-6) }))',
    ],
    5000,
  );
  assert.equal(await good.sentCode(request), '550001');
  const garbage = commandCodeSource([node, '-e', 'console.log("the code is 123456")'], 5000);
  await assert.rejects(
    garbage.sentCode(request),
    /the command ".*node" \(codeSource\.type "command"\) printed no JSON on stdout/,
  );
  const failing = commandCodeSource([node, '-e', 'console.error("inbox down"); process.exit(3)'], 5000);
  await assert.rejects(failing.sentCode(request), /exited with 3: inbox down/);
  const hanging = commandCodeSource([node, '-e', 'setInterval(() => {}, 1000)'], 500);
  await assert.rejects(hanging.sentCode(request), /did not finish within 500 ms/);
  const missing = commandCodeSource(['/nonexistent/get-code'], 5000);
  await assert.rejects(missing.sentCode(request), /could not start: spawn \/nonexistent\/get-code ENOENT/);
});

test('openSources: every call has a deadline and names the source; a prompt without a terminal is no source at all', async () => {
  const path = tempFile(
    'slow.mjs',
    `export async function sentCode() { await new Promise((r) => setTimeout(r, 5000)); return '1'; }`,
  );
  const sources = await openSources(
    { controlProtocol: false, hooks: path, sourceTimeoutMs: 200, insecure: false },
    async () => {
      throw new Error('unused');
    },
  );
  try {
    await assert.rejects(
      sources.code!.sentCode(request),
      /the hooks module .*slow\.mjs \(sentCode\) \(code for \+999 5550001\) did not answer within 200 ms/,
    );
    assert.equal(sources.state, undefined);
  } finally {
    await sources.close();
  }
  const prompt = await openSources(
    { controlProtocol: false, codeSource: { type: 'prompt' }, insecure: false },
    async () => {
      throw new Error('unused');
    },
  );
  assert.equal(prompt.code, undefined);
  await prompt.close();
});
