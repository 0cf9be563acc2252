import { randomInt } from 'node:crypto';
import { decodeCertificate, mintCertificate } from '../cert/index.js';
import type { Exchange } from '../client/index.js';
import type { KnownNumbers } from '../generated/types.js';
import type { PhoneNumber } from '../protocol/index.js';
import { Blocked, type NumberState, providerStateNames } from '../protocol/index.js';
import { enableState, noCodeReason, type SourceSettings } from './openSources.js';
import {
  type CodeRequest,
  type CodeSource,
  type NumberParams,
  numberName,
  SourceError,
  type StateSource,
  sameNumber,
} from './source.js';

/** A number a test registers, with its certificate; `origin` says where it came from, for messages. */
export interface TestNumber extends PhoneNumber {
  cert: string;
  vname?: string;
  pin?: string;
  origin: 'fresh' | `numbers.${keyof KnownNumbers}`;
}

/** A registration request that was sent: what a code source needs to find its code. */
export interface Pending {
  number: TestNumber;
  answer: Exchange;
  request: CodeRequest;
}

/** How numbers reach the target's API: a test's Target (recorded in its wire log), or the contract verifier's client. */
export interface Api {
  post(path: string, body: unknown): Promise<Exchange>;
}

/** The configuration that tells the code of fresh numbers, for the reasons of the tests that need one. */
const anyCode =
  'a code source that tells the code sent to any number (codeSource "code": the code the target sends every number, or a "header", "inbox" or "command" code source, or hooks with sentCode)';

function listedNumbers(code: CodeSource): string {
  const listed = code.covers === 'any' ? [] : code.covers.map(numberName);
  return listed.length ? listed.join(', ') : 'no number';
}

/** A state that cannot be had on this run; the test that wanted it is skipped with this reason. */
export class Unavailable extends Error {
  override name = 'Unavailable';
  constructor(
    message: string,
    /** What the run lacked: a state its sources do not give, or registrations past its budget. */
    readonly need: 'state' | 'registrations' = 'state',
  ) {
    super(message);
  }
}

/** Why a registration more is not completed: the run's --registrations are spent. */
export function overBudget(budget: number): Unavailable {
  return new Unavailable(
    `needs a registration past --registrations ${budget} (each restarts Coreapp on a real cluster): raise it to judge this`,
    'registrations',
  );
}

export type NumberSettings = Pick<SourceSettings, 'codeSource' | 'promptUrl'> & {
  numbers: KnownNumbers;
  mintedCertificates: boolean;
  mintedCertificatesNote?: string;
  /** numbers.registered answered 202 before the run: why it is not used (the run registers a number of its own). */
  staleRegistered?: string;
  /** The most registrations the run completes. */
  registrations: number;
};

/** No country has it: a number there reaches no real phone, even from a misdirected live run. */
export const unassignedCountryCode = '999';

/**
 * A number no test has used: state on the target outlives a run, so these are random, not seeded.
 */
export function freshNumber(): PhoneNumber {
  return { cc: unassignedCountryCode, phone_number: Array.from({ length: 10 }, () => randomInt(10)).join('') };
}

const freshName = 'コンフォーマンス試験 株式会社 ✓';

/**
 * Numbers in the states tests need: fresh ones with minted certificates wherever the target takes them (a run
 * then uses up nothing), else the configured known numbers, put back into their state through the state source when
 * there is one. Codes and PINs that come from sources are handed to `secret` for redaction.
 */
export class Numbers {
  private readonly codesRead = new Set<string>();
  /** The states set for the running test, in order: each is torn down when it ends. */
  private readonly setUp: { state: NumberState; params: NumberParams }[] = [];
  /** KnownNumbers the running test may register: put back into their state when it ends. */
  private readonly putBack: TestNumber[] = [];

  constructor(
    private readonly settings: NumberSettings,
    private readonly sources: { state?: StateSource; code?: CodeSource },
    private readonly secret: (variable: string, value: string) => void,
    /** Registrations completed so far, through the run's client. */
    private readonly completed: () => number = () => 0,
  ) {}

