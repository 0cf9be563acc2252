import { randomBytes, randomInt } from 'node:crypto';
import { mintCertificate } from '../cert/index.js';
import type { Fixtures } from '../generated/types.js';
import type { Profile } from '../requirements/index.js';
import { createReference, serveHandler, type RunningServer } from '../reference/index.js';

export interface EmbeddedReference {
  server: RunningServer;
  admin: { user: string; password: string };
  user: { user: string; password: string };
  fixtures: Fixtures;
}

// Fresh passwords each run that meet the documented rules (upper, lower, digit, special; 8–64 chars).
function newPassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

/** Numbers in each documented state, fresh for each start, with certificates minted for them. */
export function referenceFixtures(): Fixtures {
  const vname = '株式会社コンフォーマンス';
  return {
    registered: { cc: '1', phone_number: `555${digits(7)}`, cert: mintCertificate({ verifiedName: 'Registered Test Co' }) },
    twoStep: { cc: '44', phone_number: `7700${digits(6)}`, cert: mintCertificate({ verifiedName: 'Two-Step Test Ltd' }), pin: digits(6) },
    unregistered: { cc: '81', phone_number: `90${digits(8)}`, cert: mintCertificate({ verifiedName: vname }), vname },
  };
}

/** The reference on a loopback port (ephemeral unless given), with an admin, a non-admin account and fixtures. */
export async function startEmbeddedReference(profile: Profile, listen: { host?: string; port?: number } = {}): Promise<EmbeddedReference> {
  const admin = { user: 'admin', password: newPassword() };
  const user = { user: 'operator', password: newPassword() };
  const fixtures = referenceFixtures();
  const server = await serveHandler(
    createReference({ profile, admin, users: [user], registered: [fixtures.registered!], twoStep: [fixtures.twoStep!], control: true }),
    listen,
  );
  return { server, admin, user, fixtures };
}
