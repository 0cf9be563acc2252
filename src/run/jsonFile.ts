import { readFileSync } from 'node:fs';
import { describeViolations, type SchemaName, validate } from '../schema/registry.js';
import { UsageError } from './usageError.js';

/** A JSON file checked against one of the schemas; every error names the file (and the field). */
export function readJsonFile<T>(path: string, schema: SchemaName, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return checkedJson<T>(value, schema, `${what} ${path}`);
}

/** A value checked against one of the schemas, as a file of it is: the error names `what` and the field. */
export function checkedJson<T>(value: unknown, schema: SchemaName, what: string): T {
  const result = validate(schema, value);
  if (!result.ok) throw new UsageError(`${what} is not valid: ${describeViolations(result.violations).join('; ')}`);
  return value as T;
}
