import fc from 'fast-check';
import { isValid, loadSchema, type SchemaName } from '../schema/registry.js';
import type { SchemaNode } from './fromSchema.js';
import { type InvalidCategory, invalidBody, invalidCategories } from './invalidBody.js';
import { awkwardCodePoints, awkwardKinds, unicodeText } from './unicodeText.js';

/** Every way the suite gets a request wrong: a broken parameter, or a body or framing the documentation never asks for. */
export type RequestCategory =
  | InvalidCategory
  | 'unknown-property'
  | 'not-an-object'
  | 'content-type'
  | 'near-body-limit';

export const requestCategories: readonly RequestCategory[] = [
  ...invalidCategories,
  'unknown-property',
  'not-an-object',
  'content-type',
  'near-body-limit',
];

/** The categories malformedRequest generates; near-body-limit comes from the examples alone. */
export const generatedCategories = requestCategories.filter((c) => c !== 'near-body-limit');

/** A request as generated: what is wrong with it (`category`, `field`), and the bytes and Content-Type that carry it. */
export interface GeneratedRequest {
  category: RequestCategory;
  field: string;
  /** A JSON value, sent as JSON text unless `raw` is set. */
  body: unknown;
  /** Bytes sent as they are: the empty body. */
  raw?: string;
  /** undefined: application/json; null: no Content-Type header at all. */
  contentType?: string | null;
}

/** The text a generated request sends. */
export function requestText(request: GeneratedRequest): string {
  return request.raw ?? JSON.stringify(request.body);
}

// Any JSON object: the generated request types have no index signature.
type Body = object;

/** Names a body should not carry: other cases of documented ones, prototype keys, a very long one, Unicode. */
function unknownNames(documented: string[]): fc.Arbitrary<string> {
  const caseCollisions = documented.flatMap((name) => [name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]);
  return fc
    .oneof(
      fc.constantFrom(
        ...caseCollisions,
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'hasOwnProperty',
        'x'.repeat(1024),
      ),
      unicodeText({ maxLength: 12 }),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .filter((name) => !documented.includes(name));
}

const prototypePolluting = { isAdmin: true, polluted: 'yes' };

/** `base` with unknown properties added, whose documented part stays as it was. */
export function withUnknownProperties(name: SchemaName, base: fc.Arbitrary<Body>): fc.Arbitrary<GeneratedRequest> {
  const documented = Object.keys((loadSchema(name) as SchemaNode).properties ?? {});
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(prototypePolluting));
  return (
    fc
      .tuple(
        base,
        fc.uniqueArray(fc.tuple(unknownNames(documented), value), {
          minLength: 1,
          maxLength: 3,
          selector: ([key]) => key,
        }),
      )
      // fromEntries defines own properties, so "__proto__" is a key like any other, as JSON.parse would make it.
      .map(([body, extra]) => ({
        category: 'unknown-property' as const,
        field: '(unknown property)',
        body: Object.fromEntries([...Object.entries(body), ...extra]),
      }))
  );
}

/** The JSON part of a request: what remains when its unknown properties are taken out. */
export function documentedPart(name: SchemaName, body: Body): Body {
  const documented = Object.keys((loadSchema(name) as SchemaNode).properties ?? {});
  return Object.fromEntries(Object.entries(body).filter(([key]) => documented.includes(key)));
}

/** Bodies that are JSON but no object, and the empty body. */
function notAnObject(base: fc.Arbitrary<Body>): fc.Arbitrary<GeneratedRequest> {
  const request = (body: unknown, raw?: string): GeneratedRequest => ({
    category: 'not-an-object',
    field: '(body)',
    body,
    ...(raw !== undefined ? { raw } : {}),
  });
  return fc.oneof(
    fc.constantFrom<unknown>([], 'text', 42, -1.5, true, false, null).map((body) => request(body)),
    base.map((body) => request([body])),
    fc.constant(request(undefined, '')),
  );
}

const otherContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  null,
  'application/json; charset=iso-8859-1',
  'application/json; charset=utf-16',
  'application/xml',
] as const;

