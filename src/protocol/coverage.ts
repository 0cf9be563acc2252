/** One row of the coverage table: generated requests of one category in one field. */
export interface CoverageRow {
  category: string;
  field: string;
  requests: number;
}

/** Requests summed per category and field: a property's as it runs (in a worker), the run's over its tests (in the reporter). */
export class CoverageTally {
  private readonly byKey = new Map<string, CoverageRow>();

  add(category: string, field: string, requests = 1): void {
    const key = `${category}\u0000${field}`;
    const row = this.byKey.get(key) ?? this.byKey.set(key, { category, field, requests: 0 }).get(key)!;
    row.requests += requests;
  }

  /** The rows by category, then field. */
  rows(): CoverageRow[] {
    return [...this.byKey.values()].sort(
      (a, b) => a.category.localeCompare(b.category) || a.field.localeCompare(b.field),
    );
  }
}
