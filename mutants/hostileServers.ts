import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReference, type Handler } from '../src/reference/index.js';

type Misbehaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const json = (res: ServerResponse, status: number, text: string | Buffer) =>
  res
    .writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
    .end(text);

/**
 * Targets broken on POST /v1/account, at the transport level (`transport`: the answer never comes whole) or in its
 * format; login works, so the run gets that far.
 */
export const hostileBehaviours: Record<string, { transport: boolean; misbehave: Misbehaviour }> = {
  'never answers': { transport: true, misbehave: () => {} },
  'answers after 4 s': {
    transport: false,
    misbehave: (_req, res) =>
      void setTimeout(() => json(res, 403, '{"errors":[{"code":1005,"title":"Access denied"}]}'), 4000),
  },
  'drips a byte at a time': {
    transport: true,
    misbehave: (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    },
  },
  'resets every connection': { transport: true, misbehave: (req) => req.socket.resetAndDestroy() },
  'sends a wrong Content-Length': {
    transport: true,
    misbehave: (req, res) => {
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"errors":');
      setTimeout(() => req.socket.destroy(), 50);
    },
  },
  'sends a 300 MB body': {
    transport: true,
    misbehave: (_req, res) => {
      const size = 300 * 1024 * 1024;
      res.writeHead(403, { 'content-type': 'application/json', 'content-length': String(size) });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < size && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = size));
      pump();
    },
  },
  'sends truncated JSON': {
    transport: false,
    misbehave: (_req, res) => json(res, 403, '{"errors":[{"code":1005,"title":"Acc'),
  },
  'sends invalid UTF-8': {
    transport: false,
    misbehave: (_req, res) => json(res, 403, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  },
  'sends deeply nested JSON': {
    transport: false,
    misbehave: (_req, res) => json(res, 403, `${'['.repeat(200_000)}${']'.repeat(200_000)}`),
  },
  'answers with an HTML 500': {
    transport: false,
    misbehave: (_req, res) =>
      res
        .writeHead(500, { 'content-type': 'text/html' })
        .end('<html><body><h1>500 Internal Server Error</h1></body></html>'),
  },
  'redirects elsewhere': {
    transport: false,
    misbehave: (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/v1/account' }).end(),
  },
  'echoes the request headers': {
    transport: false,
    misbehave: (req, res) =>
      json(res, 400, JSON.stringify({ errors: [{ code: 1009, title: 'Echo', details: JSON.stringify(req.headers) }] })),
  },
};

/** The reference (sunset), with POST /v1/account broken as `name` says. */
export async function serveHostile(
  name: string,
  admin: { user: string; password: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const reference: Handler = createReference({ profile: 'sunset', admin });
  const { misbehave } = hostileBehaviours[name]!;
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (req.method === 'POST' && req.url?.split('?')[0] === '/v1/account') return misbehave(req, res, body);
    const answer = await reference({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers as Record<string, string>,
      body,
    });
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json' }).end(text);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
