// The configuration space users really write, each form against every correct target: the reference in foreign mode
// and each correct variant. A suite that is right on the one configuration its tests take is not yet right; each
// cell must give 0 FAIL, 0 ERROR, 0 BLOCKED, no WARN beyond the SHOULDs the variant declares, and SKIPs that name
// what they lacked. Beside it, the broken sources users configure: each is exit 2 or ERROR, never a FAIL.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceConfig } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import type { SourceKind } from '../src/protocol/index.js';
import { type Emulator, emulatorConfig } from '../src/reference/index.js';
import { correctVariants, type Mutant } from './index.js';
import type { CellResult, MatrixCell } from './matrixRun.js';

/** One way to configure the suite for an emulator; `for` leaves out the targets it does not describe. */
export interface ConfigurationForm {
  name: string;
  /** The emulator's test surfaces: the control protocol, or all the foreign ones (the form picks among them). */
  emulator: 'control' | 'foreign';
  configure(emulator: Emulator, dir: string, target: Mutant | undefined): ConformanceConfig;
  /** Passwords the form leaves to the environment. */
  env?: (emulator: Emulator) => NodeJS.ProcessEnv;
  for?: (target: Mutant | undefined) => boolean;
}

const identity = (e: Emulator): ConformanceConfig => ({
  target: e.server.url,
  profile: e.profile,
  auth: { admin: e.admin, user: e.user },
  numbers: e.numbers,
  ...(e.ca ? { ca: e.ca } : {}),
});
// The configuration the emulator prints for one kind of source: every foreign emulator offers them all.
const printed = (e: Emulator, sources: SourceKind) => emulatorConfig({ ...e, sources });
const stateChangeUrl = (e: Emulator) => printed(e, 'header').stateChangeUrl!;
const fixedPerNumber = (e: Emulator) => printed(e, 'fixed').codeSource!;

