import { createReference } from '../src/reference/index.js';
import { certificateFor127 } from './certificates.js';
import type { Mutant } from './mutant.js';

// Correct variants in how they are served, not in what they answer: the reference as a deployed client meets its
// callers (it restarts, rate-limits, closes connections, sits behind TLS and a network). Each answer a transient
// state may give is one the target is entitled to give; none is the suite's to FAIL.

const correctlyServed = (
  id: string,
  description: string,
  profile: Mutant['profile'],
  serving: NonNullable<Mutant['serving']>,
  foreign?: Mutant['foreign'],
): Mutant => ({
  id,
  description,
  profile,
  catches: [],
  build: createReference,
  serving,
  ...(foreign ? { foreign } : {}),
});

export const variantRestartsAfterRegistering = correctlyServed(
  'variant-restarts-after-registering',
  'restarts for a second after a number registers, as Coreapp does: 500 with 1011 "Service not ready", then connections refused',
  'legacy',
  () => ({ restartMs: 1_000 }),
);

export const variantRateLimited = correctlyServed(
  'variant-rate-limited',
  'answers past 150 requests a second with 429, error 1015 and Retry-After: 1',
  'sunset',
  () => ({ requestsPerSecond: 150 }),
);

export const variantClosesIdleConnections = correctlyServed(
  'variant-closes-idle-connections',
  'closes a kept-alive connection 1 ms after it falls idle',
  'legacy',
  () => ({ idleCloseMs: 1 }),
);

export const variantOverHttps = correctlyServed(
  'variant-over-https',
  'served over HTTPS with a certificate of a private authority',
  'legacy',
  () => ({ tls: certificateFor127('private-ca') }),
  // Its codes by inbox, read by the suite's own client with the configured `ca`: a hooks module's fetch would need
  // NODE_EXTRA_CA_CERTS, which is the user's to set, not the suite's to judge.
  'inbox',
);

export const variantFarWithBodyLimit = correctlyServed(
  'variant-far-with-body-limit',
  '40 ms away; a body over 64 KiB answered 413 before it is read and the connection closed, as nginx does',
  'sunset',
  () => ({ latencyMs: 40, bodyLimitBytes: 64 * 1024 }),
);

export const servingVariants: readonly Mutant[] = [
  variantRestartsAfterRegistering,
  variantRateLimited,
  variantClosesIdleConnections,
  variantOverHttps,
  variantFarWithBodyLimit,
];
