import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../src/generated/types.js';
import { junitXml } from './junitXml.js';
import { reportHtml } from './reportHtml.js';
import { summaryMarkdown } from './summaryMarkdown.js';

/** Writes report.json, report.html, summary.md and junit.xml; returns their paths. */
export function writeReportFiles(report: ConformanceReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
    ['report.html', reportHtml(report)],
    ['summary.md', summaryMarkdown(report)],
    ['junit.xml', junitXml(report)],
  ];
  return files.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}
