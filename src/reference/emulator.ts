import { randomBytes, randomInt } from 'node:crypto';
import { mintCertificate } from '../cert/index.js';
import type { ConformanceConfig, Fixtures } from '../generated/types.js';
import type { Profile } from '../requirements/index.js';
import type { Handler } from './exchange.js';
import { createReference, type ReferenceOptions } from './reference.js';
import { serveHandler, type RunningServer } from './server.js';

export interface Emulator {
  server: RunningServer;
  profile: Profile;
  admin: { user: string; password: string };
  user: { user: string; password: string };
  fixtures: Fixtures;
}

export interface EmulatorOptions {
  profile: Profile;
  host?: string;
  port?: number;
  /** How to build the handler from the options: the reference itself, or a mutant of it. */
  build?: (options: ReferenceOptions) => Handler;
}

// Fresh passwords each start that meet the documented rules (upper, lower, digit, special; 8–64 chars).
function newPassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

/** Numbers in each documented state, fresh for each start, with certificates minted for them. */
function newFixtures(): Fixtures {
  const vname = '株式会社コンフォーマンス';
  return {
    registered: { cc: '1', phone_number: `555${digits(7)}`, cert: mintCertificate({ verifiedName: 'Registered Test Co' }) },
    twoStep: { cc: '44', phone_number: `7700${digits(6)}`, cert: mintCertificate({ verifiedName: 'Two-Step Test Ltd' }), pin: digits(6) },
    unregistered: { cc: '81', phone_number: `90${digits(8)}`, cert: mintCertificate({ verifiedName: vname }), vname },
  };
}

/** The reference as an emulator: an admin and a non-admin account, fixtures in place, the control protocol on. */
export async function startEmulator({ profile, host, port, build = createReference }: EmulatorOptions): Promise<Emulator> {
  const admin = { user: 'admin', password: newPassword() };
  const user = { user: 'operator', password: newPassword() };
  const fixtures = newFixtures();
  const handler = build({ profile, admin, users: [user], registered: [fixtures.registered!], twoStep: [fixtures.twoStep!], control: true });
  const server = await serveHandler(handler, { host, port });
  return { server, profile, admin, user, fixtures };
}

/** A configuration file for the suite that points at the emulator (passwords included: they are the emulator's own). */
export function emulatorConfig(emulator: Emulator): ConformanceConfig {
  return {
    target: emulator.server.url,
    profile: emulator.profile,
    auth: { admin: emulator.admin, user: emulator.user },
    fixtures: emulator.fixtures,
    emulator: true,
  };
}

/** What `serve` prints: where the emulator is, its accounts, and a configuration file for the suite. */
export function describeEmulator(emulator: Emulator): string {
  return [
    `wa-account-conformance reference emulator (${emulator.profile} profile) at ${emulator.server.url}`,
    `admin account:     ${emulator.admin.user} / ${emulator.admin.password}`,
    `non-admin account: ${emulator.user.user} / ${emulator.user.password}`,
    'conformance.json for the suite (wa-account-conformance --config conformance.json):',
    JSON.stringify(emulatorConfig(emulator), null, 2),
  ].join('\n');
}
