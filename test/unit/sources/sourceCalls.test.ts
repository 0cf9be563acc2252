import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Exchange, Secrets } from '../../../src/client/index.js';
import { Numbers } from '../../../src/sources/numbers.js';
import { recordedSources } from '../../../src/sources/openSources.js';

const cert = 'CmEKHQi0AAAA';

// What a test attaches as its source calls: the calls since the last drain, redacted with the run's secrets.
test('the source calls a test attaches show no code the code source told nor PIN the state source set, whatever the digits', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.stringMatching(/^[0-9]{6,10}$/),
      fc.stringMatching(/^[0-9]{3,8}$/),
      fc.stringMatching(/^[0-9]{6}$/),
      async (phone, code, pin) => {
        const secrets = new Secrets();
        const sources = recordedSources(
          {
            state: {
              name: 'the state source',
              supports: () => true,
              setup: async () => ({ pin }),
              teardown: async () => {},
            },
            code: { name: 'the code source', interactive: false, covers: 'any', sentCode: async () => code },
          },
          { stateMs: 1_000, codeMs: 1_000 },
        );
        const numbers = new Numbers(
          { numbers: {}, mintedCertificates: true, registrations: 10 },
          sources,
          (variable, value) => secrets.add(variable, value),
        );
        const number = await numbers.set(
          { cc: '81', phone_number: phone, cert, vname: 'x', origin: 'fresh' },
          'two-step',
        );
        const answer = { response: { status: 202, headers: {}, body: {} } } as unknown as Exchange;
        assert.equal(
          await numbers.codeOf({
            number,
            answer,
            request: { cc: '81', phone_number: phone, method: 'sms', requestedAt: new Date(0).toISOString() },
          }),
          code,
        );
        const attached = secrets.redact(JSON.stringify(sources.calls.drain()));
        assert.ok(!attached.includes(code), attached);
        assert.ok(!attached.includes(pin), attached);
        assert.match(attached, /"answer":"\$\{WA_CONFORMANCE_CODE\}"/);
        assert.match(attached, /\$\{WA_CONFORMANCE_PIN\}/);
      },
    ),
  );
});
