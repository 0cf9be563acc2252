import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultRetryLimits } from '../../../src/client/index.js';
import type { ConformanceConfig } from '../../../src/generated/types.js';
import {
  defaultConcurrency,
  type ResolvedSettings,
  resolveSettings,
  withoutCodes,
} from '../../../src/run/resolveSettings.js';
import { defaultAuthProbes, type RunOptions } from '../../../src/run/runOptions.js';
import { UsageError } from '../../../src/run/usageError.js';

const cert = 'CmEKHQi0AAAA';

test('the numbers.verifyCode notice shows no code, even one whose digits are also in the phone number', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{6,10}$/), fc.integer({ min: 0, max: 3 }), (phone, at) => {
      const code = phone.slice(at, at + 3);
      const resolved = resolveSettings(
        {},
        { numbers: { unregistered: { cc: '81', phone_number: phone, cert, vname: 'x' }, verifyCode: code } },
        {},
      );
      const notice = resolved.notices.find((n) => n.startsWith('numbers.verifyCode'))!;
      assert.ok(notice.includes(`"phone_number":"${phone}"`), notice);
      assert.ok(!notice.includes(`"code":"${code}"`), notice);
      assert.deepEqual(resolved.codeSource, { type: 'fixed', codes: [{ cc: '81', phone_number: phone, code }] });
    }),
  );
});

test('withoutCodes replaces every code of a fixed code source, and nothing else', () => {
  assert.deepEqual(withoutCodes({ type: 'fixed', code: '123456' }), { type: 'fixed', code: '…' });
  assert.deepEqual(withoutCodes({ type: 'fixed', codes: [{ cc: '1', phone_number: '123456', code: '123456' }] }), {
    type: 'fixed',
    codes: [{ cc: '1', phone_number: '123456', code: '…' }],
  });
  assert.deepEqual(withoutCodes({ type: 'header', header: 'verify-code' }), { type: 'header', header: 'verify-code' });
});

test('an inbox URL with a placeholder the suite does not fill in is a usage error naming it and the known ones', () => {
  assert.throws(
    () => resolveSettings({}, { codeSource: { type: 'inbox', url: 'http://127.0.0.1:1/inbox/{phone}' } }, {}),
    (error: Error) =>
      error instanceof UsageError &&
      /placeholder \{phone\}, which the suite does not fill in; it knows \{cc\}, \{phone_number\}/.test(error.message),
  );
  assert.doesNotThrow(() =>
    resolveSettings(
      {},
      { codeSource: { type: 'inbox', url: 'http://127.0.0.1:1/inbox/{cc}/{phone_number}?after={requestedAtMs}' } },
      {},
    ),
  );
});

test('a non-admin account without a password in the file takes it from the environment, and without either is a usage error', () => {
  const config = { auth: { user: { user: 'operator' } } };
  assert.deepEqual(resolveSettings({}, config, { WA_CONFORMANCE_USER_PASSWORD: 'p' }).user, {
    user: 'operator',
    password: 'p',
  });
  assert.throws(() => resolveSettings({}, config, {}), /the non-admin account "operator" needs a password/);
});

test('"fixtures", the old name of "numbers", is read with a one-line notice; both at once is a usage error', () => {
  const known = { unregistered: { cc: '81', phone_number: '9012345678', cert, vname: 'x' } };
  const old = resolveSettings({}, { fixtures: known }, {});
  assert.deepEqual(old.numbers, known);
  assert.deepEqual(old.notices, ['"fixtures" is now "numbers" (the same object: numbers in known states)']);
  const current = resolveSettings({}, { numbers: known }, {});
  assert.deepEqual(current.numbers, known);
  assert.deepEqual(current.notices, []);
  assert.throws(
    () => resolveSettings({}, { numbers: known, fixtures: known }, {}),
    (error: unknown) => error instanceof UsageError && /both "numbers" and "fixtures"/.test(error.message),
  );
});

// Each setting at every level a user can give it: a flag, a variable of the environment, a key of the file.
interface Layered<T> {
  name: string;
  values: fc.Arbitrary<T>;
  flag: (value: T) => RunOptions;
  env?: (value: T) => NodeJS.ProcessEnv;
  config?: (value: T) => ConformanceConfig;
  read: (settings: ResolvedSettings) => unknown;
  /** What the resolved setting is for a value given at some level (a path resolved, seconds in ms). */
  as?: (value: T) => unknown;
  fallback: unknown;
}

