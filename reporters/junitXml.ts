import type { RequirementResult } from './verdicts.js';

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
export function junitXml(results: RequirementResult[], suiteName: string, details: (r: RequirementResult) => string): string {
  const failures = results.filter((r) => r.verdict === 'FAIL').length;
  const skipped = results.filter((r) => r.verdict === 'SKIP').length;
  const cases = results.map((r) => {
    const { requirement: req } = r;
    const properties = [
      ['level', req.level],
      ['verdict', r.verdict],
      ['citation.section', req.citation.section],
      ['citation.quote', req.citation.quote],
      ['citation.url', req.citation.url],
      ...(req.evidence ? [['evidence', req.evidence]] : []),
    ].map(([name, value]) => `      <property name="${escape(name!)}" value="${escape(value!)}"/>`);
    let outcome = '';
    if (r.verdict === 'FAIL') outcome = `    <failure message="${escape(req.statement)}">${escape(details(r))}</failure>\n`;
    else if (r.verdict === 'SKIP') outcome = `    <skipped message="${escape(r.reason ?? '')}"/>\n`;
    else if (r.verdict === 'WARN') outcome = `    <system-out>${escape(`WARN (SHOULD not met)\n${details(r)}`)}</system-out>\n`;
    return `  <testcase classname="${escape(req.citation.section)}" name="${escape(`${req.id}: ${req.statement}`)}">\n    <properties>\n${properties.join('\n')}\n    </properties>\n${outcome}  </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${escape(suiteName)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" errors="0">\n${cases.join('\n')}\n</testsuite>\n`;
}