/** The same JSON bytes sent with another Content-Type, another charset, or none. */
function otherContentType(base: fc.Arbitrary<Body>): fc.Arbitrary<GeneratedRequest> {
  return fc.tuple(base, fc.constantFrom(...otherContentTypes)).map(([body, contentType]) => ({
    category: 'content-type' as const,
    field: contentType ?? '(no Content-Type)',
    body,
    contentType,
  }));
}

// Just under a common body limit (100 KiB, Express's default) and just past another (1 MiB, nginx's).
export const nearLimitSizes = [100 * 1024 - 1, 1024 * 1024 + 1];

/** The first field with a pattern: where a padded or awkward value is refused by the schema whatever its length. */
function patternedField(name: SchemaName): string {
  const properties = (loadSchema(name) as SchemaNode).properties ?? {};
  return Object.keys(properties).find((key) => properties[key]!.pattern) ?? '(padding)';
}

/** `body` grown to `size` bytes of JSON in `field`, ending in a character its pattern refuses. */
function padded(body: Body, field: string, size: number): GeneratedRequest {
  const rest = Buffer.byteLength(JSON.stringify({ ...body, [field]: '' }));
  return {
    category: 'near-body-limit',
    field,
    body: { ...body, [field]: `${'A'.repeat(Math.max(0, size - rest - 1))}!` },
  };
}

/**
 * Requests for the named schema's endpoint that a client got wrong: a documented parameter broken (re-checked
 * with ajv, so shrinking stays on the invalid side), unknown properties, bodies that are not objects, other
 * Content-Types. `base` is the body the framing categories start from: a registration the target would take, or
 * one it must refuse. Bodies near a size limit are sent once each, by malformedExamples: a megabyte per
 * generated value would cost more than it finds.
 */
export function malformedRequest(name: SchemaName, base: fc.Arbitrary<Body>): fc.Arbitrary<GeneratedRequest> {
  const broken = invalidBody(name).map((c): GeneratedRequest => ({ ...c }));
  return fc.oneof(
    { arbitrary: broken, weight: 6 },
    { arbitrary: withUnknownProperties(name, base), weight: 2 },
    { arbitrary: notAnObject(base), weight: 1 },
    { arbitrary: otherContentType(base), weight: 1 },
  );
}

/**
 * One request of each kind, built on `body`: the cases a careless implementation is most likely to crash on,
 * sent first on every run so that no seed can miss them.
 */
export function malformedExamples(name: SchemaName, body: Body): GeneratedRequest[] {
  const field = patternedField(name);
  // Without a patterned field, values are broken in the first documented one (the padding goes elsewhere).
  const broken = field === '(padding)' ? Object.keys((loadSchema(name) as SchemaNode).properties ?? {})[0]! : field;
  const set = (category: RequestCategory, value: unknown): GeneratedRequest => ({
    category,
    field: broken,
    body: { ...body, [broken]: value },
  });
  const extra = (key: string, value: unknown): GeneratedRequest => ({
    category: 'unknown-property',
    field: '(unknown property)',
    body: Object.fromEntries([...Object.entries(body), [key, value]]),
  });
  const examples: GeneratedRequest[] = [
    ...awkwardKinds.map((kind) => set('unicode', `1${awkwardCodePoints[kind][0]}`)),
    set('over-long', '7'.repeat(8192)),
    ...[null, 1, -1e308, 3.14, true, [], {}].map((value) => set('wrong-type', value)),
    extra('__proto__', prototypePolluting),
    extra('constructor', prototypePolluting),
    extra(broken.toUpperCase(), 'x'),
    extra('x'.repeat(1024), 'x'),
    ...[[], [body], 'text', 42, true, null].map(
      (value): GeneratedRequest => ({ category: 'not-an-object', field: '(body)', body: value }),
    ),
    { category: 'not-an-object', field: '(body)', body: undefined, raw: '' },
    ...otherContentTypes.map(
      (contentType): GeneratedRequest => ({
        category: 'content-type',
        field: contentType ?? '(no Content-Type)',
        body,
        contentType,
      }),
    ),
    ...nearLimitSizes.map((size) => padded(body, field, size)),
  ];
  // A broken parameter must break the schema; the framing categories keep what `body` was.
  return examples.filter(
    (request) =>
      (request.category !== 'unicode' && request.category !== 'over-long' && request.category !== 'wrong-type') ||
      !isValid(name, request.body),
  );
}
