import {
  invalidBody,
  invalidRegisterRequest,
  registerRequest,
  twoStepRequest,
  verifyRequest,
} from '../arbitraries/index.js';
import type { Exchange } from '../client/index.js';
import { errorsOf, isSuccess, status } from './answers.js';
import { because, clientError, expectation } from './expectations.js';
import { sideBySide } from './lanes.js';
import { example } from './property.js';
import type { Caller, Target } from './target.js';

/** An endpoint the documentation puts behind the admin account, with bodies a processed request answers differently. */
export interface AdminEndpoint {
  method: 'POST' | 'DELETE';
  path: string;
  bodies: (target: Target) => [string, unknown][];
}

const twoStepPath = '/v1/settings/account/two-step';

// 制約: "アプリを登録するには、必ずadminアカウントを使用します。" — and the two-step settings, admin only.
export const adminEndpoints: readonly AdminEndpoint[] = [
  {
    method: 'POST',
    path: '/v1/account',
    bodies: (target) => [
      ['a schema-valid registration', example(target, registerRequest())],
      [
        'a registration without a required parameter',
        example(target, invalidRegisterRequest(['missing-required'])).body,
      ],
      [
        'a registration with a value outside the documented ones',
        example(target, invalidRegisterRequest(['outside-enum-or-pattern'])).body,
      ],
    ],
  },
  {
    method: 'POST',
    path: '/v1/account/verify',
    bodies: (target) => [
      ['a code', example(target, verifyRequest())],
      ['no code', example(target, invalidBody('verify-request', ['missing-required'])).body],
      ['a code of the wrong type', example(target, invalidBody('verify-request', ['wrong-type'])).body],
    ],
  },
  {
    method: 'POST',
    path: twoStepPath,
    bodies: (target) => [
      ['a pin', example(target, twoStepRequest())],
      ['no pin', example(target, invalidBody('two-step-request', ['missing-required'])).body],
      ['a pin of the wrong type', example(target, invalidBody('two-step-request', ['wrong-type'])).body],
    ],
  },
  { method: 'DELETE', path: twoStepPath, bodies: () => [['no body', undefined]] },
];

export const endpointName = (endpoint: AdminEndpoint) => `${endpoint.method} ${endpoint.path}`;

const madeBodies = new WeakMap<Target, Map<AdminEndpoint, [string, unknown][]>>();

/** The endpoint's bodies for this test, made once: the same for each caller it is tried with (they derive from the test's seed). */
function bodiesOf(target: Target, endpoint: AdminEndpoint): [string, unknown][] {
  const made = madeBodies.get(target) ?? madeBodies.set(target, new Map()).get(target)!;
  return made.get(endpoint) ?? made.set(endpoint, endpoint.bodies(target)).get(endpoint)!;
}

/** What an answer says, without its wording: the status and the error codes. */
export function gist(answer: Exchange): string {
  const codes = (errorsOf(answer) ?? []).map((e) => e.code).sort();
  return `${status(answer) ?? answer.error}${codes.length ? ` with errors ${codes.join(', ')}` : ''}`;
}

/**
 * Each body sent to the endpoint as `as` (`who`, in words) is refused with a 4xx, and alike: a validation error
 * such as 1008 for one body and not another shows the body was read. A two-step setting a stranger managed to set is
 * cleared as the admin afterwards, so later tests meet the account as it was.
 */
export async function refusedUnread(target: Target, endpoint: AdminEndpoint, as: Caller, who: string): Promise<void> {
  const name = endpointName(endpoint);
  // Refusals change nothing: the bodies are sent side by side, and judged in their order once all came back.
  const answers = await sideBySide(target, bodiesOf(target, endpoint), async ([what, body]) => {
    return [what, await target.send(endpoint.method, endpoint.path, body, { as })] as [string, Exchange];
  });
  if (endpoint.path === twoStepPath && endpoint.method === 'POST' && answers.some(([, a]) => isSuccess(a)))
    await target.send('DELETE', twoStepPath, undefined, {});
  for (const [what, answer] of answers)
    target.check(answer, because(clientError, `${name} refusing ${what} with ${who}`));
  const [firstWhat, first] = answers[0]!;
  const same = gist(first);
  for (const [, answer] of answers.slice(1)) {
    target.check(
      answer,
      expectation(
        `the answer ${same} that ${firstWhat} got from ${name} with ${who}: without the admin's token the body must not be processed`,
        (a) => gist(a) === same,
      ),
    );
  }
}
