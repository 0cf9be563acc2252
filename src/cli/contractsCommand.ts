import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Secrets } from '../client/index.js';
import { packageRoot } from '../paths.js';
import { startEmulator } from '../reference/index.js';
import type { Profile } from '../requirements/index.js';
import { type BrokerOptions, brokerCredentials } from '../run/brokerSettings.js';
import { checkBroker, preflight } from '../run/preflight.js';
import type { RunOptions } from '../run/runOptions.js';
import { exitCodes, UsageError } from '../run/usageError.js';
import { verifyInChild } from '../run/verifyInChild.js';
import { announcedSettings, say } from './say.js';

/** `contracts verify`: the Pact Verifier against --target, or against the embedded reference. */
export async function contractsVerifyCommand(flags: RunOptions): Promise<number> {
  const resolved = announcedSettings(flags);
  const reference = resolved.target ? undefined : await startEmulator({ profile: resolved.profile });
  try {
    const result = await verifyInChild(await preflight(resolved, { reference, say }));
    if (!result.ok || result.interactions.some((r) => r.result === 'FAILED')) console.log(result.output);
    for (const r of result.interactions)
      console.log(
        `${r.result.padEnd(8)} ${r.description}${r.pending ? ' (pending pact)' : ''}${r.reason ? `: ${r.reason}` : ''}`,
      );
    const count = (what: string) => result.interactions.filter((r) => r.result === what).length;
    const pending = result.interactions.filter((r) => r.result === 'FAILED' && r.pending).length;
    const partial = count('SKIPPED')
      ? `: ${count('OK') + count('FAILED')} of ${result.interactions.length} interactions verified, the others need what this run lacks (above)`
      : pending
        ? `: ${pending} of the failures in pending pacts, which do not fail the verification`
        : result.interactions.length === 0
          ? ': nothing was verified (above: why)'
          : '';
    console.log(`${count('OK')} passed, ${count('FAILED')} failed, ${count('SKIPPED')} skipped${partial}`);
    return result.ok ? exitCodes.pass : exitCodes.fail;
  } finally {
    await reference?.server.close();
  }
}

export interface PublishOptions
  extends Pick<BrokerOptions, 'brokerUrl' | 'brokerToken' | 'brokerUsername' | 'brokerPassword'> {
  consumerAppVersion: string;
  branch?: string;
  tag?: string[];
  profile: Profile;
}

const pactBroker = join(
  createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json'),
  '..',
  'bin',
  'pact-broker.js',
);

/** `contracts publish`: the official `pact-broker publish` (pact-cli's Rust binary) on the profile's contract. */
export async function contractsPublishCommand(o: PublishOptions): Promise<number> {
  if (!o.brokerUrl) throw new UsageError('contracts publish needs --broker-url');
  const { token, username, password } = brokerCredentials(o, process.env);
  await checkBroker(o.brokerUrl);
  const args = ['publish', '--broker-base-url', o.brokerUrl, '--consumer-app-version', o.consumerAppVersion];
  if (o.branch) args.push('--branch', o.branch);
  if (o.tag?.length) args.push('--tag', ...o.tag);
  // The directory last: --tag takes every value up to the next flag.
  args.push('--', join(packageRoot, 'contracts', 'pacts', o.profile));
  // Credentials go by environment, never on a command line where ps (or an error message) would show them.
  const env: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
  if (token) env.PACT_BROKER_TOKEN = token;
  if (username) Object.assign(env, { PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password });
  const child = spawn(process.execPath, [pactBroker, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // What pact-broker prints passes through the same redaction as a run's reports.
  const secrets = new Secrets();
  secrets.add('PACT_BROKER_TOKEN', token);
  secrets.add('PACT_BROKER_PASSWORD', password);
  child.stdout.on('data', (d: Buffer) => process.stdout.write(secrets.redact(d.toString())));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(secrets.redact(d.toString())));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}
