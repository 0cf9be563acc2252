import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { catalogue } from '../src/requirements/index.js';
import { failureDetails, indent, requirementLine } from './console.js';
import { junitXml } from './junitXml.js';
import { countVerdicts, summaryLine, verdicts, type LoggedExchange, type TestRecord } from './verdicts.js';

export interface ConformanceReporterOptions {
  reportDir: string;
  target: string;
  profile: string;
  seed: number;
  toolVersion: string;
}

/** The suite's only reporter: verdicts per requirement on the console, in junit.xml and in report.json. */
export default class ConformanceReporter implements Reporter {
  private readonly records: TestRecord[] = [];
  private readonly errors: string[] = [];
  private startedAt = new Date();

  constructor(private readonly options: ConformanceReporterOptions) {}

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.startedAt = new Date();
    const { target, profile, seed } = this.options;
    console.log(`wa-account-conformance ${this.options.toolVersion}: ${suite.allTests().length} tests, profile ${profile}, target ${target}, seed ${seed}\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const annotations = [...test.annotations, ...result.annotations];
    const wireLog = result.attachments.find((a) => a.name === 'wire-log')?.body?.toString('utf8');
    const property = annotations.find((a) => a.type === 'property')?.description;
    this.records.push({
      title: test.title,
      requirementIds: [...new Set(annotations.filter((a) => a.type === 'requirement').map((a) => a.description!))],
      outcome: result.status === 'skipped' ? 'skipped' : result.status === 'passed' ? 'passed' : 'failed',
      skipReason: annotations.find((a) => a.type === 'skip')?.description,
      error: result.errors.map((e) => errorText(e)).join('\n') || (result.status === 'timedOut' ? 'timed out' : undefined),
      wireLog: wireLog ? (JSON.parse(wireLog) as LoggedExchange[]) : [],
      property: property ? JSON.parse(property) : undefined,
    });
  }

  onError(error: TestError): void {
    this.errors.push(errorText(error));
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] }> {
    const results = verdicts(catalogue, this.records);
    const counts = countVerdicts(results);
    for (const r of results) console.log(requirementLine(r));
    const broken = results.filter((r) => r.verdict === 'FAIL' || r.verdict === 'WARN');
    for (const r of broken) console.log(`\n${requirementLine(r)}\n${indent(failureDetails(r))}`);
    for (const error of this.errors) console.log(`\nerror outside any test: ${error}`);

    const property = this.records.reduce((sum, r) => ({ requests: sum.requests + (r.property?.requests ?? 0), ms: sum.ms + (r.property?.ms ?? 0) }), { requests: 0, ms: 0 });
    const rate = property.ms > 0 ? Math.round(property.requests / (property.ms / 1000)) : 0;
    console.log(`\nproperty phase: ${property.requests} generated requests in ${(property.ms / 1000).toFixed(2)} s (${rate} requests/s)`);
    console.log(`seed: ${this.options.seed} (replay with --seed ${this.options.seed})`);

    mkdirSync(this.options.reportDir, { recursive: true });
    writeFileSync(join(this.options.reportDir, 'junit.xml'), junitXml(results, 'wa-account-conformance', failureDetails));
    const report = {
      tool: { name: 'wa-account-conformance', version: this.options.toolVersion },
      target: this.options.target,
      profile: this.options.profile,
      seed: this.options.seed,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      runStatus: result.status,
      summary: counts,
      property: { requests: property.requests, ms: Math.round(property.ms), requestsPerSecond: rate },
      errors: this.errors,
      requirements: results.map((r) => ({
        id: r.requirement.id,
        level: r.requirement.level,
        statement: r.requirement.statement,
        citation: r.requirement.citation,
        verdict: r.verdict,
        reason: r.reason,
        tests: r.tests,
      })),
    };
    writeFileSync(join(this.options.reportDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`report: ${join(this.options.reportDir, 'report.json')}, ${join(this.options.reportDir, 'junit.xml')}`);
    console.log(summaryLine(counts));
    const failed = counts.fail > 0 || this.errors.length > 0 || result.status === 'interrupted' || result.status === 'timedout';
    return { status: failed ? 'failed' : 'passed' };
  }
}

function errorText(error: TestError): string {
  // Messages only: stack traces describe the harness, not the target.
  return (error.message ?? error.value ?? 'unknown error').replace(/\u001b\[[0-9;]*m/g, '').replace(/^(?:\w*Error|Mismatch): /, '');
}