  /** Registrations the run may still complete (--registrations). */
  get registrationsLeft(): number {
    return Math.max(0, this.settings.registrations - this.completed());
  }

  /** Throws Unavailable (the test is SKIP, naming --registrations) when `count` more would pass the budget. */
  mayRegister(count = 1): void {
    if (this.registrationsLeft < count) throw overBudget(this.settings.registrations);
  }

  get stateSource(): StateSource | undefined {
    return this.sources.state;
  }

  get codeSource(): CodeSource | undefined {
    return this.sources.code;
  }

  /** Whether the run's code source can tell the code sent to `number`. */
  covers(number: PhoneNumber): boolean {
    const covers = this.sources.code?.covers;
    return covers === 'any' || (covers !== undefined && covers.some((listed) => sameNumber(listed, number)));
  }

  private get minted(): string {
    return `a target that takes minted certificates${this.settings.mintedCertificatesNote ? ` (${this.settings.mintedCertificatesNote})` : ''}`;
  }

  /** Why a number in `state` cannot be had on this run, or undefined when it can. */
  unavailable(state: 'registered' | 'unregistered' | 'two-step'): string | undefined {
    const { numbers, mintedCertificates } = this.settings;
    switch (state) {
      case 'registered':
        // A fresh number is registered by a state source, or the documented way: with the code its source reads.
        return numbers.registered ||
          (mintedCertificates && (this.sources.state?.supports('registered') || this.readsAnyCode))
          ? undefined
          : `needs numbers.registered in the configuration file, or ${this.minted} with ${this.stateSourceFor('registered')}, or with ${anyCode}`;
      case 'unregistered':
        return numbers.unregistered || mintedCertificates
          ? undefined
          : `needs numbers.unregistered in the configuration file, or ${this.minted}`;
      case 'two-step':
        return numbers.twoStep || (mintedCertificates && this.sources.state?.supports('two-step'))
          ? undefined
          : `needs numbers.twoStep in the configuration file, or ${this.minted} and ${this.stateSourceFor('two-step')}`;
    }
  }

  /** Why the run cannot put a number in `state`, or undefined: no state source, or one without that state. */
  cannotSet(state: NumberState): string | undefined {
    return this.sources.state?.supports(state) ? undefined : `needs ${this.stateSourceFor(state)}`;
  }

  /** What would set `state`: a state source, or the handler a configured one lacks. */
  private stateSourceFor(state: NumberState): string {
    const source = this.sources.state;
    return source
      ? `a handler for "${providerStateNames[state]}" in ${source.name}, which sets no such state`
      : enableState;
  }

  /**
   * Why no number can be registered and verified on this run and the target left as it was, or undefined: a fresh
   * number whose code the code source tells, or numbers.unregistered when the source tells its code and a state
   * source puts it back afterwards (a known number registered for good would fail the next run).
   */
  unverifiable(): string | undefined {
    const code = this.sources.code;
    if (!code) return noCodeReason(this.settings);
    const {
      mintedCertificates,
      numbers: { unregistered },
    } = this.settings;
    if (mintedCertificates && this.readsAnyCode) return undefined;
    if (unregistered && this.covers(unregistered) && this.sources.state?.supports('unregistered')) return undefined;
    const fresh = mintedCertificates
      ? `a fresh number needs ${anyCode} (${code.name} tells the code of ${listedNumbers(code)} only)`
      : `a fresh number needs ${this.minted}`;
    const known = !unregistered
      ? 'numbers.unregistered is not configured'
      : !this.covers(unregistered)
        ? `${code.name} has no code for numbers.unregistered (${numberName(unregistered)})`
        : `numbers.unregistered, once registered, can be put back only by ${this.stateSourceFor('unregistered')}`;
    return `needs a number to register, verify and leave as it was: ${fresh}; ${known}`;
  }

