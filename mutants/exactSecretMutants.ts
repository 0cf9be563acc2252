// Secrets compared, but not exactly: what issue 33's checks catch and a "wrong value refused" check alone does not.
import { createReference, Registrations } from '../src/reference/index.js';
import { acceptedAnswer } from './legacyAcceptedAnswer.js';
import { firstError, type Mutant, objectBody, rewriteAnswers, wrapping } from './mutant.js';

export const pinComparedOnSixCharacters: Mutant = {
  id: 'legacy-pin-first-six',
  description: 'the PIN is compared on its first six characters: the PIN with a digit appended is taken',
  profile: 'legacy',
  catches: ['LEGACY-PIN-CHECKED'],
  build: wrapping((reference) => async (request) => {
    const body = request.path === '/v1/account' ? objectBody(request) : undefined;
    if (typeof body?.pin !== 'string' || body.pin.length <= 6) return reference(request);
    return reference({ ...request, body: JSON.stringify({ ...body, pin: body.pin.slice(0, 6) }) });
  }),
};

export const pinNotRequiredForVoice: Mutant = {
  id: 'legacy-pin-not-required-voice',
  description: 'a number with two-step on is sent a code without its PIN when the method is voice',
  profile: 'legacy',
  catches: ['LEGACY-PIN-REQUIRED'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    firstError(response)?.code === 1008 &&
    String(firstError(response)?.details).includes("'pin'") &&
    objectBody(request)?.method === 'voice'
      ? acceptedAnswer(request)
      : response,
  ),
};

/** Registrations whose /verify completes the pending one whose code `matches` the code given. */
class LooseCodes extends Registrations {
  constructor(private readonly matches: (given: string, sent: string) => boolean) {
    super();
  }
  override verify(code: string): string | undefined {
    const sent = this.pendingCodes().find((p) => p === code) ?? this.pendingCodes().find((p) => this.matches(code, p));
    return sent === undefined ? undefined : super.verify(sent);
  }
}

export const codePrefixAccepted: Mutant = {
  id: 'legacy-code-prefix-accepted',
  description: '/verify completes a registration with a prefix of its code (a startsWith where === was meant)',
  profile: 'legacy',
  catches: ['VERIFY-WRONG-CODE'],
  build: (options) =>
    createReference({
      ...options,
      registrations: new LooseCodes((given, sent) => given.length > 0 && sent.startsWith(given)),
    }),
};

export const codeAppendedIgnored: Mutant = {
  id: 'legacy-code-appended-ignored',
  description: '/verify compares the code only as far as the one sent goes: a character appended is taken',
  profile: 'legacy',
  catches: ['VERIFY-WRONG-CODE'],
  build: (options) =>
    createReference({ ...options, registrations: new LooseCodes((given, sent) => given.startsWith(sent)) }),
};

export const exactSecretMutants: readonly Mutant[] = [
  pinComparedOnSixCharacters,
  pinNotRequiredForVoice,
  codePrefixAccepted,
  codeAppendedIgnored,
];
