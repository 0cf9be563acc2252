/**
 * The secrets of a run (passwords, tokens, PINs, and the Basic credentials built from them). Everything that
 * leaves the suite as text passes through `redact`, which puts a shell variable name in place of each value,
 * so a printed curl command still runs once the variable is set.
 */
export class Secrets {
  private readonly values = new Map<string, string>();
  /** Every value in one pattern, built again only when a secret is added: a run redacts every string it logs. */
  private pattern: RegExp | undefined;

  add(variable: string, value: string | undefined): void {
    if (!value || value.length < 3) return;
    for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
      if (this.values.get(form) === variable) continue;
      this.values.set(form, variable);
      this.pattern = undefined;
    }
  }

  addBasic(user: string, password: string | undefined, variable: string): void {
    if (!password) return;
    this.add(variable, password);
    this.add(`${variable}_BASIC`, Buffer.from(`${user}:${password}`).toString('base64'));
  }

  redact(text: string): string {
    if (this.values.size === 0) return text;
    // Longest first, so a secret that contains another is replaced whole; one pass, so a variable name put in
    // place of a secret is never taken for another.
    this.pattern ??= new RegExp(
      [...this.values.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, (value) => `\${${this.values.get(value)}}`);
  }
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
