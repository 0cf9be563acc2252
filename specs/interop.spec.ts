// Beyond the page: requests real clients send that it does not forbid (src/requirements/interop.ts names the client,
// its repository and file). Each goes beside the same request as documented; an answer that differs means the target
// refuses that client. Nothing here is judged: INTEROP is reported apart. None changes state on a correct target.
import { invalidRegisterRequest, wrongCodes } from '../src/arbitraries/index.js';
import { example, freshNumber, gist, jsonOfAnswer, loginPath, probes, status, test } from '../src/harness/index.js';

const account = '/v1/account';

test(...probes('INTEROP-FORM-LABEL'), async ({ target }) => {
  // A body every profile refuses, so neither answer sends a code.
  const { body } = example(target, invalidRegisterRequest(['missing-required']));
  const asJson = await target.post(account, body);
  const asForm = await target.post(account, JSON.stringify(body), { contentType: 'application/x-www-form-urlencoded' });
  target.interop.add('INTEROP-FORM-LABEL', gist(asForm) === gist(asJson) ? 'works' : 'breaks', asForm);
});

test(...probes('INTEROP-VERIFY-NUMBER'), async ({ target }) => {
  // A code no number was sent, so neither answer registers anything.
  const [code] = example(target, wrongCodes(target.numbers.readCodes));
  const alone = await target.post('/v1/account/verify', { code });
  const withNumber = await target.post('/v1/account/verify', { ...freshNumber(), code });
  target.interop.add('INTEROP-VERIFY-NUMBER', gist(withNumber) === gist(alone) ? 'works' : 'breaks', withNumber);
});

test(...probes('INTEROP-LOGIN-EMPTY-OBJECT'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  test.skip(!password, 'needs the admin password: the run logs in with a token only');
  const answer = await target.post(loginPath, {}, { as: { basic: { user, password: password! } } });
  const token = (jsonOfAnswer(answer) as { users?: { token?: unknown }[] } | undefined)?.users?.[0]?.token;
  const loggedIn = status(answer) !== undefined && status(answer)! < 300 && typeof token === 'string';
  target.interop.add('INTEROP-LOGIN-EMPTY-OBJECT', loggedIn ? 'works' : 'breaks', answer);
});
