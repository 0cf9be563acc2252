// 2段階認証: two-step verification is an admin setting.
import { because, clientError, test, verifies } from '../src/harness/index.js';

const twoStep = '/v1/settings/account/two-step';

test(...verifies('TWO-STEP-ADMIN-ONLY'), async ({ target }) => {
  const set = await target.post(twoStep, { pin: '123456' }, { as: 'user' });
  target.check(set, because(clientError, 'refusing POST'));
  const unset = await target.send('DELETE', twoStep, undefined, { as: 'user' });
  target.check(unset, because(clientError, 'refusing DELETE'));
});
