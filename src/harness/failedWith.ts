import { inspect } from 'node:util';
import type { TestInfoError } from '@playwright/test';

/**
 * What ended a failed test, read back from Playwright's record of the error. The record keeps `name: message`, not
 * the object: every error the harness and its sources throw on purpose has a name of its own, and a Blocked's
 * message names the requirement that blocked it.
 */
export type FailedWith =
  /** A verdict about the target: FAIL, or WARN when it did not come again (flaky). */
  | { kind: 'mismatch'; flaky: boolean }
  /** The target asked to be waited for: the test was cut short (SKIP). */
  | { kind: 'notReady'; message: string }
  /** A precondition another requirement judges did not hold (BLOCKED). */
  | { kind: 'blocked'; by: string; reason: string }
  /** A state or code source failed (ERROR). */
  | { kind: 'sourceFailed'; message: string }
  /** Anything else: the suite's own breakdown, a bug to report (ERROR), never a verdict on the target. */
  | { kind: 'suiteFailed'; message: string };

const named = /^(Mismatch|Flaky|NotReady|Blocked|SourceError): ([\s\S]*)$/;
const blockedBy = /^blocked by ([A-Z][A-Z0-9-]*): /;

export function failedWith(error: TestInfoError | undefined): FailedWith {
  const text = error?.message ?? error?.value ?? 'failed without an error';
  const [, name, message = ''] = named.exec(text) ?? [];
  switch (name) {
    case 'Mismatch':
    case 'Flaky':
      return { kind: 'mismatch', flaky: name === 'Flaky' };
    case 'NotReady':
      return { kind: 'notReady', message };
    case 'SourceError':
      return { kind: 'sourceFailed', message };
  }
  const by = name === 'Blocked' ? blockedBy.exec(message)?.[1] : undefined;
  if (by) return { kind: 'blocked', by, reason: message };
  return { kind: 'suiteFailed', message: `the suite itself failed: ${text}` };
}

/** A thrown value as Playwright records it (for what fails after the body: the teardown of the states it set). */
export function recorded(error: unknown): TestInfoError {
  return error instanceof Error ? { message: `${error.name}: ${error.message}` } : { value: inspect(error) };
}
