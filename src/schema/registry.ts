import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot } from '../paths.js';
import { schemaFileName } from './schemaSource.js';

/** The names of the generated schemas, as in schemas/source/<name>.json. */
export type SchemaName =
  | 'register-request'
  | 'verify-request'
  | 'two-step-request'
  | 'register-accepted'
  | 'error-envelope'
  | 'login-response'
  | 'meta'
  | 'conformance-config'
  | 'conformance-report'
  | 'expected-failures';

export const schemaNames: readonly SchemaName[] = [
  'register-request',
  'verify-request',
  'two-step-request',
  'register-accepted',
  'error-envelope',
  'login-response',
  'meta',
  'conformance-config',
  'conformance-report',
  'expected-failures',
];

export interface SchemaViolation {
  /** JSON pointer into the validated value, '' for the value itself. */
  path: string;
  keyword: string;
  message: string;
}

export type Validation = { ok: true } | { ok: false; violations: SchemaViolation[] };

const loaded = new Map<SchemaName, Record<string, unknown>>();

/** The named schema, read once per process: callers share it and must not change it. */
export function loadSchema(name: SchemaName): Record<string, unknown> {
  let schema = loaded.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', schemaFileName(name)), 'utf8')) as Record<
      string,
      unknown
    >;
    loaded.set(name, schema);
  }
  return schema;
}

// Every schema is compiled once, on first use; validating never mutates shared state the caller reads.
const compiled = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv2020 | undefined;

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // The meta-schema check costs ~100 ms per process; test/e2e/schemas.test.ts makes it once, on the committed schemas.
    ajv ??= new Ajv2020({ allErrors: true, strict: true, keywords: ['x-citation'], validateSchema: false });
    validate = ajv.compile(loadSchema(name));
    compiled.set(name, validate);
  }
  return validate;
}

export function validate(name: SchemaName, value: unknown): Validation {
  const check = validatorFor(name);
  if (check(value)) return { ok: true };
  return { ok: false, violations: (check.errors ?? []).map(toViolation) };
}

export function isValid(name: SchemaName, value: unknown): boolean {
  return validatorFor(name)(value);
}

function toViolation(error: ErrorObject): SchemaViolation {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
  return {
    path: `${error.instancePath}${missing}${extra}`,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
  };
}

/** One line per violation, naming the field: `/cc: must match pattern "^[0-9]{1,3}$"`. */
export function describeViolations(violations: SchemaViolation[]): string[] {
  return violations.map((v) => `${v.path || '(root)'}: ${v.message}`);
}
