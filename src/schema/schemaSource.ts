/** Where a documented field comes from: a section of the seed page, a short quote, the English page. */
export interface Citation {
  section: string;
  quote: string;
  url?: string;
}

/**
 * A schema as transcribed from the documentation: JSON Schema keywords, plus a parameter-table style
 * `required` flag and a `citation` on each field, and `$source` to reuse another transcribed schema.
 */
export interface SourceSchema {
  id?: string;
  title?: string;
  description?: string;
  citation?: Citation;
  required?: boolean;
  $source?: string;
  type?: string;
  properties?: Record<string, SourceSchema>;
  items?: SourceSchema;
  [keyword: string]: unknown;
}

export type JsonSchema = Record<string, unknown>;

export const schemaDialect = 'https://json-schema.org/draft/2020-12/schema';

export function schemaFileName(id: string): string {
  return `${id}.schema.json`;
}

/**
 * Turns one transcribed schema into JSON Schema 2020-12. `resolveSource` decides what a `$source`
 * becomes: inlined for the published files, a `$ref` for the combined document the types come from.
 */
export function toJsonSchema(source: SourceSchema, resolveSource: (name: string) => JsonSchema): JsonSchema {
  const url = source.citation?.url;
  const body = convert(source, url, resolveSource);
  if (!source.id) return body;
  return { $schema: schemaDialect, $id: schemaFileName(source.id), ...body };
}

function convert(
  source: SourceSchema,
  url: string | undefined,
  resolveSource: (name: string) => JsonSchema,
): JsonSchema {
  const { id: _id, citation, required: _required, $source, properties, items, ...keywords } = source;
  const out: JsonSchema = $source ? { ...resolveSource($source) } : {};
  // Keywords beside a $ref make json-schema-to-typescript write a copy of the type per use (KnownNumbers1, …): the
  // combined document the types come from keeps the bare $ref; the published files inline the keywords.
  if ('$ref' in out) return out;
  Object.assign(out, keywords);
  if (citation) out['x-citation'] = { ...citation, url: citation.url ?? url };
  if (properties) {
    out.properties = Object.fromEntries(
      Object.entries(properties).map(([name, field]) => [name, convert(field, url, resolveSource)]),
    );
    const required = Object.entries(properties)
      .filter(([, field]) => field.required)
      .map(([name]) => name);
    if (required.length) out.required = required;
  }
  if (items) out.items = convert(items, url, resolveSource);
  return out;
}
