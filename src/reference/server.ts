import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError } from './errors.js';
import type { ApiResponse, Handler } from './exchange.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

/** Serves a handler over HTTP on loopback (or the given host); bad input never takes the server down. */
export async function serveHandler(handler: Handler, { host = '127.0.0.1', port = 0 } = {}): Promise<RunningServer> {
  const server = createServer(async (req, res) => {
    let response: ApiResponse;
    try {
      const body = await readBody(req);
      response = body === undefined
        ? apiError(1009, `Request body larger than ${maxBodyBytes} bytes`)
        : await handler({ method: req.method ?? 'GET', path: req.url ?? '/', headers: lowerCaseHeaders(req), body });
    } catch {
      response = apiError(1014, 'Internal error');
    }
    const text = response.body === undefined ? '' : JSON.stringify(response.body);
    const headers: Record<string, string | number> = { ...response.headers, 'content-length': Buffer.byteLength(text) };
    if (text) headers['content-type'] ??= 'application/json';
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string') headers['x-request-id'] = requestId;
    res.writeHead(response.status, headers);
    res.end(text);
  });
  server.keepAliveTimeout = 30_000;
  await listen(server, host, port);
  const { port: bound } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
