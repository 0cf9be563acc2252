import type { Target } from './target.js';

/**
 * `act` on each item, as many in flight as the target's pace allows; every one is waited for, then the first that
 * threw, in the items' order, is thrown. For requests that change nothing on a correct target: the round trips
 * overlap, and which failure is reported does not depend on which answer came first.
 */
export async function sideBySide<T, R>(
  target: Target,
  items: readonly T[],
  act: (item: T) => Promise<R>,
): Promise<R[]> {
  const settled: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      settled[index] = await act(items[index]!).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(target.client.pace.lanes, items.length) }, lane));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}
