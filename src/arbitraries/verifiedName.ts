import fc from 'fast-check';

// Names a business may really have, in the scripts the issue names: Japanese, emoji, combining marks, and white
// space at either end (a name is decoded, not trimmed).
export const realisticNames = [
  '株式会社テスト',
  'カフェ・ド・パリ',
  '東京スシ🍣',
  'Café Crème',
  'Cafe\u0301 Cre\u0300me',
  'Ñandú S.A.',
  'مطعم الشام',
  'Zoë & Co. 👩‍👩‍👧',
  'A',
  ' Espaço Café ',
  '\u3000全角スペース株式会社',
];

/** Verified names as they can stand in a certificate: any Unicode text that is not blank, up to long ones. */
export function verifiedName(): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...realisticNames),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 20 }),
      fc.string({ unit: 'grapheme', minLength: 200, maxLength: 512 }),
    )
    .filter((name) => name.trim().length > 0);
}