const layered = <T>(setting: Layered<T>) => setting as Layered<unknown>;
const count = fc.integer({ min: 1, max: 1000 });
const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
const settingsByLevel: Layered<unknown>[] = [
  layered({
    name: 'target',
    values: fc.integer({ min: 1, max: 65535 }).map((port) => `http://127.0.0.1:${port}`),
    flag: (target) => ({ target }),
    config: (target) => ({ target }),
    read: (s) => s.target,
    fallback: undefined,
  }),
  layered({
    name: 'admin password',
    values: word,
    flag: (password) => ({ password }),
    env: (password) => ({ WA_CONFORMANCE_PASSWORD: password }),
    config: (password) => ({ auth: { admin: { password } } }),
    read: (s) => s.admin.password,
    fallback: undefined,
  }),
  layered({
    name: 'admin token',
    values: word,
    flag: (token) => ({ token }),
    env: (token) => ({ WA_CONFORMANCE_TOKEN: token }),
    config: (token) => ({ auth: { admin: { token } } }),
    read: (s) => s.admin.token,
    fallback: undefined,
  }),
  layered({
    name: 'admin user',
    values: word,
    flag: (user) => ({ user }),
    config: (user) => ({ auth: { admin: { user } } }),
    read: (s) => s.admin.user,
    fallback: 'admin',
  }),
  layered({
    name: 'profile',
    values: fc.constantFrom('sunset', 'legacy' as const),
    flag: (profile) => ({ profile }),
    config: (profile) => ({ profile }),
    read: (s) => s.profile,
    fallback: 'sunset',
  }),
  layered({
    name: 'runs',
    values: count,
    flag: (runs) => ({ runs }),
    config: (runs) => ({ runs }),
    read: (s) => s.runs,
    fallback: 200,
  }),
  layered({
    name: 'concurrency',
    values: count,
    flag: (concurrency) => ({ concurrency }),
    config: (concurrency) => ({ concurrency }),
    read: (s) => s.concurrency,
    fallback: defaultConcurrency,
  }),
  layered({
    name: 'workers',
    values: count,
    flag: (workers) => ({ workers }),
    config: (workers) => ({ workers }),
    read: (s) => s.workers,
    // Neither says: the preflight chooses them by the target's round trip (targetDistance.ts).
    fallback: undefined,
  }),
  layered({
    name: 'timeout',
    values: count,
    flag: (timeout) => ({ timeout }),
    config: (timeout) => ({ timeout }),
    read: (s) => s.timeoutMs,
    fallback: 10_000,
  }),
  layered({
    name: 'max wait',
    values: count,
    flag: (maxWait) => ({ maxWait }),
    config: (maxWait) => ({ maxWait }),
    read: (s) => s.retryLimits?.maxWaitMs,
    as: (seconds) => (seconds as number) * 1000,
    fallback: defaultRetryLimits.maxWaitMs,
  }),
  layered({
    name: 'retries',
    values: fc.integer({ min: 0, max: 20 }),
    flag: (retries) => ({ retries }),
    config: (retries) => ({ retries }),
    read: (s) => s.retryLimits?.maxRetries,
    fallback: defaultRetryLimits.maxRetries,
  }),
  layered({
    name: 'auth probes',
    values: fc.integer({ min: 0, max: 100 }),
    flag: (authProbes) => ({ authProbes }),
    config: (authProbes) => ({ authProbes }),
    read: (s) => s.authProbes,
    fallback: defaultAuthProbes,
  }),
  layered({
    name: 'side effects',
    values: fc.boolean(),
    flag: (allowSideEffects) => ({ allowSideEffects }),
    config: (sideEffects) => ({ sideEffects }),
    read: (s) => s.sideEffects,
    fallback: false,
  }),
  layered({
    name: 'report directory',
    values: word,
    flag: (reportDir) => ({ reportDir }),
    config: (reportDir) => ({ reportDir }),
    read: (s) => s.reportDir,
    as: (dir) => resolve(dir as string),
    fallback: resolve('conformance-report'),
  }),
];

/** Objects merged key by key, as the layers of one configuration file are. */
function merged<T extends object>(parts: T[]): T {
  const into: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const before = into[key];
      into[key] =
        before && typeof before === 'object' && typeof value === 'object' ? merged([before as object, value]) : value;
    }
  }
  return into as T;
}

test('for every setting, a flag wins over the environment, which wins over the file, which wins over the default', () => {
  const given = (setting: Layered<unknown>) =>
    fc.record({
      flag: fc.option(setting.values, { nil: undefined }),
      env: setting.env ? fc.option(setting.values, { nil: undefined }) : fc.constant(undefined),
      config: setting.config ? fc.option(setting.values, { nil: undefined }) : fc.constant(undefined),
    });
  fc.assert(
    fc.property(fc.tuple(...settingsByLevel.map(given)), (levels) => {
      const part = <K extends 'flag' | 'env' | 'config'>(level: K) =>
        settingsByLevel.flatMap((setting, i) => {
          const value = levels[i]![level];
          const make = setting[level];
          return value === undefined || !make ? [] : [(make as (v: unknown) => object)(value)];
        });
      const flags = merged<RunOptions>(part('flag'));
      const env = merged(part('env')) as NodeJS.ProcessEnv;
      const config = merged<ConformanceConfig>(part('config'));
      let resolved: ResolvedSettings;
      try {
        resolved = resolveSettings(flags, config, env);
      } catch (error) {
        // A target without any credentials is the one usage error these can make.
        assert.match((error as Error).message, /^no admin credentials for /);
        return;
      }
      settingsByLevel.forEach((setting, i) => {
        const { flag, env: fromEnv, config: fromFile } = levels[i]!;
        const winner = flag ?? fromEnv ?? fromFile;
        const expected = winner === undefined ? setting.fallback : (setting.as ?? ((v) => v))(winner);
        assert.deepEqual(setting.read(resolved), expected, `${setting.name}: ${JSON.stringify(levels[i])}`);
      });
    }),
  );
});
