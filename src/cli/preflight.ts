import { Agent, request } from 'undici';
import { describeNetworkError } from '../client/index.js';
import { UsageError } from './usageError.js';

/** One GET without credentials: any HTTP answer means the server is there. `what` names it in the error. */
export async function checkReachable(url: string, { what = 'target', path = '', timeoutMs = 5_000, insecure = false } = {}): Promise<void> {
  let base: URL;
  try {
    base = new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    throw new UsageError(`${what} URL "${url}" is not a URL`);
  }
  const limit = Math.min(timeoutMs, 5_000);
  const agent = new Agent({ connect: { timeout: limit, rejectUnauthorized: !insecure } });
  try {
    const answer = await request(new URL(path, base), { method: 'GET', dispatcher: agent, headersTimeout: limit, bodyTimeout: limit });
    await answer.body.dump();
  } catch (error) {
    throw new UsageError(`${what} ${url} is unreachable: ${describeNetworkError(error)}`);
  } finally {
    await agent.destroy();
  }
}
