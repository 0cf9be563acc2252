/** Each letter in its other case (`Admin` → `aDMIN`): a credential a careless comparison may still take. */
export function otherCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}
