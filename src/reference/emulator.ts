import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { mintCertificate } from '../cert/index.js';
import type { ConformanceConfig, KnownNumbers } from '../generated/types.js';
import { packageRoot } from '../paths.js';
import type { SourceKind } from '../protocol/index.js';
import type { Profile } from '../requirements/index.js';
import type { Handler } from './exchange.js';
import { createReference, type ReferenceOptions } from './reference.js';
import { inboxPath, providerStatesPath } from './routes/testSurfaces.js';
import { type RunningServer, type ServingOptions, serveHandler } from './server.js';

/**
 * How the suite reaches an emulator's state and codes. `control`: our control protocol. The others are "foreign":
 * the control protocol off, as on an emulator someone else wrote, and one of the other sources in its place.
 */

export interface Emulator {
  server: RunningServer;
  profile: Profile;
  admin: { user: string; password: string };
  user: { user: string; password: string };
  numbers: KnownNumbers;
  /** The code numbers.unregistered always receives (foreign mode: a test number). */
  fixedCode?: string;
  sources: SourceKind;
  /** The certificate to trust when it is served over HTTPS. */
  ca?: string;
}

export interface EmulatorOptions {
  profile: Profile;
  host?: string;
  port?: number;
  /** How the suite is to reach state and codes (default: the control protocol). */
  sources?: SourceKind;
  /** How to build the handler from the options: the reference itself, or a mutant of it. */
  build?: (options: ReferenceOptions) => Handler;
  /** How it is served: TLS, latency, a rate limit, restarts (default: plain HTTP, at once). */
  serving?: Omit<ServingOptions, 'host' | 'port'>;
}

// Fresh passwords each start that meet the documented rules (upper, lower, digit, special; 8–64 chars).
function newPassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

/** Numbers in each documented state, fresh for each start, with certificates minted for them. */
function knownNumbers(): KnownNumbers {
  const vname = '株式会社コンフォーマンス';
  return {
    registered: {
      cc: '1',
      phone_number: `555${digits(7)}`,
      cert: mintCertificate({ verifiedName: 'Registered Test Co' }),
    },
    twoStep: {
      cc: '44',
      phone_number: `7700${digits(6)}`,
      cert: mintCertificate({ verifiedName: 'Two-Step Test Ltd' }),
      pin: digits(6),
    },
    unregistered: { cc: '81', phone_number: `90${digits(8)}`, cert: mintCertificate({ verifiedName: vname }), vname },
  };
}

/** The header of the 202 that carries the code in foreign mode, as the whatsapp-bizapi-mock names it. */
export const codeHeader = 'verify-code';

/** The reference as an emulator: an admin and a non-admin account, fixtures in place, state and codes reachable as `sources` says. */
export async function startEmulator({
  profile,
  host,
  port,
  sources = 'control',
  build = createReference,
  serving = {},
}: EmulatorOptions): Promise<Emulator> {
  const admin = { user: 'admin', password: newPassword() };
  const user = { user: 'operator', password: newPassword() };
  const numbers = knownNumbers();
  const foreign = sources !== 'control';
  const fixedCode = foreign ? digits(6) : undefined;
  const handler = build({
    profile,
    admin,
    users: [user],
    registered: [numbers.registered!],
    twoStep: [numbers.twoStep!],
    control: !foreign,
    ...(foreign
      ? { codeHeader, providerStates: true, inbox: true, fixedCodes: [{ ...numbers.unregistered!, code: fixedCode! }] }
      : {}),
  });
  const server = await serveHandler(handler, { ...serving, host, port });
  const ca = serving.tls && (serving.tls.ca ?? serving.tls.cert);
  return { server, profile, admin, user, numbers, fixedCode, sources, ...(ca ? { ca } : {}) };
}

/** The example a foreign emulator's hooks and command sources come from (examples/ ships in the package). */
export const examplePath = (name: string) => join(packageRoot, 'examples', name);

/** The environment variable the example hooks module reads the emulator's address from. */
export const emulatorUrlVariable = 'EMULATOR_URL';

/** The configuration that reaches the emulator's state and codes the way `emulator.sources` says. */
function sourcesConfig(emulator: Emulator): ConformanceConfig {
  const url = emulator.server.url;
  const stateChangeUrl = `${url}${providerStatesPath}`;
  switch (emulator.sources) {
    case 'control':
      return { controlProtocol: true, acceptsMintedCertificates: true };
    case 'header':
      return { acceptsMintedCertificates: true, stateChangeUrl, codeSource: { type: 'header', header: codeHeader } };
    case 'inbox':
      return {
        acceptsMintedCertificates: true,
        stateChangeUrl,
        codeSource: {
          type: 'inbox',
          url: `${url}${inboxPath}/{cc}/{phone_number}`,
          pointer: '/code',
          sentAtPointer: '/sentAt',
        },
      };
    case 'command':
      return {
        acceptsMintedCertificates: true,
        stateChangeUrl,
        codeSource: { type: 'command', argv: [process.execPath, examplePath('inbox-code.mjs'), `${url}${inboxPath}`] },
      };
    case 'hooks':
      return { acceptsMintedCertificates: true, hooks: examplePath('conformance-hooks.mjs') };
    case 'fixed': {
      const { cc, phone_number } = emulator.numbers.unregistered!;
      return {
        acceptsMintedCertificates: false,
        codeSource: { type: 'fixed', codes: [{ cc, phone_number, code: emulator.fixedCode! }] },
      };
    }
  }
}

/** A configuration file for the suite that points at the emulator (passwords included: they are the emulator's own). */
export function emulatorConfig(emulator: Emulator): ConformanceConfig {
  return {
    target: emulator.server.url,
    profile: emulator.profile,
    auth: { admin: emulator.admin, user: emulator.user },
    numbers: emulator.numbers,
    ...(emulator.ca ? { ca: emulator.ca } : {}),
    ...sourcesConfig(emulator),
  };
}

/** What `serve` prints: where the emulator is, its accounts, and a configuration file for the suite. */
export function describeEmulator(emulator: Emulator): string {
  const how =
    emulator.sources === 'control'
      ? 'control protocol on'
      : `control protocol off; state and codes through: ${emulator.sources}`;
  return [
    `wa-account-conformance reference emulator (${emulator.profile} profile, ${how}) at ${emulator.server.url}`,
    `admin account:     ${emulator.admin.user} / ${emulator.admin.password}`,
    `non-admin account: ${emulator.user.user} / ${emulator.user.password}`,
    ...(emulator.sources === 'hooks'
      ? [
          `the hooks module reads the emulator's address from ${emulatorUrlVariable}: export ${emulatorUrlVariable}=${emulator.server.url}`,
        ]
      : []),
    'conformance.json for the suite (wa-account-conformance --config conformance.json):',
    JSON.stringify(emulatorConfig(emulator), null, 2),
  ].join('\n');
}
