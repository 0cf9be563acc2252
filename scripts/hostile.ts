// npm run hostile [-- --timeout MS]: the suite against each hostile server of mutants/hostileServers.ts, with the
// wall time, the peak memory (RSS summed over the whole process tree) and the exit code of each run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hostileBehaviours, serveHostile } from '../mutants/hostileServers.js';
import { packageRoot } from '../src/paths.js';
import { processes } from '../src/run/processes.js';

const { values } = parseArgs({
  options: {
    timeout: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '20' },
    only: { type: 'string' },
  },
});
const admin = { user: 'admin', password: 'Hostile-Adm1n!pass' };
const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** RSS in KiB of `pid` and every process below it, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const { pid: child, ppid } of processes()) children.set(ppid, [...(children.get(ppid) ?? []), child]);
  let total = 0;
  for (const stack = [pid]; stack.length > 0; ) {
    const next = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${next}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(next) ?? []));
  }
  return total;
}

console.log(
  `target behaviour on POST /v1/account        wall     peak RSS  exit  closing line   (--timeout ${values.timeout}, --runs ${values.runs})`,
);
for (const name of Object.keys(hostileBehaviours).filter((n) => !values.only || n.includes(values.only))) {
  const server = await serveHostile(name, admin);
  const dir = mkdtempSync(join(tmpdir(), 'wa-hostile-'));
  writeFileSync(
    join(dir, 'conformance.json'),
    JSON.stringify({ target: server.url, auth: { admin: { user: admin.user } } }),
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      main,
      '--config',
      join(dir, 'conformance.json'),
      '--timeout',
      values.timeout,
      '--runs',
      values.runs,
      '--report-dir',
      dir,
    ],
    {
      env: { ...process.env, CI: 'true', WA_CONFORMANCE_PASSWORD: admin.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  const closing = output.trim().split('\n').at(-1) ?? '';
  const report = readdirSync(dir).includes('report.json') ? 'report written' : 'NO REPORT';
  const kind = hostileBehaviours[name]!.transport ? 'transport' : 'format';
  console.log(
    `${`${name} (${kind})`.padEnd(42)} ${seconds.toFixed(1).padStart(6)} s ${(peak / 1024).toFixed(0).padStart(6)} MB  ${String(code).padStart(4)}  ${report}; ${closing.slice(0, 90)}`,
  );
}
