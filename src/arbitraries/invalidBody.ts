import fc from 'fast-check';
import { isValid, loadSchema, type SchemaName } from '../schema/registry.js';
import { fromSchema, type SchemaNode } from './fromSchema.js';
import { unicodeText } from './unicodeText.js';

/** Why a generated body breaks its schema: the category and the field it breaks. */
export type InvalidCategory =
  | 'missing-required'
  | 'wrong-type'
  | 'outside-enum-or-pattern'
  | 'empty-string'
  | 'unicode'
  | 'over-long';

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
  'unicode',
  'over-long',
];

// Near misses a careless implementation might accept: other cases, other channels, padding.
const nearMisses = (values: unknown[]) =>
  values
    .flatMap((v) => (typeof v === 'string' ? [v.toUpperCase(), ` ${v}`, `${v} `, `${v}s`] : []))
    .concat(['email', 'whatsapp', '0']);

// Numbers a parser may choke on where a string belongs: huge, negative, fractional, past 2^53.
const awkwardNumbers = [0, -1, 3.14, -0.5, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 5e-324];

function wrongTypeValue(type: SchemaNode['type']): fc.Arbitrary<unknown> {
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    integer: fc.oneof(fc.integer(), fc.constantFrom(...awkwardNumbers.filter(Number.isInteger))),
    number: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...awkwardNumbers)),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.oneof(fc.constant([]), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), fc.constant([[[]]])),
    object: fc.oneof(
      fc.constant({}),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
      fc.constant({ a: { b: {} } }),
    ),
  };
  const others = Object.entries(byType)
    .filter(
      ([name]) =>
        name !== type && !(type === 'number' && name === 'integer') && !(type === 'integer' && name === 'number'),
    )
    .map(([, arb]) => arb);
  return fc.oneof(...others);
}

/** The longest a string field may be: from maxLength, or from a pattern of one bounded run (`^[0-9]{1,3}$`). */
function lengthLimit(node: SchemaNode): number | undefined {
  if (node.maxLength !== undefined) return node.maxLength;
  const run = node.pattern && /^\^\[[^\]]+\]\{(?:\d+,)?(\d+)\}\$$/.exec(node.pattern);
  if (run) return Number(run[1]);
  if (node.enum) return Math.max(...node.enum.map((v) => String(v).length));
  return undefined;
}

// Past the field's limit by one, then past any customary one: 1 KiB and 8 KiB.
const farLengths = [1024, 8192];

/** Strings just past and far past the field's length limit, made of what the field otherwise holds. */
function overLongValues(node: SchemaNode): string[] {
  const limit = lengthLimit(node);
  const unit = node.pattern?.includes('0-9') ? '7' : node.enum ? String(node.enum[0]) : 'A';
  const lengths = [
    ...(limit !== undefined ? [limit + 1] : []),
    ...farLengths.filter((n) => limit === undefined || n > limit + 1),
  ];
  return lengths.map((length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

let phoneLike: fc.Arbitrary<string> | undefined;
const digitsPlus = () => (phoneLike ??= fc.stringMatching(/^\+?[0-9 -]{1,20}$/));

function breaksEnumOrPattern(node: SchemaNode): fc.Arbitrary<string> | undefined {
  if (node.enum) {
    const allowed = new Set(node.enum);
    return fc
      .oneof(fc.constantFrom(...nearMisses(node.enum)), fc.string({ maxLength: 12 }))
      .filter((s) => !allowed.has(s));
  }
  if (node.pattern) {
    const pattern = new RegExp(node.pattern);
    return fc.oneof(digitsPlus(), fc.string({ unit: 'grapheme', maxLength: 20 })).filter((s) => !pattern.test(s));
  }
  return undefined;
}

/** Values for one field of the named schema that break it: other JSON types, values outside its enum or pattern, "", awkward Unicode. */
export function invalidValue(name: SchemaName, field: string): fc.Arbitrary<unknown> {
  const node = (loadSchema(name) as SchemaNode).properties?.[field];
  if (!node) throw new Error(`invalidValue: ${name} has no field "${field}"`);
  const broken = breaksEnumOrPattern(node);
  const valid = validSample(name);
  const awkward = node.pattern || node.enum ? [unicodeText()] : [];
  return fc
    .oneof(wrongTypeValue(node.type), ...(broken ? [broken] : []), fc.constant(''), ...awkward)
    .filter((value) => !isValid(name, { ...valid, [field]: value }));
}

const samples = new Map<SchemaName, Record<string, unknown>>();

function validSample(name: SchemaName): Record<string, unknown> {
  if (!samples.has(name))
    samples.set(
      name,
      fc.sample(fromSchema(loadSchema(name) as SchemaNode), { numRuns: 1, seed: 0 })[0] as Record<string, unknown>,
    );
  return samples.get(name)!;
}

/**
 * Bodies that break the named object schema, one category and one field at a time. Each value is re-checked
 * with ajv by a filter, and filters hold during shrinking, so a shrunk counterexample is still invalid.
 */
export function invalidBody(
  name: SchemaName,
  categories: readonly InvalidCategory[] = invalidCategories,
): fc.Arbitrary<InvalidBody> {
  const schema = loadSchema(name) as SchemaNode;
  const valid = fromSchema(schema) as fc.Arbitrary<Record<string, unknown>>;
  const required = new Set(schema.required ?? []);
  // A valid value, to ask the schema whether "" alone would break a field.
  const smallest = validSample(name);
  const cases: fc.Arbitrary<InvalidBody>[] = [];
  const add = (
    category: InvalidCategory,
    field: string,
    change: fc.Arbitrary<(body: Record<string, unknown>) => Record<string, unknown>>,
  ) => {
    if (!categories.includes(category)) return;
    cases.push(fc.tuple(valid, change).map(([body, apply]) => ({ category, field, body: apply(body) })));
  };
  for (const [field, node] of Object.entries(schema.properties ?? {})) {
    if (required.has(field))
      add(
        'missing-required',
        field,
        fc.constant(({ [field]: _gone, ...rest }) => rest),
      );
    add(
      'wrong-type',
      field,
      wrongTypeValue(node.type).map((value) => (body) => ({ ...body, [field]: value })),
    );
    const broken = breaksEnumOrPattern(node);
    if (broken)
      add(
        'outside-enum-or-pattern',
        field,
        broken.map((value) => (body) => ({ ...body, [field]: value })),
      );
    if (node.type === 'string' && !isValid(name, { ...smallest, [field]: '' })) {
      add(
        'empty-string',
        field,
        fc.constant((body) => ({ ...body, [field]: '' })),
      );
    }
    if (node.type === 'string' && (node.pattern || node.enum)) {
      add(
        'unicode',
        field,
        unicodeText().map((value) => (body) => ({ ...body, [field]: value })),
      );
    }
    const tooLong =
      node.type === 'string'
        ? overLongValues(node).filter((value) => !isValid(name, { ...smallest, [field]: value }))
        : [];
    if (tooLong.length)
      add(
        'over-long',
        field,
        fc.constantFrom(...tooLong).map((value) => (body) => ({ ...body, [field]: value })),
      );
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
