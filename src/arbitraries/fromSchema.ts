import fc from 'fast-check';
import { unicodeText } from './unicodeText.js';

/** The JSON Schema keywords the generated schemas use; anything else is refused rather than ignored. */
export interface SchemaNode {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  contentEncoding?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
}

const annotations = new Set(['$schema', '$id', 'title', 'description', 'x-citation', 'examples']);
const supported = new Set<string>([
  'type',
  'enum',
  'const',
  'pattern',
  'contentEncoding',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
]);

// Arbitraries are immutable, and building one from a pattern is costly (fast-check tokenises its stock of
// awkward strings against every character class): one per schema node serves every test of a worker.
const built = new WeakMap<SchemaNode, fc.Arbitrary<unknown>>();

/** Values valid against `schema`, built from its keywords; extra properties are never generated. */
export function fromSchema(schema: SchemaNode, at = '#'): fc.Arbitrary<unknown> {
  const known = built.get(schema);
  if (known) return known;
  const arbitrary = build(schema, at);
  built.set(schema, arbitrary);
  return arbitrary;
}

function build(schema: SchemaNode, at: string): fc.Arbitrary<unknown> {
  for (const keyword of Object.keys(schema)) {
    if (!supported.has(keyword) && !annotations.has(keyword)) {
      throw new Error(`fromSchema: keyword "${keyword}" at ${at} is not supported`);
    }
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringFrom(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1 });
    case 'number':
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, `${at}/items`), {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? Math.max(schema.minItems ?? 0, 3),
      });
    case 'object':
      return objectFrom(schema, at);
    default:
      throw new Error(`fromSchema: schema at ${at} needs a "type"`);
  }
}

function stringFrom(schema: SchemaNode): fc.Arbitrary<string> {
  const { minLength = 0, maxLength } = schema;
  // Base64 is what its pattern says, and fast-check's own arbitrary costs nothing to build (stringMatching on that
  // pattern took ~100 ms of every worker's start).
  if (schema.contentEncoding === 'base64') return fc.base64String({ minLength, maxLength });
  if (schema.pattern) {
    const inRange = (s: string) =>
      [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength);
    return fc.stringMatching(new RegExp(schema.pattern)).filter(inRange);
  }
  const longest = maxLength ?? Math.max(minLength, 40);
  // Free text is any Unicode: astral, right-to-left, combining, zero-width and control characters too.
  const graphemes = fc.string({ unit: 'grapheme', minLength, maxLength: longest });
  return minLength <= 1 ? fc.oneof(graphemes, unicodeText({ minLength, maxLength: longest })) : graphemes;
}

function objectFrom(schema: SchemaNode, at: string): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, node]) => [name, fromSchema(node, `${at}/properties/${name}`)]),
  );
  return fc.record(model, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}
