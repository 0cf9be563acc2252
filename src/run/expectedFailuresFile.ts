import type { ExpectedFailure } from '../generated/types.js';
import { catalogue } from '../requirements/index.js';
import { readJsonFile } from './jsonFile.js';
import { UsageError } from './usageError.js';

/** The expected-failures file: valid against its schema, every ID in the catalogue, none twice. */
export function readExpectedFailures(path: string): ExpectedFailure[] {
  const { expectedFailures } = readJsonFile<{ expectedFailures: ExpectedFailure[] }>(
    path,
    'expected-failures',
    'expected-failures file',
  );
  const known = new Set(catalogue.map((r) => r.id));
  const seen = new Set<string>();
  for (const [i, entry] of expectedFailures.entries()) {
    if (!known.has(entry.id))
      throw new UsageError(
        `expected-failures file ${path}: /expectedFailures/${i}/id: "${entry.id}" is no requirement ID (see --list)`,
      );
    if (seen.has(entry.id))
      throw new UsageError(`expected-failures file ${path}: /expectedFailures/${i}/id: "${entry.id}" is listed twice`);
    seen.add(entry.id);
  }
  return expectedFailures;
}
