import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceConfig } from '../../src/generated/types.js';
import type { SourceKind } from '../../src/protocol/index.js';
import { type EmulatorOptions, emulatorConfig, emulatorUrlVariable, startEmulator } from '../../src/reference/index.js';
import { appliesTo, catalogue } from '../../src/requirements/index.js';
import { readReport, runCli } from './runCli.js';

/** What init promised of a target and what the run with the file it wrote reached. */
export interface PromisedAndReached {
  name: string;
  promised: string[];
  reached: string[];
  /** init's depth line. */
  line: string;
}

// What no probe can find (code the user wrote, numbers only they know) is given to init as a partial file, as a
// user would: the configuration keys of these sources, from the emulator's own.
const givenKeys: Record<SourceKind, (keyof ConformanceConfig)[]> = {
  control: [],
  header: [],
  inbox: ['codeSource'],
  command: ['codeSource'],
  hooks: ['hooks'],
  fixed: ['codeSource', 'numbers', 'acceptsMintedCertificates'],
};

/** `init --target` against an emulator, then a run with the file it wrote; the requirements each judges. */
export async function initThenRun(name: string, options: EmulatorOptions): Promise<PromisedAndReached> {
  const emulator = await startEmulator(options);
  const dir = mkdtempSync(join(tmpdir(), 'wa-init-'));
  try {
    const own = emulatorConfig(emulator);
    const kind = options.sources ?? 'control';
    const given = Object.fromEntries(
      givenKeys[kind].flatMap((key) => (own[key] === undefined ? [] : [[key, own[key]]])),
    );
    const base = join(dir, 'given.json');
    writeFileSync(base, JSON.stringify(given));
    const out = join(dir, 'conformance.json');
    const env = {
      WA_CONFORMANCE_PASSWORD: emulator.admin.password,
      WA_CONFORMANCE_USER_PASSWORD: emulator.user.password,
      [emulatorUrlVariable]: emulator.server.url,
    };
    const init = await runCli(
      [
        'init',
        '--target',
        emulator.server.url,
        '--non-admin',
        emulator.user.user,
        '--out',
        out,
        ...(Object.keys(given).length ? ['--config', base] : []),
        ...(emulator.ca ? ['--ca', emulator.ca] : []),
      ],
      env,
    );
    assert.equal(init.code, 0, `${name}: init exited ${init.code}\n${init.stdout}${init.stderr}`);
    const line = /^depth: (.*)$/m.exec(init.stdout)?.[1];
    assert.ok(line, `${name}: init printed no depth\n${init.stdout}`);
    const rest = init.stdout.split('to judge the rest:\n')[1]?.split('\nnext:')[0] ?? '';
    const unreached = new Set(rest.split('\n').flatMap((l) => /^ {2}([A-Z0-9-]+) /.exec(l)?.[1] ?? []));
    const profile = options.profile;
    const promised = catalogue.filter((r) => appliesTo(r, profile) && !unreached.has(r.id)).map((r) => r.id);
    const run = await runCli(['--config', out, '--seed', '7', '--runs', '10'], env);
    assert.equal(run.code, 0, `${name}: the run exited ${run.code}\n${run.stdout}${run.stderr}`);
    const reached = readReport(run)
      .requirements.filter((r) => r.verdict !== 'SKIP')
      .map((r) => r.id);
    return { name, promised, reached, line };
  } finally {
    await emulator.server.close();
  }
}

/** `| name | promised | reached | same |` — the table the acceptance asks for, one row per target. */
export function depthTableRow(r: PromisedAndReached): string {
  const same = r.promised.length === r.reached.length && r.promised.every((id) => r.reached.includes(id));
  return `| ${r.name} | ${r.promised.length} (${r.line}) | ${r.reached.length} | ${same ? 'same' : 'DIFFERENT'} |`;
}
