import { createReference, Registrations } from '../src/reference/index.js';
import { acceptedAnswer } from './legacyAcceptedAnswer.js';
import { firstError, type Mutant, meta, objectBody, rewriteAnswers, vnameRewritten, wrapping } from './mutant.js';

// Faults of the legacy registration flow, one requirement each (issue 3's list).

export const acceptedWithoutVname: Mutant = {
  id: 'legacy-202-without-vname',
  description: '202 Accepted with only meta: the account[].vname payload is missing',
  profile: 'legacy',
  catches: ['LEGACY-UNREGISTERED-202'],
  build: rewriteAnswers('/v1/account', (response) =>
    response.status === 202 ? { ...response, body: { meta } } : response,
  ),
};

export const vnameMangled: Mutant = {
  id: 'legacy-vname-mangled',
  description: 'non-ASCII vnames come back as UTF-8 bytes read as Latin-1 (株式会社 → æ\u00a0ªå¼\u008f…)',
  profile: 'legacy',
  catches: ['LEGACY-VNAME-ROUNDTRIP'],
  build: vnameRewritten((vname) => Buffer.from(vname, 'utf8').toString('latin1')),
};

export const registeredAnswered200: Mutant = {
  id: 'legacy-registered-200',
  description: 'a registered number is answered 200 OK instead of 201 Created',
  profile: 'legacy',
  catches: ['LEGACY-REGISTERED-201'],
  build: rewriteAnswers('/v1/account', (response) =>
    response.status === 201 ? { ...response, status: 200 } : response,
  ),
};

export const registeredAnswered202: Mutant = {
  id: 'legacy-registered-202',
  description: 'a registered number is answered 202 as if unregistered (a code is "sent" again)',
  profile: 'legacy',
  catches: ['LEGACY-REGISTERED-201'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    response.status === 201 ? acceptedAnswer(request) : response,
  ),
};

export const missingPinAccepted: Mutant = {
  id: 'legacy-missing-pin-accepted',
  description: 'a number with two-step on is accepted (202) without its pin',
  profile: 'legacy',
  catches: ['LEGACY-PIN-REQUIRED'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    firstError(response)?.code === 1008 && String(firstError(response)?.details).includes("'pin'")
      ? acceptedAnswer(request)
      : response,
  ),
};

export const wrongPinAccepted: Mutant = {
  id: 'legacy-wrong-pin-accepted',
  description: 'a wrong pin is accepted (202)',
  profile: 'legacy',
  catches: ['LEGACY-PIN-CHECKED'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    firstError(response)?.details === 'Incorrect two-step verification PIN' ? acceptedAnswer(request) : response,
  ),
};

export const pinAnswerWithoutItsName: Mutant = {
  id: 'legacy-pin-vname-wrong',
  description: 'a registration with the right pin is answered 202 with a vname that is not the one in its cert',
  profile: 'legacy',
  catches: ['LEGACY-PIN-ACCEPTED'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    response.status === 202 && objectBody(request)?.pin !== undefined
      ? { ...response, body: { account: [{ vname: 'Another Business Ltd' }], meta } }
      : response,
  ),
};

export const emailMethodAccepted: Mutant = {
  id: 'legacy-email-method-accepted',
  description: 'method "email" is treated as "sms" instead of being refused',
  profile: 'legacy',
  catches: ['LEGACY-METHOD-OPTIONS'],
  build: wrapping((reference) => async (request) => {
    const body = (() => {
      try {
        return JSON.parse(request.body) as { method?: unknown };
      } catch {
        return undefined;
      }
    })();
    if (request.path === '/v1/account' && body?.method === 'email')
      return reference({ ...request, body: JSON.stringify({ ...body, method: 'sms' }) });
    return reference(request);
  }),
};

export const verifyAcceptsAnyCode: Mutant = {
  id: 'legacy-verify-any-code',
  description: 'POST /v1/account/verify answers 201 to any code',
  profile: 'legacy',
  catches: ['VERIFY-WRONG-CODE'],
  foreign: 'fixed',
  build: rewriteAnswers('/v1/account/verify', (response) =>
    firstError(response)?.code === 1009 ? { status: 201, body: { meta } } : response,
  ),
};

// A state fault: the code is used up, but the number is never registered.
class ForgetfulRegistrations extends Registrations {
  override verify(code: string): string | undefined {
    const key = super.verify(code);
    if (key) this.registered.delete(key);
    return key;
  }
}

export const verifyDoesNotRegister: Mutant = {
  id: 'legacy-verify-not-registering',
  description: 'verify answers 201 but the number stays unregistered (a new POST /v1/account gives 202 again)',
  profile: 'legacy',
  catches: ['VERIFY-REGISTERS'],
  foreign: 'command',
  build: (options) => createReference({ ...options, registrations: new ForgetfulRegistrations() }),
};

export const nonAdminRegisters: Mutant = {
  id: 'legacy-non-admin-registers',
  description: 'a non-admin account may register: 202 instead of 403',
  profile: 'legacy',
  catches: ['AUTH-ADMIN-ONLY'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    firstError(response)?.details === "User doesn't have permission" ? acceptedAnswer(request) : response,
  ),
};

export const legacyMutants: readonly Mutant[] = [
  acceptedWithoutVname,
  vnameMangled,
  registeredAnswered200,
  registeredAnswered202,
  missingPinAccepted,
  wrongPinAccepted,
  pinAnswerWithoutItsName,
  emailMethodAccepted,
  verifyAcceptsAnyCode,
  verifyDoesNotRegister,
  nonAdminRegisters,
];
