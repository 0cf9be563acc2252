// npm run mutant -- <id> [--port N] [--sources KIND]: serve one mutant or correct variant of the reference as an emulator.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeEmulator, emulatorConfig, sourceKinds, startEmulator, type SourceKind } from '../src/reference/index.js';
import { correctVariants, mutants } from './index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '0' }, 'config-out': { type: 'string' }, sources: { type: 'string', default: 'control' } } });
const all = [...mutants, ...correctVariants];
const mutant = all.find((m) => m.id === positionals[0]);
if (!mutant || !sourceKinds.includes(values.sources as SourceKind)) {
  console.error(`usage: npm run mutant -- <id> [--port N] [--config-out FILE] [--sources ${sourceKinds.join('|')}]\nids: ${all.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const emulator = await startEmulator({ profile: mutant.profile, port: Number(values.port), build: mutant.build, sources: values.sources as SourceKind });
console.log(`mutant ${mutant.id}: ${mutant.description}`);
console.log(`expected to be caught by: ${mutant.catches.join(', ') || '(nothing: a correct variant)'}`);
console.log(describeEmulator(emulator));
if (values['config-out']) writeFileSync(values['config-out'], JSON.stringify(emulatorConfig(emulator), null, 2));
const stop = () => emulator.server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
