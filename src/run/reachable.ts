// Whether a URL answers at all, and if not, the one line that says why (the scheme, the certificate, the network).
import { connect } from 'node:tls';
import { describeNetworkError, dispatcherFor, dispatchTarget, type Transport } from '../client/index.js';
import { UsageError } from './usageError.js';

const certificateProblem = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;

/** One GET without credentials: any HTTP answer means the server is there. `what` names it in the error. */
export async function checkReachable(
  url: string,
  { what = 'target', path = '', timeoutMs = 5_000, transport = { insecure: false } as Transport } = {},
): Promise<void> {
  let base: URL;
  try {
    base = new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    throw new UsageError(`${what} URL "${url}" is not a URL`);
  }
  const limit = Math.min(timeoutMs, 5_000);
  const agent = dispatcherFor(transport, { timeoutMs: limit });
  try {
    const answer = await agent.request({
      ...dispatchTarget(new URL(path, base)),
      method: 'GET',
      headersTimeout: limit,
      bodyTimeout: limit,
      signal: AbortSignal.timeout(limit),
    });
    await answer.body.dump();
  } catch (error) {
    const problem = describeNetworkError(error);
    const wrongScheme = await schemeMismatch(base, problem);
    if (wrongScheme) throw new UsageError(`${what} ${url} ${wrongScheme}`);
    const hint =
      certificateProblem.test(problem) && !transport.insecure
        ? ' (a private certificate authority: --ca FILE; or --insecure to accept any certificate)'
        : '';
    throw new UsageError(`${what} ${url} is unreachable: ${problem}${hint}`);
  } finally {
    await agent.destroy();
  }
}

/**
 * The one-line reason when the URL's scheme is not what the server speaks: TLS to a plain HTTP server fails with
 * OpenSSL's "wrong version number", and plain HTTP to a TLS server is hung up on (a TLS handshake then succeeds).
 */
export async function schemeMismatch(
  url: URL,
  problem: string,
  speaksTls: (url: URL) => Promise<boolean> = handshakes,
): Promise<string | undefined> {
  if (url.protocol === 'https:' && /WRONG_VERSION_NUMBER|wrong version number/i.test(problem))
    return 'speaks plain HTTP, not TLS: use http:// instead of https://';
  if (url.protocol !== 'http:' || !/other side closed|ECONNRESET|socket hang up/i.test(problem)) return undefined;
  return (await speaksTls(url)) ? 'speaks TLS, not plain HTTP: use https:// instead of http://' : undefined;
}

/** Whether a TLS handshake with the URL's host and port succeeds (any certificate). */
function handshakes(url: URL): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 80),
      rejectUnauthorized: false,
    });
    const done = (tls: boolean) => {
      socket.destroy();
      resolve(tls);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
