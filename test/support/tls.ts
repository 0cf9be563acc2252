import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsFiles } from '../../mutants/certificates.js';

export { certificateFor127, type TlsFiles } from '../../mutants/certificates.js';

/** HTTPS on loopback in front of an HTTP server: what a deployed client behind TLS looks like. */
export async function tlsInFront(upstream: string, files: TlsFiles): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpsServer({ key: readFileSync(files.key), cert: readFileSync(files.cert) }, (req, res) => {
    const forwarded = httpRequest(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
