import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './exchange.js';
import type { TargetClient } from './targetClient.js';

export interface ForwardingOptions {
  /** The X-Conformance-Case of the n-th forwarded request. */
  caseOf: (n: number) => string;
  /** The requirement the forwarded requests are sent for (client/targetClient.ts OutgoingRequest). */
  requirement?: string;
  /** The Authorization header to send in place of the one received (a contract's example credentials → real ones). */
  authorization: (received: string | undefined) => string | undefined;
  /** Every exchange, as the suite's client recorded it. */
  onExchange: (exchange: Exchange) => void;
}

export interface Forwarding {
  url: string;
  close(): Promise<void>;
}

const dropped = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'authorization',
  'x-conformance-case',
]);

async function bodyOf(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/**
 * A loopback server that sends what it receives to the target through the suite's own client, so requests of
 * another program (the Pact verifier) get the same TLS settings, deadline, correlation header and wire log.
 */
export async function startForwarding(client: TargetClient, options: ForwardingOptions): Promise<Forwarding> {
  let count = 0;
  const server = createServer(async (request, response) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!dropped.has(name) && typeof value === 'string') headers[name] = value;
    }
    const authorization = options.authorization(request.headers.authorization);
    if (authorization) headers.authorization = authorization;
    const exchange = await client.send({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers,
      body: await bodyOf(request),
      case: options.caseOf(++count),
      ...(options.requirement ? { requirement: options.requirement } : {}),
    });
    options.onExchange(exchange);
    if (!exchange.response) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`target did not answer: ${exchange.error}`);
      return;
    }
    const answer = Object.fromEntries(Object.entries(exchange.response.headers).filter(([name]) => !dropped.has(name)));
    response.writeHead(exchange.response.status, answer).end(exchange.response.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
