import fc from 'fast-check';
import { decodeCertificate, mintCertificate } from '../cert/index.js';
import type { RegisterRequest } from '../generated/types.js';
import type { PhoneNumber } from '../protocol/index.js';
import { verifiedName } from './verifiedName.js';

/** A registration for `number` with a minted certificate for a generated name, which it carries along. */
export function mintedRegistration(number: PhoneNumber): fc.Arbitrary<{ body: RegisterRequest; vname: string }> {
  return fc
    .record({ vname: verifiedName(), method: fc.constantFrom('sms' as const, 'voice' as const) })
    .map(({ vname, method }) => registrationNamed(number, vname, method));
}

/** A registration of `number` with a certificate minted for `vname`. */
export function registrationNamed(
  number: PhoneNumber,
  vname: string,
  method: 'sms' | 'voice' = 'sms',
): { body: RegisterRequest; vname: string } {
  return { vname, body: { ...number, method, cert: mintCertificate({ verifiedName: vname }) } };
}

/** Six-digit PINs other than `pin`. */
export function wrongPin(pin: string): fc.Arbitrary<string> {
  return fc.stringMatching(/^[0-9]{6}$/).filter((p) => p !== pin);
}

/**
 * Two different codes, neither of them in `read`: six digits, as real codes are, so only a check of the code refuses
 * them. Two, because one can still be a code the target sent for a registration the run never read (postWrongCode).
 */
export function wrongCodes(read: ReadonlySet<string>): fc.Arbitrary<[string, string]> {
  const code = fc.stringMatching(/^[0-9]{6}$/).filter((c) => !read.has(c));
  return fc.tuple(code, code).filter(([first, second]) => first !== second);
}

/** Certificates that are not base64, or base64 that is no verified-name certificate. */
export function invalidCertificate(): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom('not base64!', '****', 'Cg==', 'AAAA', '////'),
      fc.uint8Array({ minLength: 1, maxLength: 30 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    )
    .filter((cert) => !decodeCertificate(cert).ok);
}
