import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { verifyContracts } from '../../contracts/verifyContracts.js';
import type { ConformanceConfig } from '../generated/types.js';
import { packageRoot } from '../paths.js';
import type { Profile } from '../requirements/index.js';
import { startEmulator } from '../reference/index.js';
import { sideEffectsAllowed } from '../settings/runSettings.js';
import { readConfigFile } from './configFile.js';
import { checkReachable } from './preflight.js';
import { resolveSettings } from './resolveSettings.js';
import type { RunOptions } from './runOptions.js';
import { exitCodes, UsageError } from './usageError.js';

/** `contracts verify`: the Pact Verifier against --target, or against the embedded reference. */
export async function contractsVerifyCommand(flags: RunOptions): Promise<number> {
  const config: ConformanceConfig = flags.config ? readConfigFile(flags.config) : {};
  const s = resolveSettings(flags, config, process.env);
  const emulator = s.target ? undefined : await startEmulator({ profile: s.profile });
  try {
    if (s.target) await checkReachable(s.target, { path: 'v1/users/login', timeoutMs: s.timeoutMs, insecure: s.insecure });
    const result = await verifyContracts(emulator
      ? { target: emulator.server.url, profile: s.profile, admin: emulator.admin, fixtures: emulator.fixtures, emulator: true, sideEffects: true }
      : { target: s.target!, profile: s.profile, admin: s.admin, fixtures: s.fixtures, emulator: s.emulator, sideEffects: sideEffectsAllowed({ ...s, target: s.target! }) });
    if (!result.ok) console.log(result.output);
    for (const r of result.interactions) console.log(`${r.result.padEnd(8)} ${r.description}${r.reason ? `: ${r.reason}` : ''}`);
    const count = (what: string) => result.interactions.filter((r) => r.result === what).length;
    console.log(`${count('OK')} passed, ${count('FAILED')} failed, ${count('SKIPPED')} skipped`);
    return result.ok ? exitCodes.pass : exitCodes.fail;
  } finally {
    await emulator?.server.close();
  }
}

export interface PublishOptions {
  brokerUrl: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  consumerAppVersion: string;
  branch?: string;
  tag?: string[];
  profile: Profile;
}

const pactBroker = join(createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json'), '..', 'bin', 'pact-broker.js');

/** `contracts publish`: the official `pact-broker publish` (pact-cli's Rust binary) on the profile's contract. */
export async function contractsPublishCommand(o: PublishOptions): Promise<number> {
  const token = o.brokerToken ?? process.env.PACT_BROKER_TOKEN;
  const password = o.brokerPassword ?? process.env.PACT_BROKER_PASSWORD;
  if (o.brokerUsername && !password) throw new UsageError('--broker-username needs --broker-password (or PACT_BROKER_PASSWORD)');
  await checkReachable(o.brokerUrl, { what: 'Pact Broker' });
  const args = ['publish', '--broker-base-url', o.brokerUrl, '--consumer-app-version', o.consumerAppVersion];
  if (o.branch) args.push('--branch', o.branch);
  if (o.tag?.length) args.push('--tag', ...o.tag);
  // The directory last: --tag takes every value up to the next flag.
  args.push('--', join(packageRoot, 'contracts', 'pacts', o.profile));
  // Credentials go by environment, never on a command line where ps (or an error message) would show them.
  const env: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
  if (token) env.PACT_BROKER_TOKEN = token;
  if (o.brokerUsername) Object.assign(env, { PACT_BROKER_USERNAME: o.brokerUsername, PACT_BROKER_PASSWORD: password });
  const child = spawn(process.execPath, [pactBroker, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const secrets = [token, password].filter((x): x is string => !!x);
  const redact = (chunk: Buffer) => secrets.reduce((text, secret) => text.split(secret).join('${PACT_BROKER_SECRET}'), chunk.toString());
  child.stdout.on('data', (d: Buffer) => process.stdout.write(redact(d)));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(redact(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}
