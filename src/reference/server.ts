import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { apiError } from './errors.js';
import type { ApiResponse, Handler } from './exchange.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * How a deployed client is served besides what it answers: the ways a correct target's transport differs from a
 * quiet loopback server (each is something a real client, or the gateway in front of it, does).
 */
export interface ServingOptions {
  host?: string;
  port?: number;
  /** HTTPS with these PEM files; `ca` signed `cert` (absent: it is self-signed), for the suite to trust. */
  tls?: { key: string; cert: string; ca?: string };
  /** Added before every answer: a target across a network. */
  latencyMs?: number;
  /** A kept-alive connection left idle this long is closed, whatever its Keep-Alive header said (RFC 9112 §9.3.1). */
  idleCloseMs?: number;
  /**
   * A body declared longer is answered 413 before it is read, with Connection: close, and the connection is closed
   * once the rest is drained (nginx's client_max_body_size and lingering close).
   */
  bodyLimitBytes?: number;
  /** Requests in one second past which the answer is 429 with error 1015 and Retry-After: 1. */
  requestsPerSecond?: number;
  /**
   * After a number registers (a 201 from /v1/account/verify), Coreapp restarts for this long, as the documentation
   * says it does: "Service not ready" (500, 1011) for the first half, connections refused for the second.
   */
  restartMs?: number;
}

const maxBodyBytes = 1024 * 1024;

// nginx's own page for a body over client_max_body_size.
const tooLargePage =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves a handler over HTTP (or HTTPS) on loopback or the given host; bad input never takes the server down. */
export async function serveHandler(handler: Handler, options: ServingOptions = {}): Promise<RunningServer> {
  const { host = '127.0.0.1', port = 0, latencyMs = 0 } = options;
  const restart = new Restart(options.restartMs ?? 0);
  const limit = new RateLimit(options.requestsPerSecond);
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    busy(req.socket, +1);
    res.on('finish', () => idle(req.socket, options.idleCloseMs));
    if (latencyMs) await sleep(latencyMs);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (options.bodyLimitBytes !== undefined && declared > options.bodyLimitBytes) return tooLarge(req, res);
    let response: ApiResponse;
    try {
      const body = await readBody(req);
      response = restart.notReady()
        ? apiError(1011)
        : limit.exceeded()
          ? { ...apiError(1015), headers: { 'retry-after': '1' } }
          : body === undefined
            ? apiError(1009, `Request body larger than ${maxBodyBytes} bytes`)
            : await handler({
                method: req.method ?? 'GET',
                path: req.url ?? '/',
                headers: lowerCaseHeaders(req),
                body,
              });
    } catch {
      response = apiError(1014, 'Internal error');
    }
    if (req.method === 'POST' && req.url?.split('?')[0] === '/v1/account/verify' && response.status === 201)
      res.on('finish', () => restart.begin(server, host));
    write(req, res, response);
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: readFileSync(options.tls.key), cert: readFileSync(options.tls.cert) }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 30_000;
  await listen(server, host, port);
  const { port: bound } = server.address() as AddressInfo;
  restart.port = bound;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${bound}`,
    close: () => {
      restart.stop();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function write(req: IncomingMessage, res: ServerResponse, response: ApiResponse): void {
  const text = response.body === undefined ? '' : JSON.stringify(response.body);
  const headers: Record<string, string | number> = { ...response.headers, 'content-length': Buffer.byteLength(text) };
  if (text) headers['content-type'] ??= 'application/json';
  const requestId = req.headers['x-request-id'];
  if (typeof requestId === 'string') headers['x-request-id'] = requestId;
  res.writeHead(response.status, headers);
  res.end(text);
}

/** The 413 at once, the body still coming: drained before the connection closes, or the answer could be lost to a reset. */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, {
    'content-type': 'text/html',
    'content-length': Buffer.byteLength(tooLargePage),
    connection: 'close',
  });
  res.write(tooLargePage);
  const lingering = setTimeout(() => res.end(), 5_000);
  req.on('end', () => {
    clearTimeout(lingering);
    res.end();
  });
  req.on('error', () => {
    clearTimeout(lingering);
    res.destroy();
  });
  req.resume();
}

// Requests a socket is serving: one left idle is closed after idleCloseMs.
const inFlight = new WeakMap<Socket, number>();

function busy(socket: Socket, by: number): number {
  const now = (inFlight.get(socket) ?? 0) + by;
  inFlight.set(socket, now);
  return now;
}

function idle(socket: Socket, idleCloseMs: number | undefined): void {
  if (busy(socket, -1) > 0 || idleCloseMs === undefined) return;
  setTimeout(() => {
    if ((inFlight.get(socket) ?? 0) === 0) socket.destroy();
  }, idleCloseMs).unref();
}

/** A fixed window of one second. */
class RateLimit {
  private window = 0;
  private count = 0;

  constructor(private readonly perSecond: number | undefined) {}

  exceeded(): boolean {
    if (this.perSecond === undefined) return false;
    const window = Math.floor(Date.now() / 1000);
    if (window !== this.window) [this.window, this.count] = [window, 0];
    this.count += 1;
    return this.count > this.perSecond;
  }
}

/** Coreapp restarting: not ready, then not listening, then listening again on the same port. */
class Restart {
  port = 0;
  private notReadyUntil = 0;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(private readonly ms: number) {}

  notReady(): boolean {
    return performance.now() < this.notReadyUntil;
  }

  begin(server: Server, host: string): void {
    if (!this.ms || this.stopped || this.notReady() || !server.listening) return;
    this.notReadyUntil = performance.now() + this.ms / 2;
    this.timers.push(
      setTimeout(() => {
        server.close();
        server.closeAllConnections();
        this.timers.push(setTimeout(() => this.listenAgain(server, host), this.ms / 2));
      }, this.ms / 2),
    );
  }

  private listenAgain(server: Server, host: string): void {
    if (this.stopped) return;
    // The port may be held a moment longer by the connections just closed.
    listen(server, host, this.port).catch(() => this.timers.push(setTimeout(() => this.listenAgain(server, host), 50)));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
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
