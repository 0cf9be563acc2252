import type { ConformanceReport } from '../src/generated/types.js';
import { failureDetails, unjudgedDetails } from './failureText.js';
import { escapeMarkup as escape } from './markup.js';
import { dependantsOf } from './verdicts.js';

/**
 * JUnit XML with one test case per requirement (its time: its tests' durations summed; its file: the spec that
 * checks it); level and citation as properties; the suite's time is the run's wall time. Only a FAIL (and a stale
 * expected failure, which fails the gate too) is a <failure>; an ERROR is an <error>; SKIP and BLOCKED are <skipped>.
 */
export function junitXml(report: ConformanceReport): string {
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const timing = `time="${Number.isFinite(seconds) ? seconds.toFixed(3) : '0.000'}" timestamp="${escape(report.startedAt.replace(/\.\d+Z$/, ''))}"`;
  const suite = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="wa-account-conformance (${report.profile})"`;
  // Stopped before any test: one <error>, so a CI test report shows the reason and not an empty, green suite.
  if (report.stopped)
    return `${suite} tests="1" failures="0" skipped="0" errors="1" ${timing}>\n  <testcase classname="wa-account-conformance" name="the run (stopped before any test)" time="0.000">\n    <error message="${escape(report.stopped)}"/>\n  </testcase>\n</testsuite>\n`;
  const { requirements } = report;
  // One root cause, one failure: a BLOCKED requirement was never judged, so it is skipped, naming what blocked it.
  const failures = requirements.filter((r) => r.verdict === 'FAIL' || r.expectedFailure?.stale).length;
  const skipped = requirements.filter((r) => r.verdict === 'SKIP' || r.verdict === 'BLOCKED').length;
  const dependants = dependantsOf(report.requirements);
  // Not judged (ERROR): JUnit's <error>, the harness's own problem, not a failure of the target.
  const errors = report.errors.length + requirements.filter((r) => r.verdict === 'ERROR').length;
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
    const blocked = dependants.get(r.id);
    const blocking = blocked ? `\n\nit blocked ${blocked.length}: ${blocked.join(', ')}` : '';
    if (r.verdict === 'FAIL')
      outcome = `    <failure message="${escape(r.statement)}">${escape(failureDetails(r) + blocking)}</failure>\n`;
    else if (r.verdict === 'ERROR')
      outcome = `    <error message="${escape(r.reason ?? 'not judged')}">${escape(unjudgedDetails(r))}</error>\n`;
    else if (r.verdict === 'BLOCKED')
      outcome = `    <skipped message="${escape(r.reason ?? `blocked by ${(r.blockedBy ?? []).join(', ')}`)}"/>\n`;
    else if (r.expectedFailure?.stale)
      outcome = `    <failure message="stale expected failure: ${escape(r.expectedFailure.reason)}">listed as expected to fail, but it passes</failure>\n`;
    else if (r.verdict === 'SKIP') outcome = `    <skipped message="${escape(r.reason ?? '')}"/>\n`;
    else if (r.verdict === 'WARN' || r.verdict === 'XFAIL')
      outcome = `    <system-out>${escape(`${r.verdict}\n${failureDetails(r)}`)}</system-out>\n`;
    const seconds = r.tests.reduce((sum, t) => sum + (t.durationMs ?? 0), 0) / 1000;
    const file = r.tests.find((t) => t.file)?.file;
    return `  <testcase classname="${escape(r.citation.section)}" name="${escape(`${r.id}: ${r.statement}`)}" time="${seconds.toFixed(3)}"${file ? ` file="${escape(file)}"` : ''}>\n    <properties>\n${properties.join('\n')}\n    </properties>\n${outcome}  </testcase>`;
  });
  return `${suite} tests="${requirements.length}" failures="${failures}" skipped="${skipped}" errors="${errors}" ${timing}>\n${cases.join('\n')}\n</testsuite>\n`;
}
