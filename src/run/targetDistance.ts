import { availableParallelism } from 'node:os';
import type { TargetClient } from '../client/index.js';

/**
 * From this round trip on a run is bound by latency, not by the machine: a second worker's tests overlap the first's
 * round trips (measured by hand behind scripts/latencyProxy.ts, 40 ms away: sunset 6.8 → 5.7 s, legacy 18.4 →
 * 16.8 s), where on loopback it only competes for the same cores (against a server on this machine, 3.8 → 4.4 s).
 * Between 10 and 20 ms the two were even.
 */
export const farRoundTripMs = 20;

/** The workers a run is given when neither --workers nor the configuration says, and why, in words. */
export function workersFor(
  roundTripMs: number | undefined,
  cores: number = availableParallelism(),
): { workers: number; why?: string } {
  if (roundTripMs === undefined || roundTripMs < farRoundTripMs || cores < 2) return { workers: 1 };
  return {
    workers: 2,
    why: `2 workers: the target answers in ${Math.round(roundTripMs)} ms, so a second one's tests overlap the first's round trips (--workers 1 keeps one)`,
  };
}

const probes = 2;

/**
 * The target's round trip, as requests that change nothing meet it on a kept-alive connection: the fastest of a few
 * GETs of the login path without credentials (what the reachability check sends). Undefined when none was answered.
 */
export async function roundTripOf(client: TargetClient): Promise<number | undefined> {
  let fastest: number | undefined;
  for (let i = 0; i < probes; i++) {
    const probe = await client.send({ method: 'GET', path: 'v1/users/login', case: 'preflight', once: true });
    if (probe.response) fastest = Math.min(fastest ?? Infinity, probe.durationMs);
  }
  return fastest;
}
