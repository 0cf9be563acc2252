import type { PhoneNumber } from '../protocol/index.js';
import { Blocked, type NumberState } from '../protocol/index.js';

export function sameNumber(a: PhoneNumber, b: PhoneNumber): boolean {
  return a.cc === b.cc && a.phone_number === b.phone_number;
}

/** `+81 9012345678`: a number as messages and reports name it. */
export function numberName({ cc, phone_number }: PhoneNumber): string {
  return `+${cc} ${phone_number}`;
}

/** A number as a state source is asked about it: cert and pin where the state uses them. */
export interface NumberParams extends PhoneNumber {
  cert?: string;
  pin?: string;
}

/** Puts a number in a state on the target. What `setup` returns are Pact's injected values (may be empty). */
export interface StateSource {
  /** Names the source in every error and skip reason: "state-change URL http://…", "hooks module ./h.mjs". */
  readonly name: string;
  /** Whether it can set this state at all (a hooks module handles only the states it names). */
  supports(state: NumberState): boolean;
  setup(state: NumberState, params: NumberParams): Promise<Record<string, unknown>>;
  teardown(state: NumberState, params: NumberParams): Promise<void>;
}

/** One registration request, as a phone (or an inbox, a header, a person) can answer it: this number, after this time. */
export interface CodeRequest {
  cc: string;
  phone_number: string;
  method: 'sms' | 'voice';
  /** ISO time just before the request was sent: a code sent earlier is not this request's. */
  requestedAt: string;
  /** The target's answer to the request (the 202), for sources that read it. */
  answer?: { status: number; headers: Record<string, string> };
}

/** Reads the code that was sent to a number after a registration request. */
export interface CodeSource {
  readonly name: string;
  /** A person answers: slow, so tests that need many codes skip it. */
  readonly interactive: boolean;
  /**
   * The numbers whose code it can tell: any number (a phone's inbox, a header, a person), or only these (a fixed
   * code per listed number). A test uses a number only when the run's code source covers it.
   */
  readonly covers: 'any' | readonly PhoneNumber[];
  sentCode(request: CodeRequest): Promise<string>;
}

/** A source that threw, answered nonsense or took too long: fails the test that asked, naming the source. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** `work` within `ms`, or a SourceError naming `what`; the timer never keeps the process alive. */
export async function withDeadline<T>(what: string, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SourceError(`${what} did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      work().catch((error: unknown) => {
        throw error instanceof SourceError || error instanceof Blocked
          ? error
          : new SourceError(`${what} failed: ${(error as Error)?.message ?? String(error)}`);
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The code of a JSON answer `{"code": "…"}` (a number is taken as its digits), or undefined. */
export function codeIn(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && Number.isInteger(code) && code >= 0) return String(code);
  return typeof code === 'string' && code.length > 0 ? code : undefined;
}
