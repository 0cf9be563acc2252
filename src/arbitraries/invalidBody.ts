import fc from 'fast-check';
import { isValid, loadSchema, type SchemaName } from '../schema/registry.js';
import { fromSchema, type SchemaNode } from './fromSchema.js';

/** Why a generated body breaks its schema: the category and the field it breaks. */
export type InvalidCategory = 'missing-required' | 'wrong-type' | 'outside-enum-or-pattern' | 'empty-string';

export interface InvalidBody {
  category: InvalidCategory;
  field: string;
  body: Record<string, unknown>;
}

export const invalidCategories: readonly InvalidCategory[] = [
  'missing-required',
  'wrong-type',
  'outside-enum-or-pattern',
  'empty-string',
];

// Near misses a careless implementation might accept: other cases, other channels, padding.
const nearMisses = (values: unknown[]) =>
  values.flatMap((v) => (typeof v === 'string' ? [v.toUpperCase(), ` ${v}`, `${v} `, `${v}s`] : [])).concat(['email', 'whatsapp', '0']);

function wrongTypeValue(type: SchemaNode['type']): fc.Arbitrary<unknown> {
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    integer: fc.integer(),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
    object: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  };
  const others = Object.entries(byType)
    .filter(([name]) => name !== type && !(type === 'number' && name === 'integer'))
    .map(([, arb]) => arb);
  return fc.oneof(...others);
}

function breaksEnumOrPattern(node: SchemaNode): fc.Arbitrary<string> | undefined {
  if (node.enum) {
    const allowed = new Set(node.enum);
    return fc.oneof(fc.constantFrom(...nearMisses(node.enum)), fc.string({ maxLength: 12 })).filter((s) => !allowed.has(s));
  }
  if (node.pattern) {
    const pattern = new RegExp(node.pattern);
    const digitsPlus = fc.stringMatching(/^\+?[0-9 -]{1,20}$/);
    return fc.oneof(digitsPlus, fc.string({ unit: 'grapheme', maxLength: 20 })).filter((s) => !pattern.test(s));
  }
  return undefined;
}

/** Values for one field of the named schema that break it: other JSON types, values outside its enum or pattern, "". */
export function invalidValue(name: SchemaName, field: string): fc.Arbitrary<unknown> {
  const node = (loadSchema(name) as SchemaNode).properties?.[field];
  if (!node) throw new Error(`invalidValue: ${name} has no field "${field}"`);
  const broken = breaksEnumOrPattern(node);
  const valid = validSample(name);
  return fc.oneof(wrongTypeValue(node.type), ...(broken ? [broken] : []), fc.constant(''))
    .filter((value) => !isValid(name, { ...valid, [field]: value }));
}

function validSample(name: SchemaName): Record<string, unknown> {
  return fc.sample(fromSchema(loadSchema(name) as SchemaNode), { numRuns: 1, seed: 0 })[0] as Record<string, unknown>;
}

/**
 * Bodies that break the named object schema, one category and one field at a time. Each value is re-checked
 * with ajv by a filter, and filters hold during shrinking, so a shrunk counterexample is still invalid.
 */
export function invalidBody(name: SchemaName, categories: readonly InvalidCategory[] = invalidCategories): fc.Arbitrary<InvalidBody> {
  const schema = loadSchema(name) as SchemaNode;
  const valid = fromSchema(schema) as fc.Arbitrary<Record<string, unknown>>;
  const required = new Set(schema.required ?? []);
  // A valid value, to ask the schema whether "" alone would break a field.
  const smallest = validSample(name);
  const cases: fc.Arbitrary<InvalidBody>[] = [];
  const add = (category: InvalidCategory, field: string, change: fc.Arbitrary<(body: Record<string, unknown>) => Record<string, unknown>>) => {
    if (!categories.includes(category)) return;
    cases.push(fc.tuple(valid, change).map(([body, apply]) => ({ category, field, body: apply(body) })));
  };
  for (const [field, node] of Object.entries(schema.properties ?? {})) {
    if (required.has(field)) add('missing-required', field, fc.constant(({ [field]: _gone, ...rest }) => rest));
    add('wrong-type', field, wrongTypeValue(node.type).map((value) => (body) => ({ ...body, [field]: value })));
    const broken = breaksEnumOrPattern(node);
    if (broken) add('outside-enum-or-pattern', field, broken.map((value) => (body) => ({ ...body, [field]: value })));
    if (node.type === 'string' && !isValid(name, { ...smallest, [field]: '' })) {
      add('empty-string', field, fc.constant((body) => ({ ...body, [field]: '' })));
    }
  }
  if (cases.length === 0) throw new Error(`invalidBody: no category of ${categories.join(', ')} applies to ${name}`);
  return fc.oneof(...cases).filter((c) => !isValid(name, c.body));
}

/** `body` without each required field of the named schema in turn: the first cases worth pinning as examples. */
export function missingEach(name: SchemaName, body: Record<string, unknown>): InvalidBody[] {
  const required = (loadSchema(name) as SchemaNode).required ?? [];
  return required.map((field) => {
    const { [field]: _gone, ...rest } = body;
    return { category: 'missing-required', field, body: rest };
  });
}
