import { request } from 'undici';
import { describeNetworkError, dispatcherFor, type Transport } from '../client/index.js';
import { UsageError } from './usageError.js';

const certificateProblem = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;

/** One GET without credentials: any HTTP answer means the server is there. `what` names it in the error. */
export async function checkReachable(url: string, { what = 'target', path = '', timeoutMs = 5_000, transport = { insecure: false } as Transport } = {}): Promise<void> {
  let base: URL;
  try {
    base = new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    throw new UsageError(`${what} URL "${url}" is not a URL`);
  }
  const limit = Math.min(timeoutMs, 5_000);
  const agent = dispatcherFor(transport, { timeoutMs: limit });
  try {
    const answer = await request(new URL(path, base), { method: 'GET', dispatcher: agent, headersTimeout: limit, bodyTimeout: limit, signal: AbortSignal.timeout(limit) });
    await answer.body.dump();
  } catch (error) {
    const problem = describeNetworkError(error);
    const hint = certificateProblem.test(problem) && !transport.insecure ? ' (a private certificate authority: --ca FILE; or --insecure to accept any certificate)' : '';
    throw new UsageError(`${what} ${url} is unreachable: ${problem}${hint}`);
  } finally {
    await agent.destroy();
  }
}
