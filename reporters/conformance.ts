import { relative, sep } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import type { ExpectedFailure, Failure, LoggedExchange, ShownSettings, TestRecord } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import { generatedTag, requirementIdsIn, resultNames, writeBudget } from '../src/protocol/index.js';
import { buildReport } from './buildReport.js';
import { printReport } from './console.js';
import { Progress } from './progress.js';
import { writeReportFiles } from './reportFiles.js';
import { nothingJudged, runFailed, settingsLine } from './verdicts.js';

export interface ConformanceReporterOptions {
  reportDir: string;
  target: string;
  profile: 'sunset' | 'legacy';
  seed: number;
  /** The most bad logins the run sends (--auth-probes): stated before it starts, as a login limit counts them. */
  authProbes: number;
  toolVersion: string;
  /** How the run was set up, as the report heads it. */
  settings?: ShownSettings;
  expectedFailures: ExpectedFailure[];
  /** The whole-run deadline (--max-time), in seconds: tests it cut short or kept from running are SKIP, saying so. */
  maxTimeSeconds?: number;
  /** --interop strict: a real client the answers break is a WARN. */
  interopStrict?: boolean;
  /** --budget: the reporter keeps, in the run's directory, when it ends and how many properties are still to run. */
  budget?: { seconds: number; runDir: string };
  /** Nothing on the console: the report files only (the kill matrix runs a reporter per mutant). */
  quiet?: boolean;
}

type Annotation = { type: string; description?: string };

/** The suite's only reporter: verdicts per requirement on the console and in the report files; it sets the exit status. */
export default class ConformanceReporter implements Reporter {
  private readonly records: TestRecord[] = [];
  private readonly errors: string[] = [];
  private readonly progress: Progress | undefined;
  private startedAt = new Date();
  private shards: string[] = [];
  private tests: TestCase[] = [];
  private generatedLeft = 0;
  private budgetEndsAt = 0;

  constructor(private readonly options: ConformanceReporterOptions) {
    this.progress = options.quiet ? undefined : new Progress();
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    this.shards = config.shard ? [`${config.shard.current}/${config.shard.total}`] : [];
    const { target, profile, seed, authProbes } = this.options;
    const shard = this.shards.length ? `, shard ${this.shards[0]}` : '';
    if (!this.options.quiet)
      console.log(
        `wa-account-conformance ${this.options.toolVersion}: ${suite.allTests().length} tests, profile ${profile}, target ${target}, seed ${seed}${shard}, at most ${authProbes} bad logins (--auth-probes)${this.options.settings ? `\n${settingsLine(this.options.settings)}` : ''}\n`,
      );
    this.progress?.begin(suite.allTests().length);
    this.tests = suite.allTests();
    const { budget } = this.options;
    if (budget) {
      this.generatedLeft = this.tests.filter((t) => t.tags.includes(generatedTag)).length;
      this.budgetEndsAt = Date.now() + budget.seconds * 1000;
      writeBudget(budget.runDir, { endsAt: this.budgetEndsAt, left: this.generatedLeft });
    }
  }

  private get deadlineReason(): string {
    return `the run reached its deadline (--max-time ${this.options.maxTimeSeconds} s)`;
  }

  onTestBegin(test: TestCase): void {
    this.progress?.show(requirementIdsIn(test.annotations).join(' ') || test.title);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (this.options.budget && test.tags.includes(generatedTag)) {
      this.generatedLeft -= 1;
      writeBudget(this.options.budget.runDir, { endsAt: this.budgetEndsAt, left: this.generatedLeft });
    }
    const annotations: Annotation[] = [...test.annotations, ...result.annotations];
    const wireLog = attachedJson<LoggedExchange[]>(result, resultNames.wireLog) ?? [];
    // A test the deadline cut short judged nothing: SKIP, not FAIL.
    const cut = result.status === 'interrupted' && this.options.maxTimeSeconds !== undefined;
    const judgement = jsonAnnotation<Judgement>(annotations, resultNames.judged);
    // A test that passed without judging one answer showed nothing: SKIP, saying what it saw instead.
    const vacuous = result.status === 'passed' && judgement?.judged === 0;
    // A worker that died (out of memory, killed, a bad node flag) says nothing of the target: the run broke down.
    const crash =
      result.status === 'failed'
        ? /^(?:Error: )?(worker process exited unexpectedly.*)/.exec(result.error?.message ?? '')?.[1]
        : undefined;
    if (crash) this.errors.push(`${crash}, while running "${test.title}"`);
    // Not judged: a source failed (ERROR), or the target broke the requirement this test depends on (BLOCKED).
    const error = annotations.find((a) => a.type === resultNames.error)?.description;
    const blocked = jsonAnnotation<{ by: string; reason: string }>(annotations, resultNames.blocked);
    const notReady = annotations.find((a) => a.type === resultNames.notReady)?.description;
    const outcome: TestRecord['outcome'] =
      result.status === 'skipped' || cut || vacuous || crash || notReady !== undefined
        ? 'skipped'
        : result.status === 'passed'
          ? 'passed'
          : error !== undefined
            ? 'error'
            : blocked
              ? 'blocked'
              : 'failed';
    const record: TestRecord = {
      id: test.id,
      title: test.title,
      requirementIds: requirementIdsIn(annotations),
      outcome,
      wireLog,
      durationMs: result.duration,
    };
    const sourceCalls = attachedJson<TestRecord['sourceCalls']>(result, resultNames.sourceCalls);
    if (sourceCalls) record.sourceCalls = sourceCalls;
    if (outcome === 'blocked') record.blockedBy = blocked!.by;
    // Flaky: a failure that did not come again, or an answer expected only on the resend of one that did not.
    const flaky = annotations.find((a) => a.type === resultNames.flaky);
    if (flaky && (outcome === 'failed' || outcome === 'passed'))
      Object.assign(record, { flaky: true }, flaky.description ? { flakyAnswer: flaky.description } : {});
    const waits = jsonAnnotation<TestRecord['waits']>(annotations, resultNames.waits);
    if (waits) record.waits = waits;
    const observed = annotations
      .filter((a) => a.type === resultNames.observed && a.description)
      .map((a) => a.description!);
    if (observed.length) record.observed = [...new Set(observed)];
    Object.assign(record, sourceOf(test));
    const skipReason = cut
      ? `not finished: ${this.deadlineReason}`
      : notReady !== undefined
        ? notReady
        : crash
          ? `not judged: ${crash}`
          : vacuous
            ? nothingJudged(judgement!)
            : outcome === 'error'
              ? `not judged: ${error}`
              : outcome === 'blocked'
                ? blocked!.reason
                : annotations.find((a) => a.type === 'skip')?.description;
    if (skipReason) record.skipReason = skipReason;
    if (annotations.some((a) => a.type === resultNames.otherProfile)) record.otherProfile = true;
    const missing = jsonAnnotation<TestRecord['missing']>(annotations, resultNames.missing);
    if (missing && outcome === 'skipped') record.missing = missing;
    if (judgement) Object.assign(record, judgement.notJudged.length ? judgement : { judged: judgement.judged });
    const property = jsonAnnotation<TestRecord['property']>(annotations, resultNames.property);
    if (property) record.property = property;
    const model = jsonAnnotation<TestRecord['model']>(annotations, resultNames.model);
    if (model) record.model = model;
    const registrations = jsonAnnotation<TestRecord['registrations']>(annotations, resultNames.registrations);
    if (registrations) record.registrations = registrations;
    const interop = jsonAnnotation<TestRecord['interop']>(annotations, resultNames.interop);
    if (interop) record.interop = interop;
    if (outcome === 'failed') record.failure = failureOf(result, wireLog);
    this.records.push(record);
    this.progress?.finished(record.requirementIds.join(' ') || test.title);
  }