  /** A number to register and verify (see `unverifiable`); throws Unavailable when the run has none. */
  async forVerification(): Promise<TestNumber> {
    const why = this.unverifiable();
    if (why) throw new Unavailable(why);
    if (this.settings.mintedCertificates && this.readsAnyCode) return this.fresh();
    const known = await this.set(
      { ...this.settings.numbers.unregistered!, origin: 'numbers.unregistered' },
      'unregistered',
    );
    this.putBack.push(known);
    return known;
  }

  /** Why the run cannot register fresh numbers of its own and read their codes (the model's pool), or undefined. */
  freshUnverifiable(): string | undefined {
    if (!this.settings.mintedCertificates) return `needs ${this.minted}`;
    if (!this.sources.code) return noCodeReason(this.settings);
    return this.readsAnyCode
      ? undefined
      : `needs ${anyCode}: ${this.sources.code.name} tells the code of ${listedNumbers(this.sources.code)} only`;
  }

  private get readsAnyCode(): boolean {
    return this.sources.code?.covers === 'any';
  }

  /** A registered number without registering one through the API: configured (and registered), or set by a source. */
  get hasRegisteredWithoutApi(): boolean {
    return (
      (this.settings.numbers.registered !== undefined && !this.settings.staleRegistered) ||
      (this.settings.mintedCertificates && this.sources.state?.supports('registered') === true)
    );
  }

  /** A fresh number can be registered the documented way with nobody asked: minted certificates, any code told. */
  get registersItself(): boolean {
    return this.settings.mintedCertificates && this.readsAnyCode && !this.sources.code!.interactive;
  }

  /** A fresh number with a minted certificate for `vname`. */
  fresh(vname = freshName): TestNumber {
    return { ...freshNumber(), cert: mintCertificate({ verifiedName: vname }), vname, origin: 'fresh' };
  }

  /** A number for requests the target must refuse whatever its state: fresh, or numbers.unregistered left as it is. */
  forRefusals(): TestNumber {
    const why = this.unavailable('unregistered');
    if (why) throw new Unavailable(why);
    return this.settings.mintedCertificates
      ? this.fresh()
      : { ...this.settings.numbers.unregistered!, origin: 'numbers.unregistered' };
  }

  /**
   * A number in `state` on the target; throws Unavailable when the run cannot have one. `registeredHere`: a number
   * this run registered itself, where it can (what shows a target that answers 202 for a registered number).
   */
  async inState(
    api: Api,
    state: 'registered' | 'unregistered' | 'two-step',
    { registeredHere = false }: { registeredHere?: boolean } = {},
  ): Promise<TestNumber> {
    const why = this.unavailable(state);
    if (why) throw new Unavailable(why);
    const { numbers, mintedCertificates } = this.settings;
    if (state === 'unregistered') {
      if (mintedCertificates) return this.fresh();
      return this.restore({ ...numbers.unregistered!, origin: 'numbers.unregistered' }, 'unregistered');
    }
    if (state === 'two-step') {
      if (numbers.twoStep) {
        const { cert } = numbers.twoStep;
        return this.restore({ ...numbers.twoStep, vname: nameIn(cert), origin: 'numbers.twoStep' }, 'two-step');
      }
      const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
      this.secret('WA_CONFORMANCE_PIN', pin);
      return this.set({ ...this.fresh(), pin }, 'two-step');
    }
    if ((registeredHere || this.settings.staleRegistered) && this.registersItself)
      return this.registerThroughApi(api, this.fresh());
    // The run could not register a number after all (its code source tells only some): the configuration is to mend.
    if (this.settings.staleRegistered) throw new SourceError(this.settings.staleRegistered);
    if (numbers.registered) return this.restore({ ...numbers.registered, origin: 'numbers.registered' }, 'registered');
    if (this.sources.state?.supports('registered')) return this.set(this.fresh(), 'registered');
    return this.registerThroughApi(api, this.fresh());
  }

  /** Puts a known number back into its documented state when a state source can; as it is otherwise. */
  private async restore(number: TestNumber, state: NumberState): Promise<TestNumber> {
    return this.sources.state?.supports(state) ? this.set(number, state) : number;
  }

