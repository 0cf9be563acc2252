import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublishedContracts {
  pacticipantName: string;
  pacticipantVersionNumber: string;
  branch?: string;
  tags?: string[];
  contracts: { consumerName: string; providerName: string; specification: string; contentType: string; content: string }[];
}

/**
 * A stand-in for a Pact Broker on loopback: the HAL index with the pb:publish-contracts relation, and
 * POST /contracts/publish. No real broker can be installed here (it is a Ruby application).
 */
export async function startStandInBroker(): Promise<{ url: string; received: PublishedContracts[]; authorizations: string[]; close(): Promise<void> }> {
  const received: PublishedContracts[] = [];
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      authorizations.push(req.headers.authorization ?? '');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/hal+json');
      if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
        res.end(JSON.stringify({ _links: { self: { href: base }, 'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts' } } }));
      } else if (req.method === 'POST' && req.url === '/contracts/publish') {
        const published = JSON.parse(body) as PublishedContracts;
        received.push(published);
        res.end(JSON.stringify({
          notices: [{ type: 'success', text: 'published' }],
          _embedded: { pacticipant: { name: published.pacticipantName }, version: { number: published.pacticipantVersionNumber } },
          _links: {},
        }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    authorizations,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
