import type { PhoneNumber } from '../src/protocol/index.js';
import { Accounts, createReference, Registrations } from '../src/reference/index.js';
import { type Mutant, meta, rewriteAnswers, vnameRewritten } from './mutant.js';

// Faults in the areas a target we did not write shows only through state and code sources: the vname of any
// certificate, the verify flow, and whether an anonymous request is processed at all.

export const vnameNormalised: Mutant = {
  id: 'legacy-vname-nfc-normalised',
  description: 'the 202 vname is Unicode-normalised (NFC): Cafe\u0301 comes back as Café',
  profile: 'legacy',
  catches: ['LEGACY-VNAME-ROUNDTRIP'],
  build: vnameRewritten((vname) => vname.normalize('NFC')),
};

export const vnameTrimmed: Mutant = {
  id: 'legacy-vname-trimmed',
  description: 'the 202 vname has its leading and trailing white space trimmed',
  profile: 'legacy',
  catches: ['LEGACY-VNAME-ROUNDTRIP'],
  build: vnameRewritten((vname) => vname.trim()),
};

export const vnameTruncated: Mutant = {
  id: 'legacy-vname-truncated',
  description: 'the 202 vname is cut to its first 100 characters',
  profile: 'legacy',
  catches: ['LEGACY-VNAME-ROUNDTRIP'],
  build: vnameRewritten((vname) => [...vname].slice(0, 100).join('')),
};

class WrongCodeRegisters extends Registrations {
  override verify(code: string): string | undefined {
    const key = super.verify(code);
    if (key) return key;
    // Refused, yet the registration asked for last is completed all the same.
    const last = [...this.pending.keys()].at(-1);
    if (last) {
      this.pending.delete(last);
      this.register(last);
    }
    return undefined;
  }
}

export const wrongCodeRegisters: Mutant = {
  id: 'legacy-wrong-code-registers',
  description: 'a wrong code is refused with 1009, but the pending registration is completed anyway',
  profile: 'legacy',
  catches: ['VERIFY-WRONG-CODE'],
  build: (options) => createReference({ ...options, registrations: new WrongCodeRegisters() }),
};

class PendingIsRegistered extends Registrations {
  override isRegistered(number: PhoneNumber): boolean {
    return super.isRegistered(number) || this.pending.has(`+${number.cc} ${number.phone_number}`);
  }
}

export const pendingAnswered201: Mutant = {
  id: 'legacy-pending-201',
  description: 'a number whose code was sent but not verified is answered 201 as if registered',
  profile: 'legacy',
  catches: ['LEGACY-PENDING-202'],
  build: (options) => createReference({ ...options, registrations: new PendingIsRegistered() }),
};

export const verifyAnswered200: Mutant = {
  id: 'legacy-verify-200',
  description: 'a completed registration is answered 200 OK instead of 201 Created (a SHOULD: a WARN, not a FAIL)',
  profile: 'legacy',
  catches: ['VERIFY-201'],
  build: rewriteAnswers('/v1/account/verify', (response) =>
    response.status === 201 ? { status: 200, body: { meta } } : response,
  ),
};

// Every token, and none, is the admin's: the refusal an anonymous caller gets is whatever the admin would get.
class TrustingAccounts extends Accounts {
  override session(token: string) {
    return super.session(token) ?? { user: 'admin', role: 'admin' as const, expiresAt: new Date(Date.now() + 60_000) };
  }
}

export const tokenNeverChecked: Mutant = {
  id: 'sunset-token-never-checked',
  description:
    'the bearer token is never checked: anonymous callers are answered as the admin (403/1005, or 400/1008 for a bad body)',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-REQUIRED'],
  build: (options) => {
    const reference = createReference({ ...options, accounts: new TrustingAccounts(options) });
    // No Authorization header at all reads as anyone's token; a login's Basic credentials are left alone.
    return async (request) =>
      reference(
        request.headers.authorization
          ? request
          : { ...request, headers: { ...request.headers, authorization: 'Bearer anyone' } },
      );
  },
};

export const sourceAreaMutants: readonly Mutant[] = [
  vnameNormalised,
  vnameTrimmed,
  vnameTruncated,
  wrongCodeRegisters,
  pendingAnswered201,
  verifyAnswered200,
  tokenNeverChecked,
];
