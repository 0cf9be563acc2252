// 制約: "アプリを登録するには、必ずadminアカウントを使用します。" Users: login: every other endpoint needs the bearer token.
// Each endpoint behind the admin account (src/harness/adminEndpoints.ts), probed by strangers and by a non-admin.
import { invalidRegisterRequest, registerRequest } from '../src/arbitraries/index.js';
import {
  type AdminEndpoint,
  adminEndpoints,
  because,
  type Caller,
  derivedTokens,
  endpointName,
  errorCode,
  example,
  expectation,
  gist,
  refusedUnread,
  sideBySide,
  statusIs,
  test,
  verifies,
} from '../src/harness/index.js';

const account = '/v1/account';
const strangers: [string, Caller][] = [
  ['no Authorization header', 'anonymous'],
  ['a token the server never issued', { bearer: 'not-a-token-this-server-issued' }],
];
const nonAdmin = "the non-admin account's token";
const isTwoStep = (endpoint: AdminEndpoint) => endpoint.path.startsWith('/v1/settings/');

test(...verifies('AUTH-TOKEN-REQUIRED'), async ({ target }) => {
  for (const endpoint of adminEndpoints)
    await sideBySide(target, strangers, ([who, as]) => refusedUnread(target, endpoint, as, who));
});

// Tokens the server did not issue, made from the one it did: what a comparison that stops early, or a JWT library
// that decodes without verifying, still takes. Each derived token is a secret: it is nearly the admin's.
test(...verifies('AUTH-TOKEN-DERIVED'), async ({ target }) => {
  const derived = derivedTokens(await target.tokenOf('admin'));
  for (const [i, { token }] of derived.entries())
    target.client.secrets.add(`WA_CONFORMANCE_DERIVED_TOKEN_${i + 1}`, token);
  await sideBySide(target, derived, ({ name, token }) =>
    refusedUnread(target, adminEndpoints[0]!, { bearer: token }, `the admin's token ${name}`),
  );
  target.observe(`tokens tried: ${derived.map((d) => d.name).join('; ')}`);
});

test(...verifies('AUTH-ANONYMOUS-DISTINCT'), async ({ target }) => {
  // A body every profile refuses, so the admin's answer sends no code.
  const body = example(target, invalidRegisterRequest(['missing-required'])).body;
  const admin = await target.post(account, body);
  for (const [who, as] of strangers) {
    const answer = await target.post(account, body, { as });
    target.check(
      answer,
      expectation(
        `an answer about the credentials (${who}), not the admin's ${gist(admin)}`,
        (a) => gist(a) !== gist(admin),
      ),
    );
  }
});

test(...verifies('AUTH-TOKEN-401'), async ({ target }) => {
  const probes = adminEndpoints.flatMap((endpoint) => strangers.map((stranger) => [endpoint, stranger] as const));
  const answers = await sideBySide(target, probes, ([endpoint, [, as]]) => {
    const [[, body]] = endpoint.bodies(target) as [[string, unknown]];
    return target.send(endpoint.method, endpoint.path, body, { as });
  });
  for (const [i, [endpoint, [who]]] of probes.entries())
    target.check(answers[i]!, because(statusIs(401), `${endpointName(endpoint)} with ${who}`));
});

test(...verifies('AUTH-ADMIN-ONLY'), async ({ target }) => {
  await sideBySide(
    target,
    adminEndpoints.filter((e) => !isTwoStep(e)),
    (endpoint) => refusedUnread(target, endpoint, 'user', nonAdmin),
  );
});

test(...verifies('TWO-STEP-ADMIN-ONLY'), async ({ target }) => {
  for (const endpoint of adminEndpoints.filter(isTwoStep)) await refusedUnread(target, endpoint, 'user', nonAdmin);
});

test(...verifies('AUTH-ADMIN-403'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()), { as: 'user' });
  target.check(answer, errorCode(1005, 403));
});
