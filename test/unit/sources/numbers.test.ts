import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NumberState } from '../../../src/protocol/index.js';
import { fixedCodeSource } from '../../../src/sources/declarativeCodes.js';
import { type NumberSettings, Numbers, Unavailable } from '../../../src/sources/numbers.js';
import type { CodeSource, StateSource } from '../../../src/sources/source.js';

const unregistered = { cc: '81', phone_number: '9012345678', cert: 'CmcKIwi0', vname: '株式会社テスト' };
const known = { unregistered };

/** A state source that records what it was asked. */
function stateSource(calls: string[]): StateSource {
  return {
    name: 'the test state source',
    supports: () => true,
    setup: async (state: NumberState, { phone_number }) => {
      calls.push(`setup ${state} ${phone_number}`);
      return {};
    },
    teardown: async (state: NumberState, { phone_number }) => {
      calls.push(`teardown ${state} ${phone_number}`);
    },
  };
}

const numbers = (settings: Partial<NumberSettings>, sources: { state?: StateSource; code?: CodeSource }) =>
  new Numbers({ numbers: known, mintedCertificates: true, registrations: 10, ...settings }, sources, () => {});

test('a fixed code per number covers those numbers only: the verify flow takes the fixture when a state source puts it back, and SKIPs otherwise naming what would do', async () => {
  const perNumber = fixedCodeSource({ codes: [{ cc: '81', phone_number: '9012345678', code: '123456' }] });
  const calls: string[] = [];
  const withState = numbers({}, { code: perNumber, state: stateSource(calls) });
  assert.equal(withState.covers(unregistered), true);
  assert.equal(withState.covers({ cc: '999', phone_number: '1' }), false);
  const chosen = await withState.forVerification();
  assert.equal(chosen.origin, 'numbers.unregistered');
  await withState.settle();
  // Set before, put back after, then every state torn down, last first.
  assert.deepEqual(calls, [
    'setup unregistered 9012345678',
    'setup unregistered 9012345678',
    'teardown unregistered 9012345678',
    'teardown unregistered 9012345678',
  ]);

  const without = numbers({}, { code: perNumber });
  const why = without.unverifiable()!;
  assert.match(
    why,
    /a fresh number needs a code source that tells the code sent to any number .*tells the code of \+81 9012345678 only/,
  );
  assert.match(why, /numbers\.unregistered, once registered, can be put back only by a state source/);
  await assert.rejects(without.forVerification(), Unavailable);
  assert.match(without.freshUnverifiable()!, /tells the code of \+81 9012345678 only/);
});

test('a code for every number covers fresh numbers: the verify flow and the model use them, and touch no fixture', async () => {
  const forAll = numbers({}, { code: fixedCodeSource({ code: '123456' }) });
  assert.equal(forAll.unverifiable(), undefined);
  assert.equal(forAll.freshUnverifiable(), undefined);
  assert.equal((await forAll.forVerification()).origin, 'fresh');
  assert.equal(
    forAll.unavailable('registered'),
    undefined,
    'a fresh number is registered through the API with that code',
  );
});

test('without minted certificates or a code source, each reason names what is missing', () => {
  assert.match(numbers({ mintedCertificates: false }, {}).unverifiable()!, /^needs a code source/);
  const noMint = numbers(
    { mintedCertificates: false, mintedCertificatesNote: '"acceptsMintedCertificates": false' },
    { code: fixedCodeSource({ code: '1' }) },
  );
  assert.match(
    noMint.unverifiable()!,
    /a fresh number needs a target that takes minted certificates \("acceptsMintedCertificates": false\)/,
  );
  assert.match(noMint.freshUnverifiable()!, /^needs a target that takes minted certificates/);
  assert.match(
    numbers(
      { numbers: {} },
      { code: fixedCodeSource({ codes: [{ cc: '1', phone_number: '2', code: '3' }] }) },
    ).unavailable('registered')!,
    /needs numbers\.registered .*or with a code source that tells the code sent to any number/,
  );
});

test('a teardown that fails does not stop the others, and is thrown after them', async () => {
  const calls: string[] = [];
  const failing: StateSource = {
    ...stateSource(calls),
    teardown: async (state) => {
      calls.push(`teardown ${state}`);
      if (state === 'two-step') throw new Error('teardown refused');
    },
  };
  const n = numbers({}, { state: failing });
  await n.set({ ...unregistered, origin: 'fresh' }, 'two-step');
  await n.set({ ...unregistered, origin: 'fresh' }, 'moved-away');
  await assert.rejects(n.settle(), /teardown refused/);
  assert.deepEqual(
    calls.filter((c) => c.startsWith('teardown')),
    ['teardown moved-away', 'teardown two-step'],
  );
  await n.settle();
  assert.equal(calls.filter((c) => c.startsWith('teardown')).length, 2, 'each state is torn down once');
});
