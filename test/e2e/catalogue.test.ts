import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, requirement } from '../../src/requirements/index.js';
import { interopCatalogue } from '../../src/requirements/interop.js';
import { listedTests } from '../../src/run/listedTests.js';

test('requirement IDs are unique upper-case slugs', () => {
  const ids = catalogue.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ID');
  for (const id of ids) assert.match(id, /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
});

test('every requirement cites a section, a quote and an English URL, and names its profiles', () => {
  for (const r of catalogue) {
    assert.ok(r.citation.section && r.citation.quote, `${r.id} has no section or quote`);
    assert.match(r.citation.url, /^https:\/\//, `${r.id} has no URL`);
    assert.ok(r.profiles.length > 0, `${r.id} applies to no profile`);
  }
});

test('a SHOULD or INFO requirement names the evidence it is inferred from', () => {
  for (const r of catalogue.filter((x) => x.level !== 'MUST')) {
    assert.match(r.evidence ?? '', /^(WEBAPP|INFERRED|POSTMAN|OBSERVED)/, `${r.id} (${r.level}) gives no evidence`);
  }
});

test('an unknown ID is refused by name', () => {
  assert.throws(() => requirement('NO-SUCH-ID'), /unknown requirement ID "NO-SUCH-ID"/);
});

test('every requirement is checked by at least one spec test, and every spec test names a requirement or is an interop probe', async () => {
  const tests = await listedTests();
  assert.ok(tests.length >= catalogue.length);
  const probes = new Set(interopCatalogue.filter((e) => e.kind === 'request').map((e) => e.title));
  for (const t of tests)
    assert.ok(t.requirementIds.length > 0 || probes.has(t.title), `${t.file}: "${t.title}" names no requirement`);
  const covered = new Set(tests.flatMap((t) => t.requirementIds));
  const uncovered = catalogue.filter((r) => !covered.has(r.id)).map((r) => r.id);
  assert.deepEqual(uncovered, [], `requirements without a spec test: ${uncovered.join(', ')}`);
});
