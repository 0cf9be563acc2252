import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { test } from 'node:test';
import { Secrets, TargetClient } from '../../src/client/index.js';
import { readReport, runCli, verdictsOf } from '../support/runCli.js';
import { serveTarget, slowReference } from '../support/servers.js';
import { certificateFor127, tlsInFront } from '../support/tls.js';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const closing = (server: Server) =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(resolve);
  });
const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof TargetClient>[0]> = {}) =>
  new TargetClient({ baseUrl, timeoutMs: 1000, insecure: false, secrets: new Secrets(), ...extra });

test('a body past the cap is cut there, not read to its end: the prefix, its declared size, and a finding in the answer', async () => {
  const size = 64 * 1024 * 1024;
  let sentWhenClosed = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(size) });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
    res.on('close', () => {
      sentWhenClosed = sent;
      sent = size;
    });
  });
  const url = await listen(server);
  const target = client(url, { maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 });
  try {
    const exchange = await target.send({ method: 'POST', path: '/v1/account', body: {}, case: 'huge#1' });
    assert.equal(exchange.response?.truncated, true);
    assert.equal(exchange.response?.bytes, size);
    assert.equal(exchange.response?.body.length, 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(
      sentWhenClosed < size / 2,
      `the client hung up after ${sentWhenClosed} of ${size} bytes: the rest was not read`,
    );
  } finally {
    await target.close();
    await closing(server);
  }
});

test('the timeout bounds the whole request: a server that drips a byte at a time does not stretch it', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  });
  const url = await listen(server);
  const target = client(url, { timeoutMs: 1000 });
  try {
    const exchange = await target.send({ method: 'POST', path: '/v1/account', body: {}, case: 'drip#1' });
    assert.equal(exchange.response, undefined);
    // The whole-request deadline, not undici's gap between chunks (which the drip keeps resetting).
    assert.match(exchange.error ?? '', /TimeoutError|aborted due to timeout/i);
  } finally {
    await target.close();
    await closing(server);
  }
});

test('an informational 1xx before the answer is passed over: the answer judged is the final one, with its own headers', async () => {
  const server = createServer((_req, res) => {
    res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' }, () => {
      res.writeHead(202, { 'content-type': 'application/json', 'x-final': 'yes' }).end('{"account":[{"vname":"A"}]}');
    });
  });
  const url = await listen(server);
  const target = client(url);
  try {
    const exchange = await target.send({ method: 'POST', path: '/v1/account', body: {}, case: '1xx#1' });
    assert.equal(exchange.error, undefined);
    assert.equal(exchange.response?.status, 202);
    assert.equal(exchange.response?.headers['x-final'], 'yes');
    assert.equal(exchange.response?.headers.link, undefined, "the 103's headers are not the answer's");
    assert.equal(exchange.response?.body, '{"account":[{"vname":"A"}]}');
  } finally {
    await target.close();
    await closing(server);
  }
});

test('HTTP_PROXY and NO_PROXY are honoured as curl does, a lowercase variable set to nothing as not set', async () => {
  const seen: string[] = [];
  const origin = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  const originUrl = await listen(origin);
  // A forward proxy: absolute-form request lines, passed on to the origin.
  const proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  const proxyUrl = await listen(proxy);
  const names = ['http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  const send = async (label: string) => {
    const target = client(originUrl);
    assert.equal(
      (await target.send({ method: 'POST', path: '/v1/account', body: {}, case: label })).response?.status,
      200,
    );
    await target.close();
  };
  try {
    for (const name of names) delete process.env[name];
    process.env.HTTP_PROXY = proxyUrl;
    await send('proxy#1');
    assert.deepEqual(seen, [`POST ${originUrl}/v1/account`]);

    process.env.NO_PROXY = '127.0.0.1';
    await send('proxy#2');
    assert.equal(seen.length, 1, 'NO_PROXY: sent directly');

    // A lowercase variable set to nothing is not set (curl's reading): the uppercase one still counts.
    process.env.no_proxy = '';
    await send('proxy#3');
    assert.equal(seen.length, 1, 'an empty no_proxy does not hide NO_PROXY');
    delete process.env.NO_PROXY;
    process.env.http_proxy = '';
    await send('proxy#4');
    assert.equal(seen.length, 2, 'an empty http_proxy does not hide HTTP_PROXY');
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await closing(proxy);
    await closing(origin);
  }
});

