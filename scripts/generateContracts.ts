// npm run generate:contracts: contracts/pacts/<profile>/*.json from contracts/interactions.ts.
import { join } from 'node:path';
import { writeContracts } from '../contracts/writeContracts.js';
import { packageRoot } from '../src/paths.js';

for (const file of await writeContracts(join(packageRoot, 'contracts', 'pacts'))) console.log(`wrote ${file}`);
