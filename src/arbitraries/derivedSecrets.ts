// Wrong secrets made from the right one: what a comparison that is not exact still takes — one over the first six
// characters, a startsWith where === was meant, one that trims, one that compares numbers. Named, so the report can
// say what was tried without showing a value (each is nearly the secret).

export interface DerivedSecret {
  name: string;
  value: string;
}

/** Another character in place of `c`: the next digit, or another letter. */
const changed = (c: string) => (/[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'a' ? 'b' : 'a');

const changedAt = (secret: string, at: number) =>
  `${secret.slice(0, at)}${changed(secret[at]!)}${secret.slice(at + 1)}`;

/** Those of `derived` that are not `secret` itself, each value once. */
function otherThan(secret: string, derived: DerivedSecret[]): DerivedSecret[] {
  const seen = new Set([secret]);
  return derived.filter(({ value }) => !seen.has(value) && seen.add(value));
}

/** Wrong PINs made from the two-step PIN: a digit more and fewer, one changed at the start, middle and end, reversed, padded. */
export function derivedPins(pin: string): DerivedSecret[] {
  return otherThan(pin, [
    { name: 'the PIN with a digit appended', value: `${pin}0` },
    { name: 'its first five digits', value: pin.slice(0, 5) },
    { name: 'its first digit changed', value: changedAt(pin, 0) },
    { name: 'a middle digit changed', value: changedAt(pin, Math.floor(pin.length / 2)) },
    { name: 'its last digit changed', value: changedAt(pin, pin.length - 1) },
    { name: 'its digits reversed', value: [...pin].reverse().join('') },
    { name: 'the PIN with spaces around it', value: ` ${pin} ` },
  ]);
}

/** Wrong registration codes made from the one sent: its prefixes, a character more, one changed. */
export function derivedCodes(code: string): DerivedSecret[] {
  return otherThan(code, [
    { name: 'its first three characters', value: code.slice(0, 3) },
    { name: 'its first five characters', value: code.slice(0, 5) },
    { name: 'the code with a character appended', value: `${code}0` },
    { name: 'its last character changed', value: changedAt(code, code.length - 1) },
  ]).filter(({ value }) => value.length > 0);
}

/** The code as the SMS shows it, `123-456`: whether a client takes it so is not documented. */
export function writtenAsShown(code: string): string | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