test('HTTPS behind a private certificate authority: passes with --ca; without it, exit 2 with one line naming the problem', async () => {
  const files = certificateFor127('private-ca');
  const served = await serveTarget('sunset');
  const tls = await tlsInFront(served.emulator.server.url, files);
  try {
    const trusted = await runCli([...served.args, '--target', tls.url, '--ca', files.ca!, '--runs', '10'], served.env);
    assert.equal(trusted.code, 0, trusted.stdout + trusted.stderr);
    assert.equal(readReport(trusted).summary.fail, 0);
    const untrusted = await runCli([...served.args, '--target', tls.url, '--runs', '10'], served.env);
    assert.equal(untrusted.code, 2);
    assert.match(
      untrusted.stderr,
      /^wa-account-conformance: target https:\/\/127\.0\.0\.1:\d+ is unreachable: .*(UNABLE_TO_VERIFY|unable to verify|self-signed).* \(a private certificate authority: --ca FILE; or --insecure to accept any certificate\)\n$/,
    );
  } finally {
    await tls.close();
    await served.close();
  }
});

test('HTTPS_PROXY: every request of a run to an HTTPS target goes through the proxy in a CONNECT tunnel, as curl sends it', async () => {
  const files = certificateFor127('private-ca');
  const served = await serveTarget('sunset');
  const tls = await tlsInFront(served.emulator.server.url, files);
  const tunnels: string[] = [];
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, socket, head) => {
    tunnels.push(`${req.method} ${req.url}`);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const proxyUrl = await listen(proxy);
  try {
    const run = await runCli([...served.args, '--target', tls.url, '--ca', files.ca!, '--runs', '10'], {
      ...served.env,
      HTTPS_PROXY: proxyUrl,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(readReport(run).summary.fail, 0);
    // The suite's requests, tunnelled; the Pact verifier's go to its loopback forwarder directly, as no proxy could.
    const target = `CONNECT ${new URL(tls.url).host}`;
    assert.ok(
      tunnels.length > 0 && tunnels.every((line) => line === target),
      `tunnels: ${[...new Set(tunnels)].join(', ')}; expected ${target}`,
    );
    assert.equal(verdictsOf(run)['CONTRACT-HONOURED'], 'PASS');
  } finally {
    await closing(proxy);
    await tls.close();
    await served.close();
  }
});

test('--max-time: at the deadline the report is written, what was cut short or never ran is SKIP saying so, the exit code follows the verdicts reached', async () => {
  const served = await serveTarget('sunset', slowReference(200));
  try {
    const run = await runCli([...served.args, '--max-time', '5', '--runs', '200'], served.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = readReport(run);
    const cut = report.requirements.filter(
      (r) => r.verdict === 'SKIP' && /the run reached its deadline \(--max-time 5 s\)/.test(r.reason ?? ''),
    );
    assert.ok(cut.length > 0, JSON.stringify(report.summary));
    assert.equal(report.summary.fail, 0);
  } finally {
    await served.close();
  }
});

test('a generated request goes out with the Content-Type it was generated with, none when it says so, and its bytes as they are', async () => {
  const seen: { type: string | undefined; body: string }[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ type: req.headers['content-type'], body });
    res.writeHead(400).end();
  });
  const url = await listen(server);
  const target = client(url);
  try {
    for (const contentType of [undefined, null, 'text/plain', 'application/json; charset=iso-8859-1']) {
      await target.send({ method: 'POST', path: '/v1/account', body: '["x"]', contentType, case: 'T#1' });
    }
    await target.send({ method: 'POST', path: '/v1/account', body: '', contentType: undefined, case: 'T#2' });
    assert.deepEqual(seen, [
      { type: 'application/json', body: '["x"]' },
      { type: undefined, body: '["x"]' },
      { type: 'text/plain', body: '["x"]' },
      { type: 'application/json; charset=iso-8859-1', body: '["x"]' },
      { type: 'application/json', body: '' },
    ]);
  } finally {
    await target.close();
    await closing(server);
  }
});
