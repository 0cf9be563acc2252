import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface JunitCase {
  /** The requirement ID its name starts with. */
  id: string;
  outcome: 'failure' | 'error' | 'skipped' | 'passed';
  message?: string;
  text?: string;
}

export interface Junit {
  tests: number;
  failures: number;
  skipped: number;
  errors: number;
  cases: JunitCase[];
}

type Element = { message?: string; '#text'?: string } | '';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'testcase',
  parseAttributeValue: false,
  // The report escapes ' as &#39;, as any XML reader takes it.
  htmlEntities: true,
});

/** A run's junit.xml read back as a CI dashboard reads it: the suite's counts and each case's outcome. */
export function readJunit(reportDir: string): Junit {
  const { testsuite } = parser.parse(readFileSync(join(reportDir, 'junit.xml'), 'utf8')) as {
    testsuite: Record<string, string> & { testcase?: Record<string, unknown>[] };
  };
  const cases = (testsuite.testcase ?? []).map((c): JunitCase => {
    const outcome = (['failure', 'error', 'skipped'] as const).find((o) => o in c) ?? 'passed';
    const element = (c[outcome] ?? '') as Element;
    return {
      id: String(c.name).split(':')[0]!,
      outcome,
      ...(typeof element === 'object' && element.message !== undefined ? { message: element.message } : {}),
      ...(typeof element === 'object' && element['#text'] !== undefined ? { text: String(element['#text']) } : {}),
    };
  });
  return {
    tests: Number(testsuite.tests),
    failures: Number(testsuite.failures),
    skipped: Number(testsuite.skipped),
    errors: Number(testsuite.errors),
    cases,
  };
}
