import { mintCertificate } from '../cert/index.js';
import type { PhoneNumber } from '../fixtures/index.js';
import { freshNumber, type Target } from '../fixtures/index.js';

/** One number of a run's pool: fresh on the target, with a certificate for a known name. */
export interface PoolNumber extends PhoneNumber {
  cert: string;
  vname: string;
}

/** What the documentation lets a client predict, per number of the pool (by index). */
export interface RegistrationModel {
  registered: Set<number>;
  pending: Set<number>;
  pins: Map<number, string>;
  /** The account the two-step settings apply to: the number registered last. */
  current: number | undefined;
}

export interface RegistrationSystem {
  target: Target;
  pool: PoolNumber[];
}

export const poolSize = 2;

export function newModel(): RegistrationModel {
  return { registered: new Set(), pending: new Set(), pins: new Map(), current: undefined };
}

/** Fresh numbers for one run: the target's state outlives runs, so every run starts from numbers it never saw. */
export function newPool(): PoolNumber[] {
  return Array.from({ length: poolSize }, (_, i) => {
    const vname = `モデル株式会社 ${i} ✓`;
    return { ...freshNumber(), vname, cert: mintCertificate({ verifiedName: vname }) };
  });
}
