// npm run stress:contracts [-- ROUNDS BUSY]: writes the contracts ROUNDS times while BUSY threads spin, and prints how
// many rounds Pact's mock server reported a request as "expected but not received". It is how the booking race of
// libpact_ffi 0.5.4 (see contracts/writeContracts.ts) was shown and its fix checked. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeContracts } from '../contracts/writeContracts.js';

const rounds = Number(process.argv[2] ?? 40);
const busy = Number(process.argv[3] ?? 6);
const spinners = Array.from({ length: busy }, () => new Worker('for (;;);', { eval: true }));
let failed = 0;
const started = performance.now();
for (let round = 1; round <= rounds; round++) {
  const dir = mkdtempSync(join(tmpdir(), 'wa-pacts-load-'));
  try {
    await writeContracts(dir);
  } catch (error) {
    failed++;
    console.log(
      `round ${round}: ${(error as Error).message.split('\n').find((line) => line.includes('expected')) ?? (error as Error).message}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await Promise.all(spinners.map((w) => w.terminate()));
console.log(
  `${rounds} rounds of writeContracts with ${busy} busy threads in ${((performance.now() - started) / 1000).toFixed(0)} s: ${failed} failed`,
);
