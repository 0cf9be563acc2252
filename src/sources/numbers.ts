import { randomInt } from 'node:crypto';
import { mintCertificate } from '../cert/index.js';
import type { Exchange } from '../client/index.js';
import type { Fixtures } from '../generated/types.js';
import type { NumberState } from '../protocol/index.js';
import { enableState, noCodeReason, type SourceSettings } from './openSources.js';
import type { CodeRequest, CodeSource, StateSource } from './source.js';

export interface PhoneNumber {
  cc: string;
  phone_number: string;
}

/** A number a test registers, with its certificate; `origin` says where it came from, for messages. */
export interface TestNumber extends PhoneNumber {
  cert: string;
  vname?: string;
  pin?: string;
  origin: 'fresh' | `fixtures.${keyof Fixtures}`;
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

/** A state that cannot be had on this run; the test that wanted it is skipped with this reason. */
export class Unavailable extends Error {
  override name = 'Unavailable';
}

export type NumberSettings = Pick<SourceSettings, 'codeSource' | 'promptUrl'> & {
  fixtures: Fixtures;
  mintedCertificates: boolean;
  mintedCertificatesNote?: string;
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
 * then uses up nothing), else the configured fixtures, put back into their state through the state source when
 * there is one. Codes and PINs that come from sources are handed to `secret` for redaction.
 */
export class Numbers {
  private readonly codesRead = new Set<string>();

  constructor(
    private readonly settings: NumberSettings,
    private readonly sources: { state?: StateSource; code?: CodeSource },
    private readonly secret: (variable: string, value: string) => void,
  ) {}

  get stateSource(): StateSource | undefined {
    return this.sources.state;
  }

  get codeSource(): CodeSource | undefined {
    return this.sources.code;
  }

  /** Why a number in `state` cannot be had on this run, or undefined when it can. */
  unavailable(state: 'registered' | 'unregistered' | 'two-step'): string | undefined {
    const { fixtures, mintedCertificates } = this.settings;
    const minted = `a target that takes minted certificates${this.settings.mintedCertificatesNote ? ` (${this.settings.mintedCertificatesNote})` : ''}`;
    switch (state) {
      case 'registered':
        return fixtures.registered || (mintedCertificates && (this.sources.state?.supports('registered') || this.sources.code)) ? undefined
          : `needs fixtures.registered in the configuration file, or ${minted} with ${enableState}`;
      case 'unregistered':
        return fixtures.unregistered || mintedCertificates ? undefined : `needs fixtures.unregistered in the configuration file, or ${minted}`;
      case 'two-step':
        return fixtures.twoStep || (mintedCertificates && this.sources.state?.supports('two-step')) ? undefined
          : `needs fixtures.twoStep in the configuration file, or ${minted} and ${enableState}`;
    }
  }

  /** A fresh number with a minted certificate for `vname`. */
  fresh(vname = freshName): TestNumber {
    return { ...freshNumber(), cert: mintCertificate({ verifiedName: vname }), vname, origin: 'fresh' };
  }

  /** A number for requests the target must refuse whatever its state: fresh, or fixtures.unregistered left as it is. */
  forRefusals(): TestNumber {
    const why = this.unavailable('unregistered');
    if (why) throw new Unavailable(why);
    return this.settings.mintedCertificates ? this.fresh() : { ...this.settings.fixtures.unregistered!, origin: 'fixtures.unregistered' };
  }

  /** A number in `state` on the target; throws Unavailable when the run cannot have one. */
  async inState(api: Api, state: 'registered' | 'unregistered' | 'two-step'): Promise<TestNumber> {
    const why = this.unavailable(state);
    if (why) throw new Unavailable(why);
    const { fixtures, mintedCertificates } = this.settings;
    if (state === 'unregistered') {
      if (mintedCertificates) return this.fresh();
      return this.restore({ ...fixtures.unregistered!, origin: 'fixtures.unregistered' }, 'unregistered');
    }
    if (state === 'two-step') {
      if (fixtures.twoStep) return this.restore({ ...fixtures.twoStep, origin: 'fixtures.twoStep' }, 'two-step');
      const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
      this.secret('WA_CONFORMANCE_PIN', pin);
      return this.set({ ...this.fresh(), pin }, 'two-step');
    }
    if (fixtures.registered) return this.restore({ ...fixtures.registered, origin: 'fixtures.registered' }, 'registered');
    if (this.sources.state?.supports('registered')) return this.set(this.fresh(), 'registered');
    return this.registerThroughApi(api, this.fresh());
  }

  /** Puts a fixture back into its documented state when a state source can; as it is otherwise. */
  async restore(number: TestNumber, state: NumberState): Promise<TestNumber> {
    return this.sources.state?.supports(state) ? this.set(number, state) : number;
  }

  private async set(number: TestNumber, state: NumberState): Promise<TestNumber> {
    const { cc, phone_number, cert, pin } = number;
    const injected = await this.sources.state!.setup(state, { cc, phone_number, cert, ...(pin ? { pin } : {}) });
    const pick = (key: 'cc' | 'phone_number' | 'cert' | 'pin') => (typeof injected[key] === 'string' ? { [key]: injected[key] as string } : {});
    const result = { ...number, ...pick('cc'), ...pick('phone_number'), ...pick('cert'), ...pick('pin') };
    if (result.pin) this.secret('WA_CONFORMANCE_PIN', result.pin);
    return result;
  }

  /** POST /v1/account for the number: the request a code source is then asked about. */
  async requestCode(api: Api, number: TestNumber, { method = 'sms', pin }: { method?: 'sms' | 'voice'; pin?: string } = {}): Promise<Pending> {
    const requestedAt = new Date().toISOString();
    const { cc, phone_number, cert } = number;
    const answer = await api.post('/v1/account', { cc, phone_number, method, cert, ...(pin ? { pin } : {}) });
    return { number, answer, request: { cc, phone_number, method, requestedAt } };
  }

  /** The code the target sent for a pending registration, through the run's code source. */
  async codeOf(pending: Pending): Promise<string> {
    if (!this.sources.code) throw new Unavailable(noCodeReason(this.settings));
    const response = pending.answer.response;
    const code = await this.sources.code.sentCode({ ...pending.request, ...(response ? { answer: { status: response.status, headers: response.headers } } : {}) });
    this.secret('WA_CONFORMANCE_CODE', code);
    this.codesRead.add(code);
    return code;
  }

  /** Every code this worker has read: a code meant to be wrong must be none of them, whichever test read it. */
  get readCodes(): ReadonlySet<string> {
    return this.codesRead;
  }

  /** Registers a number the documented way: a code, then /verify with it. A step that fails is the target's fault. */
  async registerThroughApi(api: Api, number: TestNumber): Promise<TestNumber> {
    const pending = await this.requestCode(api, number);
    if (pending.answer.response?.status !== 202) throw new Error(`could not register ${number.origin} number: POST /v1/account answered ${pending.answer.response?.status ?? pending.answer.error}, not 202`);
    const verified = await api.post('/v1/account/verify', { code: await this.codeOf(pending) });
    const status = verified.response?.status;
    if (status === undefined || status < 200 || status >= 300) throw new Error(`could not register ${number.origin} number: /v1/account/verify with the code that was sent answered ${status ?? verified.error}`);
    return number;
  }
}
