/** A problem with how the suite was called or configured, or with reaching the target: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const exitCodes = { pass: 0, fail: 1, usage: 2 } as const;
