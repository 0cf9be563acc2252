import type { ProviderState } from '../protocol/index.js';
import type { Api, NumberSettings, Numbers, TestNumber } from './numbers.js';

const sendsCode =
  'would make the target send a registration code: allow with "sideEffects": true or --allow-side-effects';

/**
 * The contract's provider states, set through the run's sources right before each interaction. A state the run
 * cannot set (or could only have by a number this run may already have used up) makes its interaction skip.
 */
export function contractStates(numbers: Numbers, api: Api, settings: NumberSettings & { sideEffects: boolean }) {
  const values = (n: TestNumber) => ({
    cc: n.cc,
    phone_number: n.phone_number,
    cert: n.cert,
    ...(n.pin ? { pin: n.pin } : {}),
  });
  return {
    unavailable(state: ProviderState): string | undefined {
      switch (state) {
        case 'registered':
          return numbers.unavailable('registered');
        case 'two-step':
          return settings.sideEffects ? numbers.unavailable('two-step') : sendsCode;
        case 'unregistered':
          return settings.sideEffects ? numbers.unavailable('unregistered') : sendsCode;
        // Its interaction verifies the code: the number is registered, so it must be one the run can put back.
        case 'code-sent':
          return settings.sideEffects ? numbers.unverifiable() : sendsCode;
        case 'moved-away':
          return numbers.cannotSet('moved-away') ?? numbers.unavailable('registered');
      }
    },
    async setup(state: ProviderState): Promise<Record<string, string>> {
      switch (state) {
        case 'registered':
          return values(await numbers.inState(api, 'registered'));
        case 'two-step':
          return values(await numbers.inState(api, 'two-step'));
        case 'unregistered':
          return values(await numbers.inState(api, 'unregistered'));
        case 'moved-away': {
          return values(await numbers.set(await numbers.inState(api, 'registered'), 'moved-away'));
        }
        case 'code-sent': {
          const pending = await numbers.requestCode(api, await numbers.forVerification());
          return { ...values(pending.number), code: await numbers.codeOf(pending) };
        }
      }
    },
    // After each interaction, as the verifier asks: a target whose states depend on order gets them in order.
    teardown: () => numbers.settle(),
  };
}
