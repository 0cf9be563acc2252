// 2段階認証: two-step verification is an admin setting.
import { isClientError, test, verifies } from '../src/fixtures/index.js';

const twoStep = '/v1/settings/account/two-step';

test('a non-admin account cannot change two-step verification', verifies('TWO-STEP-ADMIN-ONLY'), async ({ target }) => {
  const set = await target.post(twoStep, { pin: '123456' }, { as: 'user' });
  target.check(set, 'a 4xx refusal of POST, never a 2xx', isClientError);
  const unset = await target.send('DELETE', twoStep, undefined, { as: 'user' });
  target.check(unset, 'a 4xx refusal of DELETE, never a 2xx', isClientError);
});
