import { readFileSync } from 'node:fs';
import type { ConformanceConfig } from '../generated/types.js';
import { describeViolations, validate } from '../schema/registry.js';
import { UsageError } from './usageError.js';

/** The configuration file, checked against schemas/conformance-config.schema.json; every error names file and field. */
export function readConfigFile(path: string): ConformanceConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = validate('conformance-config', value);
  if (!result.ok) {
    throw new UsageError(`config file ${path} is not valid: ${describeViolations(result.violations).join('; ')}`);
  }
  return value as ConformanceConfig;
}
