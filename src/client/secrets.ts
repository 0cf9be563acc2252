/**
 * The secrets of a run (passwords, tokens, PINs, and the Basic credentials built from them). Everything that
 * leaves the suite as text passes through `redact`, which puts a shell variable name in place of each value,
 * so a printed curl command still runs once the variable is set.
 */
export class Secrets {
  private readonly values = new Map<string, string>();

  add(variable: string, value: string | undefined): void {
    if (!value || value.length < 3) return;
    for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
      this.values.set(form, variable);
    }
  }

  addBasic(user: string, password: string | undefined, variable: string): void {
    if (!password) return;
    this.add(variable, password);
    this.add(`${variable}_BASIC`, Buffer.from(`${user}:${password}`).toString('base64'));
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const [value, variable] of [...this.values].sort((a, b) => b[0].length - a[0].length)) {
      out = out.split(value).join(`\${${variable}}`);
    }
    return out;
  }
}
