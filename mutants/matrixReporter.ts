import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import ConformanceReporter from '../reporters/conformance.js';
import { reporterOptions } from '../src/run/suiteConfig.js';
import { readMatrixPlan } from './matrixPlan.js';
import { specFileOf } from './matrixSpecs.js';

/** The suite's own reporter once per run (a test file): each gets the report files a run of its own would write. */
export default class MatrixReporter implements Reporter {
  private readonly byFile = new Map(
    readMatrixPlan().runs.map((run) => [
      specFileOf(run),
      new ConformanceReporter({ ...reporterOptions(run.settings), quiet: true }),
    ]),
  );

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    for (const file of suite.suites.flatMap((project) => project.suites))
      this.byFile.get(file.title)?.onBegin(config, file);
  }

  onTestBegin(test: TestCase): void {
    this.of(test)?.onTestBegin(test);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.of(test)?.onTestEnd(test, result);
  }

  // An error outside any test breaks every run: each report says so, and no mutant counts as killed by it.
  onError(error: TestError): void {
    for (const reporter of this.byFile.values()) reporter.onError(error);
  }

  async onEnd(result: FullResult): Promise<void> {
    for (const reporter of this.byFile.values()) await reporter.onEnd(result);
  }

  private of(test: TestCase): ConformanceReporter | undefined {
    let suite = test.parent;
    while (suite.type !== 'file' && suite.parent) suite = suite.parent;
    return this.byFile.get(suite.title);
  }
}
