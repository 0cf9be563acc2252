import type { ConformanceReport } from '../src/generated/types.js';
import { failureDetails } from './failureText.js';

// XML 1.0 forbids most control characters even when escaped: drop them.
function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** JUnit XML with one test case per requirement; level and citation as properties. */
export function junitXml(report: ConformanceReport): string {
  const { requirements } = report;
  const failures = requirements.filter((r) => r.verdict === 'FAIL' || r.expectedFailure?.stale).length;
  const skipped = requirements.filter((r) => r.verdict === 'SKIP').length;
  const cases = requirements.map((r) => {
    const properties = [
      ['level', r.level],
      ['verdict', r.verdict],
      ['citation.section', r.citation.section],
      ['citation.quote', r.citation.quote],
      ['citation.url', r.citation.url],
      ...(r.evidence ? [['evidence', r.evidence]] : []),
      ...(r.expectedFailure ? [['expected-failure', r.expectedFailure.reason]] : []),
    ].map(([name, value]) => `      <property name="${escape(name!)}" value="${escape(value!)}"/>`);
    let outcome = '';
    if (r.verdict === 'FAIL') outcome = `    <failure message="${escape(r.statement)}">${escape(failureDetails(r))}</failure>\n`;
    else if (r.expectedFailure?.stale) outcome = `    <failure message="stale expected failure: ${escape(r.expectedFailure.reason)}">listed as expected to fail, but it passes</failure>\n`;
    else if (r.verdict === 'SKIP') outcome = `    <skipped message="${escape(r.reason ?? '')}"/>\n`;
    else if (r.verdict === 'WARN' || r.verdict === 'XFAIL') outcome = `    <system-out>${escape(`${r.verdict}\n${failureDetails(r)}`)}</system-out>\n`;
    return `  <testcase classname="${escape(r.citation.section)}" name="${escape(`${r.id}: ${r.statement}`)}">\n    <properties>\n${properties.join('\n')}\n    </properties>\n${outcome}  </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="wa-account-conformance (${report.profile})" tests="${requirements.length}" failures="${failures}" skipped="${skipped}" errors="${report.errors.length}">\n${cases.join('\n')}\n</testsuite>\n`;
}
