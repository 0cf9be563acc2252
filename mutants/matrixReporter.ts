import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import ConformanceReporter from '../reporters/conformance.js';
import { reporterOptions } from '../src/settings/suiteConfig.js';
import { readMatrixPlan } from './matrixPlan.js';

/** The suite's own reporter once per project: each mutant run gets the report files a run of its own would write. */
export default class MatrixReporter implements Reporter {
  private readonly byProject = new Map(readMatrixPlan().runs.map((run) => [run.name, new ConformanceReporter({ ...reporterOptions(run.settings), quiet: true })]));

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    for (const project of suite.suites) this.byProject.get(project.title)?.onBegin(config, project);
  }

  onTestBegin(test: TestCase): void {
    this.of(test)?.onTestBegin(test);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.of(test)?.onTestEnd(test, result);
  }

  // An error outside any test breaks every run: each report says so, and no mutant counts as killed by it.
  onError(error: TestError): void {
    for (const reporter of this.byProject.values()) reporter.onError(error);
  }

  async onEnd(result: FullResult): Promise<void> {
    for (const reporter of this.byProject.values()) await reporter.onEnd(result);
  }

  private of(test: TestCase): ConformanceReporter | undefined {
    return this.byProject.get(test.parent.project()?.name ?? '');
  }
}
