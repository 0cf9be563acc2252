// npm run bench [-- --old REV --runs-each N --requests N --latency MS --far-runs-each N]: in one run, on one machine, prints
//   - the bare-loop limit: undici keep-alive POSTs to the reference, nothing else (the best of three passes);
//   - the same loop as a run's worker meets it: a fresh process, the reference fresh in another, the default run's
//     property-phase request count at its concurrency (scripts/coldLoop.ts);
//   - the suite's target client and Playwright's APIRequestContext on the same bodies;
//   - the default run and a one-test run of this checkout and of REV (default HEAD) built in a git worktree beside
//     it: wall time, property-phase requests/s and its share of the bare-loop limit, and the ratio new/old;
//   - the default sunset and legacy runs, new and old, against a reference --latency ms away (default 40: a loopback
//     proxy, scripts/latencyProxy.ts), and the cold loop at that distance, their limit;
//   - the same runs against a reference that limits its rate to 150 requests/s: requests/s, FAIL+WARN, most in flight;
//   - a legacy run against a reference that restarts 1.5 s after each registration: wall, registrations, restarts.
// Medians of --runs-each runs, taken in turn (old, new, old, new…) so that load on the machine hits both alike.
// Prints figures; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { request as playwrightRequest } from '@playwright/test';
import fc from 'fast-check';
import { Agent, request as undiciRequest } from 'undici';
import { registerRequest } from '../src/arbitraries/index.js';
import { Secrets, TargetClient } from '../src/client/index.js';
import { packageRoot } from '../src/paths.js';
import { emulatorConfig, startEmulator } from '../src/reference/index.js';
import { defaultConcurrency } from '../src/run/resolveSettings.js';
import { startLatencyProxy } from './latencyProxy.js';

const { values: options } = parseArgs({
  options: {
    old: { type: 'string', default: 'HEAD' },
    'runs-each': { type: 'string', default: '3' },
    requests: { type: 'string', default: '2000' },
    latency: { type: 'string', default: '40' },
    'far-runs-each': { type: 'string', default: '1' },
  },
});
const count = Number(options.requests);
const runsEach = Number(options['runs-each']);
const latencyMs = Number(options.latency);
const farRunsEach = Number(options['far-runs-each']);

// --- request rates against the reference -------------------------------------------------------------------
const emulator = await startEmulator({ profile: 'sunset' });
const base = emulator.server.url;
const login = await fetch(`${base}/v1/users/login`, {
  method: 'POST',
  headers: { authorization: `Basic ${Buffer.from(`admin:${emulator.admin.password}`).toString('base64')}` },
});
const token = ((await login.json()) as { users: { token: string }[] }).users[0]!.token;
const bodies = fc.sample(registerRequest(), { numRuns: count, seed: 1 });
const headers = { authorization: `Bearer ${token}` };

async function rate(name: string, send: (body: unknown) => Promise<unknown>): Promise<{ best: number; first: number }> {
  for (const body of bodies.slice(0, 100)) await send(body); // warm up connections and JIT
  // The best of three passes: a limit is what the machine does at its best, with its JIT warm. The first pass is
  // printed too: benches before this one measured only it, about half the best.
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass += 1) {
    const started = performance.now();
    for (const body of bodies) await send(body);
    passes.push(count / ((performance.now() - started) / 1000));
  }
  const best = Math.max(...passes);
  console.log(
    `${name.padEnd(44)} ${Math.round(best)} requests/s (best of 3 passes of ${count} requests; the first ${Math.round(passes[0]!)})`,
  );
  return { best, first: passes[0]! };
}

const agent = new Agent({ keepAliveTimeout: 10_000, connections: 1 });
const limit = await rate('bare-loop limit (undici, keep-alive)', async (body) => {
  const answer = await undiciRequest(`${base}/v1/account`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    dispatcher: agent,
  });
  await answer.body.text();
});
await agent.close();

const client = new TargetClient({ baseUrl: base, timeoutMs: 10_000, insecure: false, secrets: new Secrets() });
await rate('suite target client', (body) =>
  client.send({ method: 'POST', path: '/v1/account', headers, body, case: 'BENCH#1' }),
);
await client.close();

const context = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: headers });
await rate('Playwright APIRequestContext', (body) => context.post('v1/account', { data: body }).then((r) => r.body()));
await context.dispose();
await emulator.server.close();