/** The example configuration of docs/running.md, with the emulator's address, numbers and state-change URL in place of its own. */
export function documentedExample(): ConformanceConfig {
  const readme = readFileSync(join(packageRoot, 'docs', 'running.md'), 'utf8');
  const block = /A configuration file \(`--config`[^]*?```json\n([^]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('docs/running.md has no example configuration after "A configuration file (`--config`"');
  return JSON.parse(block) as ConformanceConfig;
}

export const configurationForms: readonly ConfigurationForm[] = [
  {
    name: 'readme-example',
    emulator: 'foreign',
    configure: (e, dir) => {
      const example = documentedExample();
      writeFileSync(
        join(dir, example.expectedFailures ?? 'known-failures.json'),
        JSON.stringify({ expectedFailures: [] }),
      );
      return {
        ...example,
        target: e.server.url,
        profile: e.profile,
        numbers: e.numbers,
        stateChangeUrl: stateChangeUrl(e),
        runs: undefined,
        ...(e.ca ? { ca: e.ca } : {}),
      };
    },
    env: (e) => ({ WA_CONFORMANCE_PASSWORD: e.admin.password, WA_CONFORMANCE_USER_PASSWORD: e.user.password }),
  },
  { name: 'renamed-emulator', emulator: 'control', configure: (e) => ({ ...identity(e), emulator: true }) },
  {
    name: 'renamed-verifyCode',
    emulator: 'foreign',
    // The old names: "fixtures" for "numbers", and its verifyCode for a fixed code source.
    configure: (e) => ({
      ...identity(e),
      numbers: undefined,
      acceptsMintedCertificates: true,
      fixtures: { ...e.numbers, verifyCode: e.fixedCode },
    }),
  },
  {
    name: 'fixed-for-all',
    emulator: 'foreign',
    configure: (e, _, target) => ({
      ...identity(e),
      acceptsMintedCertificates: true,
      stateChangeUrl: stateChangeUrl(e),
      codeSource: { type: 'fixed', code: target!.codeForEveryNumber! },
    }),
    for: (target) => target?.codeForEveryNumber !== undefined,
  },
  {
    name: 'fixed-per-number',
    emulator: 'foreign',
    configure: (e) => ({ ...identity(e), acceptsMintedCertificates: true, codeSource: fixedPerNumber(e) }),
  },
  ...(['header', 'inbox', 'command', 'hooks'] as const).map(
    (sources): ConfigurationForm => ({
      name: sources,
      emulator: 'foreign',
      configure: (e) => ({ ...identity(e), ...printed(e, sources) }),
    }),
  ),
  {
    // A hooks module that sets only some states: the checks that need the others SKIP naming the missing handler.
    name: 'hooks-some-states',
    emulator: 'foreign',
    configure: (e, dir) => {
      const hooks = join(dir, 'some-states.mjs');
      writeFileSync(
        hooks,
        [
          // A module instance of its own per emulator: the example reads the emulator's address when it is loaded.
          `import * as example from ${JSON.stringify(`${pathToFileURL(printed(e, 'hooks').hooks!).href}?some-states=${encodeURIComponent(e.server.url)}`)};`,
          "const kept = ['a number is registered', 'a number is not registered'];",
          'export const stateHandlers = Object.fromEntries(Object.entries(example.stateHandlers).filter(([state]) => kept.includes(state)));',
          'export const sentCode = example.sentCode;',
        ].join('\n'),
      );
      return { ...identity(e), acceptsMintedCertificates: true, hooks };
    },
  },
  {
    name: 'state-change-url',
    emulator: 'foreign',
    configure: (e) => ({ ...identity(e), acceptsMintedCertificates: true, stateChangeUrl: stateChangeUrl(e) }),
  },
  {
    name: 'numbers-only',
    emulator: 'foreign',
    configure: (e) => ({ ...identity(e), acceptsMintedCertificates: false }),
  },
  {
    name: 'no-numbers',
    emulator: 'foreign',
    configure: (e) => ({ ...identity(e), numbers: undefined, acceptsMintedCertificates: true }),
  },
];

/** The correct targets: the reference (in foreign mode where the form says), and every correct variant. */
export const correctTargets: readonly (Mutant | undefined)[] = [undefined, ...correctVariants];

const targetName = (target: Mutant | undefined) => target?.id ?? 'reference';

/** A run of the matrix: one correct target under one configuration form. */
export interface ConfigurationCell extends MatrixCell {
  target: Mutant | undefined;
  form: ConfigurationForm;
}

// A target served unusually (restarting, rate-limited, over TLS…) meets every path the client takes through these
// forms — the control protocol, codes in headers and inboxes, states by URL; the other forms differ from them only in
// files the suite reads, not in what it sends, and would each add a run as long as a restart.
const servedForms = new Set(['readme-example', 'renamed-emulator', 'header', 'inbox', 'state-change-url']);
const describes = (form: ConfigurationForm, target: Mutant | undefined) =>
  (form.for?.(target) ?? true) && (!target?.serving || servedForms.has(form.name));

export function configurationCells(): ConfigurationCell[] {
  return correctTargets.flatMap((target) =>
    configurationForms
      .filter((form) => describes(form, target))
      .map(
        (form): ConfigurationCell => ({
          target,
          form,
          name: `${targetName(target)}.${form.name}`,
          profile: target?.profile ?? 'legacy',
          ...(target ? { build: target.build } : {}),
          ...(target?.serving ? { serving: target.serving } : {}),
          sources: form.emulator === 'control' ? 'control' : 'header',
          configure: (_, emulator, dir) => form.configure(emulator, dir, target),
          ...(form.env ? { env: form.env } : {}),
        }),
      ),
  );
}

/** What a correct target's run under a form must not show; empty when the cell is clean. */
export function cellProblems({ cell, report, exitCode, stopped }: CellResult<ConfigurationCell>): string[] {
  const { target } = cell;
  if (stopped && !report) return [`stopped: ${stopped}`];
  const problems = exitCode === 0 ? [] : [`exit ${exitCode}${stopped ? `: ${stopped}` : ''}`];
  for (const r of report!.requirements) {
    if (r.verdict === 'FAIL' || r.verdict === 'ERROR' || r.verdict === 'BLOCKED')
      problems.push(
        `${r.verdict} ${r.id}: ${
          r.reason ??
          r.tests
            .find((t) => t.failure)
            ?.failure?.message.split('\n')
            .slice(0, 2)
            .join(' ') ??
          ''
        }`,
      );
    if (r.verdict === 'WARN' && !target?.departs?.includes(r.id))
      problems.push(`WARN ${r.id} (not a SHOULD ${cell.name} departs from)`);
    if (
      r.verdict === 'SKIP' &&
      !/^(applies to the|needs |would make |no answer this requirement describes|no interaction|the (sunset|legacy) profile judges)/.test(
        r.reason ?? '',
      )
    )
      problems.push(`SKIP ${r.id} without saying what it lacked: ${r.reason}`);
  }
  return problems;
}

/** The matrix as Markdown: a row per target, a column per form; each cell passed/skipped, or what went wrong. */
export function configurationTable(results: readonly CellResult<ConfigurationCell>[]): string {
  const header = `| target | ${configurationForms.map((f) => `\`${f.name}\``).join(' | ')} |`;
  const rows = correctTargets.map((target) => {
    const cells = configurationForms.map((form) => {
      const result = results.find((r) => r.cell.target === target && r.cell.form === form);
      if (!result) return '—';
      const problems = cellProblems(result);
      const s = result.report?.summary;
      return problems.length
        ? `**${problems.length} problem${problems.length > 1 ? 's' : ''}**`
        : `${s!.pass} pass, ${s!.skip} skip${s!.warn ? `, ${s!.warn} warn (declared)` : ''}`;
    });
    return `| \`${targetName(target)}\` | ${cells.join(' | ')} |`;
  });
  return [header, `|---|${configurationForms.map(() => '---').join('|')}|`, ...rows].join('\n');
}

