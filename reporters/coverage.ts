import type { CoverageRow } from '../src/generated/types.js';

export interface CategoryCoverage {
  category: string;
  requests: number;
  fields: { field: string; requests: number }[];
}

/** The coverage table grouped by category, each with its fields: what the console, summary and HTML show. */
export function coverageByCategory(rows: readonly CoverageRow[]): CategoryCoverage[] {
  const categories = new Map<string, CategoryCoverage>();
  for (const { category, field, requests } of rows) {
    const entry =
      categories.get(category) ?? categories.set(category, { category, requests: 0, fields: [] }).get(category)!;
    entry.requests += requests;
    entry.fields.push({ field, requests });
  }
  return [...categories.values()];
}

/** `cc 12, phone_number 9`: a category's fields on one line. */
export function fieldsLine({ fields }: CategoryCoverage): string {
  return fields.map((f) => `${f.field} ${f.requests}`).join(', ');
}
