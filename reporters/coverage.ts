import type { ConformanceReport, CoverageRow, TestRecord } from '../src/generated/types.js';

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

type ModelRecord = NonNullable<TestRecord['model']>;

/** The stateful model's run, if it ran: one line, and its transitions each with how often it was reached. */
export function modelCoverage(
  report: ConformanceReport,
): { line: string; transitions: ModelRecord['transitions']; unreached: string[] } | undefined {
  const model = report.requirements.flatMap((r) => r.tests.flatMap((t) => t.model ?? []))[0];
  if (!model) return undefined;
  const generated = model.sequences - model.chosen;
  const rest = model.notSent ? `; ${model.notSent} more generated not sent, every transition reached` : '';
  return {
    line: `stateful model: ${model.sequences} sequences sent (${model.chosen} chosen to reach every transition, ${generated} generated${rest}); ${model.expected - model.unreached.length} of the ${model.expected} transitions it must reach were reached`,
    transitions: model.transitions,
    unreached: model.unreached,
  };
}
