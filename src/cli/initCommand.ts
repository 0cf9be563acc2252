import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { CodeSourceConfig, ConformanceConfig } from '../generated/types.js';
import { readConfigFile, settingsOf } from '../run/configFile.js';
import { checkedJson } from '../run/jsonFile.js';
import { preflight } from '../run/preflight.js';
import { probeTarget } from '../run/probeTarget.js';
import { promisedDepth } from '../run/promisedDepth.js';
import { resolveSettings, secretVariables } from '../run/resolveSettings.js';
import type { RunOptions } from '../run/runOptions.js';
import { exitCodes, UsageError } from '../run/usageError.js';
import { say } from './say.js';

export interface InitOptions extends RunOptions {
  out?: string;
  force?: boolean;
}

/** Questions at a terminal, never without one: a CI job or a pipe gets what the probes found, and the reasons. */
interface Asker {
  ask(question: string): Promise<string>;
  askSecret(question: string): Promise<string>;
}

/**
 * `init`: probes the target with requests that change nothing, asks at a terminal for what it could not find, and
 * writes a configuration file that validates, secrets left to the environment; then says how deep a run with it goes.
 */
export async function initCommand(flags: InitOptions): Promise<number> {
  const out = resolve(flags.out ?? 'conformance.json');
  if (existsSync(out) && !flags.force)
    throw new UsageError(`${out} exists: give --out FILE for another, or --force to replace it`);
  const asker = process.stdin.isTTY && process.stderr.isTTY ? terminalAsker() : undefined;
  const base: ConformanceConfig = flags.config ? readConfigFile(flags.config) : {};
  const env = { ...process.env };
  const target =
    flags.target ?? base.target ?? (await asker?.ask('URL of the implementation under test: ')) ?? undefined;
  if (!target) throw new UsageError('init needs the target: --target URL');
  if (!flags.password && !flags.token && !env[secretVariables.password] && !env[secretVariables.token] && asker)
    env[secretVariables.password] = await asker.askSecret(
      `admin password (used now, never written: export ${secretVariables.password} for runs): `,
    );
  const settings = resolveSettings({ ...flags, target }, base, env, flags.config);
  const findings = await probeTarget({ ...settings, target }, flags.profile ?? base.profile);
  for (const line of findings.found) say(line);

  const profile =
    findings.profile ??
    ((await asker?.ask('profile, sunset (registration refused, 1005) or legacy (the 201/202 flow) [sunset]: ')) ===
    'legacy'
      ? 'legacy'
      : 'sunset');
  const nonAdmin =
    flags.nonAdmin ??
    base.auth?.user?.user ??
    (await asker?.ask('a non-admin user name, for the role checks (Enter: none): '));
  if (nonAdmin && !env[secretVariables.userPassword] && !flags.nonAdminPassword && asker)
    env[secretVariables.userPassword] = await asker.askSecret(
      `its password (used now, never written: export ${secretVariables.userPassword} for runs): `,
    );
  const codeSource =
    findings.codeSource ??
    (profile === 'legacy' && !findings.controlProtocol && !settings.hooks && asker
      ? codeSourceFrom(
          await asker.ask(
            'how can the suite read the code a number is sent? header NAME, inbox URL, command ARGV…, prompt, or Enter for none: ',
          ),
        )
      : undefined);

  const { auth: _auth, target: _target, ...kept } = base;
  const relativeTo = (path: string | undefined) => path && relative(dirname(out), path);
  const config: ConformanceConfig = {
    ...kept,
    target: findings.target,
    profile,
    auth: { admin: { user: settings.admin.user }, ...(nonAdmin ? { user: { user: nonAdmin } } : {}) },
    ...(findings.controlProtocol ? { controlProtocol: true } : {}),
    ...(findings.acceptsMintedCertificates !== undefined
      ? { acceptsMintedCertificates: findings.acceptsMintedCertificates }
      : {}),
    ...(findings.stateChangeUrl ? { stateChangeUrl: findings.stateChangeUrl } : {}),
    ...(settings.hooks ? { hooks: relativeTo(settings.hooks) } : {}),
    ...(codeSource ? { codeSource } : {}),
    ...(settings.sideEffects ? { sideEffects: true } : {}),
    ...(settings.insecure ? { insecure: true } : {}),
    ...(settings.ca ? { ca: relativeTo(settings.ca) } : {}),
    ...(settings.clientCert
      ? { clientCert: relativeTo(settings.clientCert), clientKey: relativeTo(settings.clientKey) }
      : {}),
  };
  checkedJson(config, 'conformance-config', 'the configuration init made');
  writeFileSync(out, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`wrote ${out} (it validates against schemas/conformance-config.schema.json; no secret in it)`);

  const run = await preflight(settingsOf({ config: out }, env), { say });
  const depth = await promisedDepth(run);
  console.log(`depth: ${depth.line}`);
  const unreachable = depth.rows.filter((r) => r.promise === 'missing');
  if (unreachable.length) console.log('to judge the rest:');
  for (const r of unreachable) console.log(`  ${r.id.padEnd(32)} ${r.why.join('; ')}`);
  console.log('next:');
  console.log(`  export ${run.admin.token ? secretVariables.token : secretVariables.password}=…   # never in the file`);
  if (nonAdmin) console.log(`  export ${secretVariables.userPassword}=…`);
  console.log(`  npx wa-account-conformance --config ${relative(process.cwd(), out) || out}`);
  return exitCodes.pass;
}

/** A code source from an answer at the terminal: `header verify-code`, `inbox http://…`, `command node x.mjs`, `prompt`. */
function codeSourceFrom(answer: string): CodeSourceConfig | undefined {
  const [kind, ...rest] = answer.trim().split(/\s+/);
  if (kind === 'header' && rest[0]) return { type: 'header', header: rest[0] };
  if (kind === 'inbox' && rest[0]) return { type: 'inbox', url: rest[0], pointer: '/code' };
  if (kind === 'command' && rest[0]) return { type: 'command', argv: [rest[0], ...rest.slice(1)] };
  if (kind === 'prompt') return { type: 'prompt' };
  return undefined;
}

function terminalAsker(): Asker {
  const question = async (text: string, muted: boolean) => {
    let mute = false;
    // Echo off for a secret: what is typed is not shown, the question is.
    const output = new Writable({
      write(chunk, _encoding, done) {
        if (!mute) process.stderr.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    try {
      const answer = rl.question(text);
      mute = muted;
      return (await answer).trim();
    } finally {
      rl.close();
      if (muted) process.stderr.write('\n');
    }
  };
  return { ask: (text) => question(text, false), askSecret: (text) => question(text, true) };
}
