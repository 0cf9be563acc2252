// npm run mutants [-- --docs] [--only PATTERN]: the suite against every mutant and correct variant (or those
// whose ID matches PATTERN, a regular expression anchored at both ends); --docs writes the table into docs/development.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/paths.js';
import { isPassing, killMatrix, type ModeResult, runMutants } from './runMutants.js';

const { values } = parseArgs({ options: { docs: { type: 'boolean', default: false }, only: { type: 'string' } } });
const started = performance.now();
const only = values.only === undefined ? undefined : new RegExp(`^(?:${values.only})$`);
const results = await runMutants({ only: only ? (m) => only.test(m.id) : undefined });
const matrix = killMatrix(results, performance.now() - started);
console.log(matrix);
const bad = results.filter((r) => !isPassing(r));
const describe = (m: ModeResult) =>
  `${m.sources}: ${m.outcome}, FAIL ${m.failed.join(', ') || 'none'}, WARN ${m.warned.join(', ') || 'none'} (exit ${m.exitCode})`;
for (const r of bad)
  console.log(
    `\n${r.mutant.id} (${r.mutant.description}) — declared ${r.mutant.catches.join(', ') || 'nothing'}; ${describe(r.control)}; ${describe(r.foreign)}`,
  );
if (values.docs) {
  const page = join(packageRoot, 'docs', 'development.md');
  const text = readFileSync(page, 'utf8');
  const start = '<!-- kill-matrix:start -->';
  const end = '<!-- kill-matrix:end -->';
  if (!text.includes(start) || !text.includes(end))
    throw new Error(`docs/development.md has no ${start} … ${end} section`);
  writeFileSync(
    page,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${matrix}\n${text.slice(text.indexOf(end))}`,
  );
  console.log('\ndocs/development.md: kill matrix updated');
}
console.log(`\n${results.length - bad.length} passed, ${bad.length} failed`);
process.exitCode = bad.length ? 1 : 0;
