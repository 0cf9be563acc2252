import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { escapeMarkup } from '../../../reporters/markup.js';

const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

test('any text escaped for markup reads back as itself (less the control characters XML forbids), in an element and in an attribute', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeMarkup(text);
      assert.doesNotMatch(escaped, /[<>"']/);
      assert.doesNotMatch(escaped, forbiddenInXml);
      const read = parser.parse(`<a t="${escaped}">${escaped}</a>`).a;
      const expected = text.replace(forbiddenInXml, '');
      // An element with only its attribute reads as that object; with text, the text is under '#text'.
      assert.equal(read.t, expected);
      assert.equal(typeof read === 'object' ? (read['#text'] ?? '') : read, expected);
    }),
    { numRuns: 2_000 },
  );
});

test('markup in a target answer stays text', () => {
  assert.equal(
    escapeMarkup(`<script>alert('x')</script> & "q"`),
    '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;',
  );
});
