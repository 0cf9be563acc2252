import type { PhoneNumber } from '../src/protocol/index.js';
import { createReference, Registrations } from '../src/reference/index.js';
import { firstError, type Mutant, meta, rewriteAnswers, wrapping } from './mutant.js';

export const undecodableCertAccepted: Mutant = {
  id: 'legacy-bad-cert-accepted',
  description: 'a cert that is no certificate is accepted with 202 and an empty vname',
  profile: 'legacy',
  catches: ['LEGACY-CERT-INVALID'],
  build: rewriteAnswers('/v1/account', (response) =>
    String(firstError(response)?.details ?? '').startsWith('cert ')
      ? { status: 202, body: { account: [{ vname: '' }], meta } }
      : response,
  ),
};

export const rightPinRefused: Mutant = {
  id: 'legacy-right-pin-refused',
  description: 'a registration that carries a PIN is refused even when the PIN is right',
  profile: 'legacy',
  catches: ['LEGACY-PIN-ACCEPTED'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    response.status === 202 && /"pin"/.test(request.body)
      ? {
          status: 403,
          body: {
            errors: [{ code: 1005, title: 'Access denied', details: 'Incorrect two-step verification PIN' }],
            meta,
          },
        }
      : response,
  ),
};

export const verifyWithoutCode: Mutant = {
  id: 'legacy-verify-without-code',
  description: 'POST /v1/account/verify without a code answers 201',
  profile: 'legacy',
  catches: ['VERIFY-CODE-REQUIRED'],
  build: rewriteAnswers('/v1/account/verify', (response) =>
    firstError(response)?.code === 1008 ? { status: 201, body: { meta } } : response,
  ),
};

export const sentCodeRefused: Mutant = {
  id: 'legacy-sent-code-refused',
  description: 'verify refuses every code, the one that was sent too',
  profile: 'legacy',
  catches: ['VERIFY-COMPLETES'],
  // Not 'fixed': without a state source no run registers numbers.unregistered, which it could not put back.
  foreign: 'command',
  build: wrapping((reference) => async (request) => {
    if (request.path === '/v1/account/verify' && request.method === 'POST') {
      return {
        status: 400,
        body: { errors: [{ code: 1009, title: 'Parameter value is not valid', details: 'wrong code' }], meta },
      };
    }
    return reference(request);
  }),
};

export const missingMethodDefaults: Mutant = {
  id: 'legacy-missing-method-defaults-to-sms',
  description: 'a registration without method is sent by SMS instead of being refused',
  profile: 'legacy',
  catches: ['REQUEST-INVALID-REFUSED'],
  build: wrapping((reference) => async (request) => {
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    if (request.path === '/v1/account' && body && typeof body === 'object' && !('method' in body)) {
      return reference({ ...request, body: JSON.stringify({ ...body, method: 'sms' }) });
    }
    return reference(request);
  }),
};

export const nonAdminTwoStep: Mutant = {
  id: 'two-step-non-admin-allowed',
  description: 'a non-admin account may change two-step verification',
  profile: 'legacy',
  catches: ['TWO-STEP-ADMIN-ONLY'],
  build: rewriteAnswers('/v1/settings/account/two-step', (response) =>
    firstError(response)?.details === "User doesn't have permission" ? { status: 200, body: { meta } } : response,
  ),
};

// State faults: each shows only in a sequence of requests.

class StickyPins extends Registrations {
  override clearPin(): void {}
}

export const disableKeepsPin: Mutant = {
  id: 'two-step-disable-keeps-pin',
  description: 'DELETE two-step answers 200 but the PIN stays required',
  profile: 'legacy',
  catches: ['TWO-STEP-SETTINGS'],
  foreign: 'command',
  build: (options) => createReference({ ...options, registrations: new StickyPins() }),
};

class StaleCodes extends Registrations {
  private readonly shown = new Map<string, string>();
  override sendCode(number: PhoneNumber, vname: string): string {
    const key = `+${number.cc} ${number.phone_number}`;
    const earlier = this.pending.get(key);
    const code = super.sendCode(number, vname);
    // The phone gets the new code; the server keeps checking the first one.
    if (earlier) this.pending.set(key, earlier);
    this.shown.set(key, code);
    return code;
  }
  override codeFor(number: PhoneNumber): string | undefined {
    const key = `+${number.cc} ${number.phone_number}`;
    return this.pending.has(key) ? this.shown.get(key) : undefined;
  }
}

export const secondCodeIgnored: Mutant = {
  id: 'legacy-second-code-ignored',
  description:
    'asking for a code again sends a new one, but only the first is accepted (shows after two requests and a verify)',
  profile: 'legacy',
  catches: ['LEGACY-STATEFUL-MODEL'],
  build: (options) => createReference({ ...options, registrations: new StaleCodes() }),
};

class VerifyKeepsCurrent extends Registrations {
  override verify(code: string): string | undefined {
    const before = this.current;
    const key = super.verify(code);
    // Registered, but the settings still apply to the account that was current before.
    if (key && before) this.current = before;
    return key;
  }
}

export const verifyKeepsOldAccount: Mutant = {
  id: 'legacy-verify-keeps-old-account',
  description:
    'after verify, two-step settings still apply to the previously registered account (shows only after verify)',
  profile: 'legacy',
  catches: ['TWO-STEP-SETTINGS'],
  build: (options) => createReference({ ...options, registrations: new VerifyKeepsCurrent() }),
};

// A state fault before any verify: the phone gets its code, but the client keeps no pending registration.
class NoPendingRegistration extends Registrations {
  override sendCode(number: PhoneNumber, vname: string): string {
    const code = super.sendCode(number, vname);
    this.pending.clear();
    return code;
  }

  // What the phone shows, as the control protocol's code: the code was sent, only never kept.
  override codeFor(number: PhoneNumber): string | undefined {
    return this.lastMessage(number)?.code;
  }
}

export const noPendingRegistration: Mutant = {
  id: 'legacy-202-without-pending',
  description:
    'answers 202 and sends the code, but keeps no pending registration: /verify refuses the code that was sent (its dependants are BLOCKED by it)',
  profile: 'legacy',
  catches: ['VERIFY-COMPLETES'],
  build: (options) => createReference({ ...options, registrations: new NoPendingRegistration() }),
};

export const moreLegacyMutants: readonly Mutant[] = [
  undecodableCertAccepted,
  rightPinRefused,
  verifyWithoutCode,
  sentCodeRefused,
  missingMethodDefaults,
  nonAdminTwoStep,
  disableKeepsPin,
  secondCodeIgnored,
  verifyKeepsOldAccount,
];
