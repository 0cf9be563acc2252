import fc from 'fast-check';

/**
 * Code points careless code trips on, by kind: each breaks a different assumption (one UTF-16 unit per
 * character, left-to-right, one code point per glyph, visible, printable, a line ends at \n, no BOM).
 */
export const awkwardCodePoints = {
  astral: ['😀', '𝕏', '𠀋', '🏳️‍🌈'],
  'right-to-left': ['مرحبا', 'שלום', '\u202e', '\u200f'],
  combining: ['e\u0301', '\u0308', 'n\u0303\u0323'],
  'zero-width': ['\u200b', '\u200c', '\u200d', '\u2060'],
  control: ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\t', '\r\n'],
  'line-separator': ['\u2028', '\u2029'],
  bom: ['\ufeff'],
} as const;

export type AwkwardKind = keyof typeof awkwardCodePoints;
export const awkwardKinds = Object.keys(awkwardCodePoints) as AwkwardKind[];

/** One awkward piece of text of the given kinds. */
function awkwardPiece(kinds: readonly AwkwardKind[] = awkwardKinds): fc.Arbitrary<string> {
  return fc.constantFrom(...kinds.flatMap((kind) => awkwardCodePoints[kind]));
}

// Any code point but the surrogate halves, which UTF-8 cannot carry alone. (fast-check's 'binary' unit is the
// same set, but builds a table of all of them on first use: a second per process.)
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map(
  (n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800),
  (c) => {
    if (typeof c !== 'string' || [...c].length !== 1) throw new Error('not one code point');
    const n = c.codePointAt(0)!;
    return n < 0xd800 ? n : n - 0x800;
  },
);

/** Text from the whole of Unicode with at least one awkward piece in it; never a lone surrogate. */
export function unicodeText({
  minLength = 1,
  maxLength = 40,
}: {
  minLength?: number;
  maxLength?: number;
} = {}): fc.Arbitrary<string> {
  const around = fc.string({ unit: fc.oneof(fc.constant('a'), anyCodePoint), maxLength: 8 });
  return fc
    .tuple(around, awkwardPiece(), around)
    .map(([before, piece, after]) => `${before}${piece}${after}`)
    .filter((text) => {
      const length = [...text].length;
      return length >= minLength && length <= maxLength;
    });
}
