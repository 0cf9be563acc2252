// npm run mutant -- <id> [--port N] [--sources KIND]: serve one mutant or correct variant of the reference as an emulator.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type SourceKind, sourceKinds } from '../src/protocol/index.js';
import { describeEmulator, emulatorConfig, startEmulator } from '../src/reference/index.js';
import { correctVariants, mutants } from './index.js';

const all = [...mutants, ...correctVariants];
const usage = `usage: npm run mutant -- <id> [--port N] [--config-out FILE] [--sources ${sourceKinds.join('|')}]\nids: ${all.map((m) => m.id).join(', ')}`;

function refuse(problem: string): never {
  console.error(`${problem}\n${usage}`);
  process.exit(2);
}

function parsed() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '0' },
        'config-out': { type: 'string' },
        sources: { type: 'string', default: 'control' },
      },
    });
  } catch (error) {
    return refuse((error as Error).message);
  }
}

const { values, positionals } = parsed();
const mutant =
  all.find((m) => m.id === positionals[0]) ??
  refuse(positionals[0] ? `no mutant or variant ${positionals[0]}` : 'which mutant?');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) refuse(`--port ${values.port}: not a port number`);
if (!sourceKinds.includes(values.sources as SourceKind))
  refuse(`--sources ${values.sources}: not one of ${sourceKinds.join(', ')}`);
const emulator = await startEmulator({
  profile: mutant.profile,
  port,
  build: mutant.build,
  sources: values.sources as SourceKind,
  serving: mutant.serving?.(),
});
console.log(`mutant ${mutant.id}: ${mutant.description}`);
console.log(`expected to be caught by: ${mutant.catches.join(', ') || '(nothing: a correct variant)'}`);
console.log(describeEmulator(emulator));
if (values['config-out']) writeFileSync(values['config-out'], JSON.stringify(emulatorConfig(emulator), null, 2));
const stop = () => emulator.server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