/** A source a user got wrong, on a correct foreign emulator: exit 2 before any test, or ERROR; never a FAIL. */
export interface BrokenSource {
  name: string;
  configure(emulator: Emulator, dir: string): ConformanceConfig;
}

const foreign = (e: Emulator, overrides: ConformanceConfig): ConformanceConfig => ({
  ...identity(e),
  ...printed(e, 'header'),
  sourceTimeout: 1000,
  ...overrides,
});

export const brokenSources: readonly BrokenSource[] = [
  {
    name: 'inbox-404',
    configure: (e) =>
      foreign(e, { codeSource: { type: 'inbox', url: `${e.server.url}/_nowhere/{cc}/{phone_number}` } }),
  },
  {
    name: 'pointer-selects-nothing',
    configure: (e) => foreign(e, { codeSource: { ...printed(e, 'inbox').codeSource!, pointer: '/messages/0/code' } }),
  },
  {
    name: 'unknown-placeholder',
    configure: (e) => foreign(e, { codeSource: { type: 'inbox', url: `${e.server.url}/_inbox/{cc}/{phone}` } }),
  },
  {
    name: 'header-never-sent',
    configure: (e) => foreign(e, { codeSource: { type: 'header', header: 'x-code-never-sent' } }),
  },
  { name: 'state-change-url-404', configure: (e) => foreign(e, { stateChangeUrl: `${e.server.url}/_pact/nowhere` }) },
  {
    name: 'hooks-handler-throws',
    configure: (e, dir) => {
      const hooks = join(dir, 'throwing-hooks.mjs');
      writeFileSync(
        hooks,
        [
          "const down = () => { throw new Error('the emulator database is down'); };",
          "export const stateHandlers = Object.fromEntries(['a number is registered', 'a number is not registered', 'a number is not registered and has two-step verification on', 'a number was registered on another client'].map((s) => [s, down]));",
          'export async function sentCode() { down(); }',
        ].join('\n'),
      );
      return { ...identity(e), acceptsMintedCertificates: true, hooks, sourceTimeout: 1000 };
    },
  },
  {
    name: 'command-script-missing',
    configure: (e, dir) =>
      foreign(e, { codeSource: { type: 'command', argv: [process.execPath, join(dir, 'no-such-script.mjs')] } }),
  },
  {
    name: 'command-fails',
    configure: (e) =>
      foreign(e, {
        codeSource: {
          type: 'command',
          argv: [process.execPath, '-e', "console.error('Error: no inbox configured'); process.exit(3)"],
        },
      }),
  },
];

export function brokenSourceCells(): MatrixCell[] {
  return brokenSources.map((broken) => ({
    name: `broken.${broken.name}`,
    profile: 'legacy',
    sources: 'header',
    configure: (_, emulator, dir) => broken.configure(emulator, dir),
  }));
}

/** Why a broken source's run is not what it must be (exit 2 or ERROR, never FAIL); empty when it is. */
export function brokenSourceProblems({ report, exitCode, stopped }: CellResult): string[] {
  const failed =
    report?.requirements
      .filter((r) => r.verdict === 'FAIL' || r.verdict === 'BLOCKED')
      .map((r) => `${r.verdict} ${r.id}`) ?? [];
  const errored = report?.requirements.some((r) => r.verdict === 'ERROR') ?? false;
  // Exit 2 either before any test (no report) or with an ERROR naming the source.
  return [
    ...failed,
    ...(exitCode === 2 && (report ? errored : stopped)
      ? []
      : [`exit ${exitCode}, not 2 with an ERROR or a stop before any test`]),
  ];
}

/** The broken-source matrix as Markdown: what each run came to. */
export function brokenSourceTable(results: readonly CellResult[]): string {
  const rows = results.map((r) => {
    const errors = r.report?.requirements.filter((q) => q.verdict === 'ERROR') ?? [];
    const fails = r.report?.requirements.filter((q) => q.verdict === 'FAIL').length ?? 0;
    const outcome = !r.report
      ? `exit 2 before any test: ${r.stopped}`
      : `exit ${r.exitCode}: ${errors.length} ERROR, ${fails} FAIL — ${errors[0]?.reason ?? ''}`;
    return `| \`${r.cell.name.replace(/^broken\./, '')}\` | ${outcome.replace(/\|/g, '\\|').slice(0, 240)} |`;
  });
  return ['| broken source | outcome |', '|---|---|', ...rows].join('\n');
}