  /** Puts the number in `state` through the state source; its teardown is called when the test ends (`settle`). */
  async set(number: TestNumber, state: NumberState): Promise<TestNumber> {
    const { cc, phone_number, cert, pin } = number;
    const params: NumberParams = { cc, phone_number, cert, ...(pin ? { pin } : {}) };
    const injected = await this.sources.state!.setup(state, params);
    this.setUp.push({ state, params });
    const pick = (key: 'cc' | 'phone_number' | 'cert' | 'pin') =>
      typeof injected[key] === 'string' ? { [key]: injected[key] as string } : {};
    const result = { ...number, ...pick('cc'), ...pick('phone_number'), ...pick('cert'), ...pick('pin') };
    // A certificate the source put in its place carries a name of its own.
    if (result.cert !== cert) result.vname = nameIn(result.cert);
    if (result.pin) this.secret('WA_CONFORMANCE_PIN', result.pin);
    return result;
  }

  /** POST /v1/account for the number: the request a code source is then asked about. */
  async requestCode(
    api: Api,
    number: TestNumber,
    { method = 'sms', pin }: { method?: 'sms' | 'voice'; pin?: string } = {},
  ): Promise<Pending> {
    const requestedAt = new Date().toISOString();
    const { cc, phone_number, cert } = number;
    const answer = await api.post('/v1/account', { cc, phone_number, method, cert, ...(pin ? { pin } : {}) });
    return { number, answer, request: { cc, phone_number, method, requestedAt } };
  }

  /** The code the target sent for a pending registration, through the run's code source. */
  async codeOf(pending: Pending): Promise<string> {
    if (!this.sources.code) throw new Unavailable(noCodeReason(this.settings));
    const response = pending.answer.response;
    const code = await this.sources.code.sentCode({
      ...pending.request,
      ...(response ? { answer: { status: response.status, headers: response.headers } } : {}),
    });
    this.secret('WA_CONFORMANCE_CODE', code);
    this.codesRead.add(code);
    return code;
  }

  /** Every code this worker has read: a code meant to be wrong must be none of them, whichever test read it. */
  get readCodes(): ReadonlySet<string> {
    return this.codesRead;
  }

  /**
   * After a test: puts back the known numbers it may have registered, then tears down, last first, every state set since
   * the last call (what a Pact verifier does after each interaction). Every step is tried; the first that failed is
   * thrown after the others ran.
   */
  async settle(): Promise<void> {
    let failed: unknown;
    for (const known of this.putBack.splice(0))
      await this.set(known, 'unregistered').catch((error: unknown) => {
        failed ??= error;
      });
    for (const { state, params } of this.setUp.splice(0).reverse()) {
      await this.sources.state!.teardown(state, params).catch((error: unknown) => {
        failed ??= error;
      });
    }
    if (failed) throw failed;
  }

  /**
   * Registers a number the documented way: a code, then /verify with it. A step the target gets wrong blocks the
   * test that needed the registration, by the requirement that judges that step.
   */
  async registerThroughApi(api: Api, number: TestNumber): Promise<TestNumber> {
    this.mayRegister();
    const pending = await this.requestCode(api, number);
    const requested = pending.answer.response?.status ?? pending.answer.error;
    if (requested !== 202)
      throw new Blocked(
        'LEGACY-UNREGISTERED-202',
        `registering a ${number.origin} number: POST /v1/account answered ${requested}, not 202`,
      );
    const verified = await api.post('/v1/account/verify', { code: await this.codeOf(pending) });
    const status = verified.response?.status;
    if (status === undefined || status < 200 || status >= 300)
      throw new Blocked(
        'VERIFY-COMPLETES',
        `registering a ${number.origin} number: /v1/account/verify with the code that was sent answered ${status ?? verified.error}`,
      );
    return number;
  }
}

/** The verified name a certificate carries (the vname a 202 answers with), when it decodes. */
function nameIn(cert: string): string | undefined {
  const decoded = decodeCertificate(cert);
  return decoded.ok ? decoded.details.verifiedName : undefined;
}
