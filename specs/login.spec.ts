// Users: login: HTTP Basic credentials in, a bearer token (users[0].token) and its expiry out.
import {
  adminEndpoints,
  because,
  budgetedProbes,
  either,
  expectation,
  isSuccess,
  jsonOfAnswer,
  loginPath,
  rateLimited,
  refusedUnread,
  refusedWithoutToken,
  sendProbe,
  statusIs,
  test,
  tokenOf,
  validateSchema,
  verifies,
} from '../src/harness/index.js';

test(...verifies('LOGIN-TOKEN'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  const answer = await target.post(loginPath, undefined, { as: { basic: { user, password: password! } } });
  target.check(
    answer,
    expectation(
      '2xx with users[0].token and users[0].expires_after',
      (a) => isSuccess(a) && validateSchema('login-response', jsonOfAnswer(a)).ok,
    ),
  );
});

test(...verifies('LOGIN-STATUS-200'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  const answer = await target.post(loginPath, undefined, { as: { basic: { user, password: password! } } });
  target.check(answer, statusIs(200));
});

const logoutPath = '/v1/users/logout';
const loggedIn = expectation('2xx with a token', (a) => isSuccess(a) && tokenOf(a) !== undefined);

// Bad logins count against the admin (the client answers 429 past 30 an hour): each is sent once, a run sends at most
// --auth-probes of them (src/harness/loginProbes.ts), and the first 429 ends the probing.

// One bad login, two requirements: in one worker, in this order, the challenge is read off LOGIN-BAD-CREDENTIALS'
// refusal instead of costing another.
test.describe('a wrong password', () => {
  test.describe.configure({ mode: 'default' });

  test(...verifies('LOGIN-BAD-CREDENTIALS'), async ({ target }) => {
    const [wrong] = budgetedProbes(target, 'wrong-password').sent;
    const answer = await sendProbe(target, wrong!);
    if (rateLimited(answer)) return target.observe('the target rate-limits bad logins: the first answered 429');
    target.check(answer, refusedWithoutToken);
  });

  // RFC 9110: a 401 carries a challenge. Judged on the refusal above; sent here only when that test did not run
  // (--grep), in the same budget slot.
  test(...verifies('LOGIN-401-CHALLENGE'), async ({ target }) => {
    const refused =
      target.sessions.refusedLogins.get('wrong-password') ??
      (await sendProbe(target, budgetedProbes(target, 'wrong-password').sent[0]!));
    target.record([refused]);
    if (refused.response?.status !== 401)
      return target.passOver(
        `the wrong password was refused with ${refused.response?.status ?? refused.error}, not 401`,
      );
    target.check(
      refused,
      expectation('a WWW-Authenticate header with a challenge', (a) =>
        /^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+/.test(a.response?.headers['www-authenticate'] ?? ''),
      ),
    );
  });
});

test(...verifies('LOGIN-CREDENTIALS-PERTURBED'), async ({ target }) => {
  const { sent, notSent } = budgetedProbes(target, 'perturbed');
  test.skip(sent.length === 0, `--auth-probes ${target.settings.authProbes} leaves none of these bad logins to send`);
  for (const [i, probe] of sent.entries()) {
    const answer = await sendProbe(target, probe);
    if (rateLimited(answer)) {
      const left = [...sent.slice(i + 1).map((p) => p.name), ...notSent];
      return target.observe(
        `the target rate-limits bad logins: ${probe.name} answered 429; not sent: ${left.join('; ')}`,
      );
    }
    target.check(answer, because(refusedWithoutToken, probe.name));
  }
  target.observe(
    `tried: ${sent.map((p) => p.name).join('; ')}${notSent.length ? `; not sent (--auth-probes ${target.settings.authProbes}): ${notSent.join('; ')}` : ''}`,
  );
});

test(...verifies('LOGIN-USER-NAME-CASE'), async ({ target }) => {
  const { sent, notSent } = budgetedProbes(target, 'user-case');
  test.skip(
    sent.length === 0,
    notSent.length
      ? `--auth-probes ${target.settings.authProbes} leaves no bad login for it`
      : `the admin's user name "${target.settings.admin.user}" has no letter to write in another case`,
  );
  const [probe] = sent;
  const answer = await sendProbe(target, probe!);
  if (rateLimited(answer)) return target.observe(`the target rate-limits bad logins: ${probe!.name} answered 429`);
  target.check(
    answer,
    either(
      because(loggedIn, 'user names compare without regard to case'),
      because(refusedWithoutToken, 'they compare exactly'),
    ),
  );
  target.observe(
    isSuccess(answer)
      ? `user names compare without regard to case: ${probe!.name} logs in`
      : `user names compare exactly: ${probe!.name} is refused`,
  );
});

// A token of its own, logged in for this check and logged out: the sessions the other tests use stay as they are.
test(...verifies('LOGOUT-REVOKES'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  const login = await target.post(loginPath, undefined, { as: { basic: { user, password: password! } } });
  target.require(login, loggedIn, 'LOGIN-TOKEN');
  const token = tokenOf(login)!;
  // A target that issues the same token to two logins (a JWT without jti, within one second) would log out a session
  // of the run (this worker's, or another's) with it. This worker's is opened first if it was not yet: logged in now,
  // it may be given this very token.
  await target.tokenOf('admin');
  test.skip(target.sessions.heldByRun(token), 'the login issued a session token of the run again: not logged out');
  const logout = await target.post(logoutPath, undefined, { as: { bearer: token } });
  if (!isSuccess(logout))
    return target.passOver(`POST ${logoutPath} answered ${logout.response?.status ?? logout.error}`);
  await refusedUnread(target, adminEndpoints[0]!, { bearer: token }, 'a token logged out');
});