  onError(error: TestError): void {
    const text = errorText(error);
    // The deadline the user set is not a breakdown of the suite: its effect is the SKIPs onEnd records.
    if (this.options.maxTimeSeconds !== undefined && /^Timed out waiting [\d.]+s for the .* to run/.test(text)) return;
    this.errors.push(text);
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] }> {
    this.progress?.clear();
    if (result.status === 'timedout' && this.options.maxTimeSeconds !== undefined) {
      const recorded = new Set(this.records.map((r) => r.id));
      for (const test of this.tests.filter((t) => !recorded.has(t.id))) {
        this.records.push({
          id: test.id,
          title: test.title,
          requirementIds: requirementIdsIn(test.annotations),
          outcome: 'skipped',
          skipReason: `not run: ${this.deadlineReason}`,
          wireLog: [],
        });
      }
    }
    const { target, profile, seed, toolVersion, expectedFailures, reportDir } = this.options;
    const report = buildReport(
      {
        tool: { name: 'wa-account-conformance', version: toolVersion },
        target,
        profile,
        seed,
        startedAt: this.startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        shards: this.shards,
        errors: this.errors,
        ...(this.options.settings ? { settings: this.options.settings } : {}),
      },
      this.records,
      expectedFailures,
      { tallies: this.records.flatMap((r) => r.interop ?? []), strict: this.options.interopStrict ?? false },
    );
    const files = writeReportFiles(report, reportDir);
    if (!this.options.quiet) printReport(report, files);
    const deadline = result.status === 'timedout' && this.options.maxTimeSeconds !== undefined;
    const failed =
      runFailed(report.summary) ||
      this.errors.length > 0 ||
      result.status === 'interrupted' ||
      (result.status === 'timedout' && !deadline);
    return { status: failed ? 'failed' : 'passed' };
  }
}

/** Where the test is declared, from the package root: `specs/registration/3-verify.ts` and the line of its test(). */
function sourceOf(test: TestCase): { file: string; line: number } {
  return { file: relative(packageRoot, test.location.file).split(sep).join('/'), line: test.location.line };
}

type Judgement = Required<Pick<TestRecord, 'judged' | 'notJudged'>>;

function jsonAnnotation<T>(annotations: Annotation[], type: string): T | undefined {
  const description = annotations.find((a) => a.type === type)?.description;
  return description ? (JSON.parse(description) as T) : undefined;
}

function attachedJson<T>(result: TestResult, name: string): T | undefined {
  const body = result.attachments.find((a) => a.name === name)?.body;
  return body ? (JSON.parse(body.toString('utf8')) as T) : undefined;
}

function failureOf(result: TestResult, wireLog: LoggedExchange[]): Failure {
  const message = result.errors.map(errorText).join('\n') || (result.status === 'timedOut' ? 'timed out' : 'failed');
  const failure: Failure = { message, ...attachedJson<Partial<Failure>>(result, resultNames.failure) };
  // The exchange the failed check judged, when the test says; else the last one sent.
  const last = wireLog.at(-1);
  if (last && !failure.curl) Object.assign(failure, { curl: last.curl, correlation: last.case });
  return failure;
}

function errorText(error: TestError): string {
  // Messages only: stack traces describe the harness, not the target.
  return (error.message ?? error.value ?? 'unknown error')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/^(?:\w*Error|Mismatch): /, '');
}
