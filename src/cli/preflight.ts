import { Agent, request } from 'undici';
import { describeNetworkError } from '../client/index.js';
import { UsageError } from './usageError.js';

/** One request without credentials: any HTTP answer means the target is there. */
export async function checkReachable(target: string, timeoutMs: number, insecure: boolean): Promise<void> {
  const limit = Math.min(timeoutMs, 5_000);
  const agent = new Agent({ connect: { timeout: limit, rejectUnauthorized: !insecure } });
  try {
    const answer = await request(new URL('v1/users/login', target.endsWith('/') ? target : `${target}/`), {
      method: 'GET',
      dispatcher: agent,
      headersTimeout: limit,
      bodyTimeout: limit,
    });
    await answer.body.dump();
  } catch (error) {
    throw new UsageError(`target ${target} is unreachable: ${describeNetworkError(error)}`);
  } finally {
    await agent.destroy();
  }
}
