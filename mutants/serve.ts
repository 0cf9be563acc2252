// npm run mutant -- <id> [--port N]: serve one mutant or correct variant of the reference on loopback.
import { parseArgs } from 'node:util';
import { createReference, serveHandler } from '../src/reference/index.js';
import { correctVariants, mutants } from './index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '0' } } });
const all = [...mutants, ...correctVariants];
const mutant = all.find((m) => m.id === positionals[0]);
if (!mutant) {
  console.error(`usage: npm run mutant -- <id> [--port N]\nids: ${all.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const admin = { user: 'admin', password: 'Mutant-admin-1!' };
const user = { user: 'operator', password: 'Mutant-user-1!' };
const server = await serveHandler(mutant.wrap(createReference({ profile: mutant.profile, admin, users: [user] })), { port: Number(values.port) });
console.log(`${mutant.id}: ${mutant.description}`);
console.log(`expected to be caught by: ${mutant.catches.join(', ') || '(nothing: a correct variant)'}`);
console.log(`WA_CONFORMANCE_PASSWORD='${admin.password}' WA_CONFORMANCE_USER_PASSWORD='${user.password}' npx wa-account-conformance --target ${server.url} --profile ${mutant.profile} --non-admin ${user.user}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
