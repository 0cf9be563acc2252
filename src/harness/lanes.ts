import type { Target } from './target.js';

export interface LanesOptions {
  /** Ends the run at the first act that throws: nothing more is sent, the acts in flight are waited for. */
  stopAtFailure?: boolean;
  /** Whether the value at this index, and every one after it, is left unsent. */
  stopsAt?: (index: number) => boolean;
}

export interface LanesRun<R> {
  /** Each sent value's outcome, by its index; the unsent ones are missing. */
  settled: PromiseSettledResult<R>[];
  sent: number;
}

/**
 * `act` on the values in their order, as many in flight as the target's pace allows. Each act's latency, and whether
 * the target asked the suite to wait meanwhile, moves the pace, so every run of independent requests teaches it.
 */
export function inLanes<T, R>(
  target: Target,
  values: readonly T[],
  act: (value: T) => Promise<R>,
  { stopAtFailure = false, stopsAt = () => false }: LanesOptions = {},
): Promise<LanesRun<R>> {
  const pace = target.client.pace;
  const waitsSoFar = () => target.waits?.count ?? 0;
  const settled: PromiseSettledResult<R>[] = [];
  let next = 0;
  let inFlight = 0;
  let failed = false;
  return new Promise((resolve) => {
    const fill = () => {
      while (!(stopAtFailure && failed) && next < values.length && inFlight < pace.lanes && !stopsAt(next)) {
        inFlight += 1;
        void lane(next++);
      }
      if (inFlight === 0) resolve({ settled, sent: next });
    };
    const lane = async (index: number) => {
      const waits = waitsSoFar();
      const started = performance.now();
      try {
        settled[index] = { status: 'fulfilled', value: await act(values[index]!) };
      } catch (reason) {
        settled[index] = { status: 'rejected', reason };
        failed = true;
      }
      pace.observe(started, performance.now() - started, waitsSoFar() > waits);
      inFlight -= 1;
      fill();
    };
    fill();
  });
}

/**
 * `act` on each item side by side; every one is waited for, then the first that threw, in the items' order, is
 * thrown. For requests that change nothing on a correct target: the round trips overlap, and which failure is
 * reported does not depend on which answer came first.
 */
export async function sideBySide<T, R>(
  target: Target,
  items: readonly T[],
  act: (item: T) => Promise<R>,
): Promise<R[]> {
  const { settled } = await inLanes(target, items, act);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
}