// --- whole runs: this checkout against --old ---------------------------------------------------------------
/** A build of `rev` in a worktree beside this checkout, using this checkout's node_modules. */
function buildOf(rev: string): string {
  const commit = execFileSync('git', ['rev-parse', '--short', rev], { cwd: packageRoot, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `wa-bench-${commit}`);
  if (!existsSync(join(dir, 'dist', 'src', 'cli', 'main.js'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune'], { cwd: packageRoot });
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: packageRoot, stdio: 'ignore' });
    symlinkSync(join(packageRoot, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(
      process.execPath,
      [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      { cwd: dir, stdio: 'inherit' },
    );
  }
  return dir;
}

interface RunFigures {
  wallMs: number;
  requests: number;
  requestsPerSecond: number;
  exit: number | null;
  /** FAILs and WARNs: a target that only limits its rate has none. */
  faults: number;
  /** The most requests in flight a property reached. */
  reached: number;
  /** Registrations completed, and the restarts after them the run waited out. */
  registrations: { completed: number; restarts: number; restartMs: number };
}

/** A child's exit status and output, waited for without blocking: a proxy in this process relays its requests. */
async function child(argv: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const spawned = spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  spawned.stdout.on('data', (chunk) => (stdout += chunk));
  spawned.stderr.on('data', (chunk) => (stderr += chunk));
  const [status] = (await once(spawned, 'close')) as [number | null];
  return { status, stdout, stderr };
}

async function runSuite(root: string, args: string[]): Promise<RunFigures> {
  const reportDir = mkdtempSync(join(tmpdir(), 'wa-bench-report-'));
  const started = performance.now();
  const run = await child(
    [join(root, 'dist', 'src', 'cli', 'main.js'), '--seed', '7', '--report-dir', reportDir, ...args],
    root,
  );
  const wallMs = performance.now() - started;
  const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as {
    property: { requests: number; requestsPerSecond: number };
    stopped?: string;
    summary?: { fail: number; warn: number };
    registrations?: RunFigures['registrations'];
    requirements?: { tests: { property?: { concurrency?: { reached: number } } }[] }[];
  };
  rmSync(reportDir, { recursive: true, force: true });
  // A figure of a run that did not run would mislead: say why.
  if (report.stopped) console.log(`    (a run stopped before any test: ${report.stopped})`);
  const reached = (report.requirements ?? []).flatMap((r) => r.tests.map((t) => t.property?.concurrency?.reached ?? 0));
  return {
    wallMs,
    requests: report.property.requests,
    requestsPerSecond: report.property.requestsPerSecond,
    exit: run.status,
    faults: (report.summary?.fail ?? 0) + (report.summary?.warn ?? 0),
    reached: Math.max(0, ...reached),
    registrations: report.registrations ?? { completed: 0, restarts: 0, restartMs: 0 },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A reference started by `serve` in another process: the configuration file it wrote, its URL, how to stop it. */
async function served(
  profile: 'sunset' | 'legacy',
): Promise<{ config: string; target: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wa-bench-serve-'));
  const config = join(dir, 'conformance.json');
  const server = spawn(
    process.execPath,
    [join(packageRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--profile', profile, '--config-out', config],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Read to its end, not left at the line awaited: its last line, at SIGTERM, must not meet a closed pipe.
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk) => (printed += String(chunk)).includes('wrote ') && resolve());
    server.once('exit', (code) =>
      reject(new Error(`serve exited ${code} before writing its configuration: ${printed}`)),
    );
  });
  return {
    config,
    target: (JSON.parse(readFileSync(config, 'utf8')) as { target: string }).target,
    stop: async () => {
      const exited = server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : once(server, 'exit');
      server.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const configDirs: string[] = [];
process.on('exit', () => {
  for (const dir of configDirs) rmSync(dir, { recursive: true, force: true });
});

/** A configuration file of its own, removed when the bench ends. */
function configFile(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-bench-config-'));
  configDirs.push(dir);
  const file = join(dir, 'conformance.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** The configuration file `config` with another target: the reference it names, behind a proxy. */
function withTarget(config: string, target: string): string {
  return configFile({ ...JSON.parse(readFileSync(config, 'utf8')), target });
}

/** Requests/s of scripts/coldLoop.ts against a reference of its own in another process, `latencyMs` away. */
async function coldLoop(requests: number, lanes: number, latencyMs = 0): Promise<number> {
  const reference = await served('sunset');
  const proxy = latencyMs ? await startLatencyProxy(reference.target, latencyMs) : undefined;
  try {
    const config = proxy ? withTarget(reference.config, proxy.url) : reference.config;
    const loop = await child(
      ['--import', 'tsx', join(packageRoot, 'scripts', 'coldLoop.ts'), config, String(requests), String(lanes)],
      packageRoot,
    );
    if (loop.status !== 0) throw new Error(`scripts/coldLoop.ts exited ${loop.status}: ${loop.stderr}`);
    return Number(loop.stdout.trim());
  } finally {
    await proxy?.close();
    await reference.stop();
  }
}

interface Compared {
  perSecond: { old: number; new: number };
  /** The property phase's requests in a run of this checkout. */
  requests: number;
  faults: { old: number; new: number };
  reached: { old: number; new: number };
  registrations: Record<'old' | 'new', RunFigures['registrations']>;
}

async function compare(name: string, args: string[], old: string, times = runsEach): Promise<Compared> {
  const figures: Record<'old' | 'new', RunFigures[]> = { old: [], new: [] };
  for (let i = 0; i < times; i++) {
    figures.old.push(await runSuite(old, args));
    figures.new.push(await runSuite(packageRoot, args));
  }
  const wall = { old: median(figures.old.map((f) => f.wallMs)), new: median(figures.new.map((f) => f.wallMs)) };
  const exits = (side: 'old' | 'new') => [...new Set(figures[side].map((f) => f.exit))].join('/');
  console.log(
    `${name}: wall ${(wall.old / 1000).toFixed(2)} s old → ${(wall.new / 1000).toFixed(2)} s new (ratio new/old ${(wall.new / wall.old).toFixed(2)}); exit ${exits('old')} → ${exits('new')}`,
  );
  return {
    perSecond: {
      old: median(figures.old.map((f) => f.requestsPerSecond)),
      new: median(figures.new.map((f) => f.requestsPerSecond)),
    },
    requests: median(figures.new.map((f) => f.requests)),
    faults: {
      old: Math.max(...figures.old.map((f) => f.faults)),
      new: Math.max(...figures.new.map((f) => f.faults)),
    },
    reached: { old: median(figures.old.map((f) => f.reached)), new: median(figures.new.map((f) => f.reached)) },
    registrations: { old: figures.old.at(-1)!.registrations, new: figures.new.at(-1)!.registrations },
  };
}

const old = buildOf(options.old!);
console.log(
  `\nwhole runs against the embedded reference, median of ${runsEach}: old = ${options.old} (${old}), new = this checkout`,
);
const { perSecond, requests } = await compare('default run', [], old);
const colds: number[] = [];
for (let i = 0; i < runsEach; i++) colds.push(await coldLoop(requests, defaultConcurrency));
const cold = median(colds);
const share = (rate: number, of: number) => `${Math.round((100 * rate) / of)}%`;
const shares = (of: number) => `${share(perSecond.old, of)} → ${share(perSecond.new, of)}`;
console.log(
  `  property phase: ${perSecond.old} → ${perSecond.new} requests/s (ratio ${(perSecond.new / perSecond.old).toFixed(2)})`,
);
console.log(`    ${shares(limit.best)} of the bare-loop limit (${shares(limit.first)} of its first pass)`);
console.log(
  `    ${shares(cold)} of the same loop in a run's place: ${cold} requests/s (median of ${runsEach}) from a fresh process sending the run's ${requests} requests, ${defaultConcurrency} at a time, to a fresh reference in another process`,
);
await compare('one-test run (--grep RESPONSE-JSON)', ['--grep', 'RESPONSE-JSON'], old);

// --- whole runs at a distance: the reference behind a proxy that adds a round trip to every exchange -------------
// The suite's main use is a live endpoint across a network: there it is latency-bound, not CPU-bound.
console.log(
  `\nwhole runs ${latencyMs} ms away (a loopback proxy adds ${latencyMs} ms to each round trip), median of ${farRunsEach}: old → new`,
);
for (const profile of ['sunset', 'legacy'] as const) {
  const reference = await served(profile);
  const proxy = await startLatencyProxy(reference.target, latencyMs);
  try {
    const far = await compare(
      `  default ${profile} run`,
      ['--config', withTarget(reference.config, proxy.url)],
      old,
      farRunsEach,
    );
    console.log(`    property phase: ${far.perSecond.old} → ${far.perSecond.new} requests/s`);
  } finally {
    await proxy.close();
    await reference.stop();
  }
}
const farCold = await coldLoop(requests, defaultConcurrency, latencyMs);
console.log(
  `  the cold loop ${latencyMs} ms away, its limit: ${farCold} requests/s (${requests} requests, ${defaultConcurrency} at a time)`,
);

// --- whole runs against a target that limits its rate: 150 requests a second, past them 429 with 1015 and
// Retry-After: 1. A target entitled to it: no FAIL, no WARN, and the property phase should use what it allows.
const limit150 = 150;
console.log(
  `\nwhole runs against the reference limited to ${limit150} requests/s (429, 1015, Retry-After: 1), median of ${farRunsEach}: old → new`,
);
for (const profile of ['sunset', 'legacy'] as const) {
  const limited = await startEmulator({ profile, serving: { requestsPerSecond: limit150 } });
  const config = configFile(emulatorConfig(limited));
  try {
    const run = await compare(`  default ${profile} run`, ['--config', config], old, farRunsEach);
    console.log(
      `    property phase: ${run.perSecond.old} → ${run.perSecond.new} requests/s; FAIL+WARN ${run.faults.old} → ${run.faults.new}; most in flight ${run.reached.old} → ${run.reached.new}`,
    );
  } finally {
    await limited.server.close();
  }
}

// --- a legacy run against a reference that restarts for 1.5 s after each registration, as Coreapp does ---------------
const restartMs = 1_500;
console.log(
  `\na default legacy run against the reference restarting ${restartMs / 1000} s after each registration: old → new`,
);
const restarting = await startEmulator({ profile: 'legacy', serving: { restartMs } });
const restartConfig = configFile(emulatorConfig(restarting));
try {
  const run = await compare('  default legacy run', ['--config', restartConfig], old, farRunsEach);
  const line = ({ completed, restarts, restartMs: ms }: RunFigures['registrations']) =>
    `${completed} registrations, ${restarts} restarts waited out (${(ms / 1000).toFixed(1)} s)`;
  console.log(
    `    ${line(run.registrations.old)} → ${line(run.registrations.new)}; FAIL+WARN ${run.faults.old} → ${run.faults.new}`,
  );
} finally {
  await restarting.server.close();
}
