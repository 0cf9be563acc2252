import type { ProviderState } from '../protocol/index.js';
import { enableState, noCodeReason } from './openSources.js';
import type { Api, NumberSettings, Numbers, TestNumber } from './numbers.js';

const sendsCode = 'would make the target send a registration code: allow with "sideEffects": true or --allow-side-effects';

/**
 * The contract's provider states, set through the run's sources right before each interaction. A state the run
 * cannot set (or could only have by a number this run may already have used up) makes its interaction skip.
 */
export function contractStates(numbers: Numbers, api: Api, settings: NumberSettings & { sideEffects: boolean }) {
  // fixtures.unregistered is registered by the run's own /verify: only a fresh number or a state source is sure.
  const unregistered = (): string | undefined => settings.mintedCertificates || (settings.fixtures.unregistered && numbers.stateSource?.supports('unregistered')) ? undefined
    : `fixtures.unregistered may have been registered by this run's own /verify; needs a target that takes minted certificates, or ${enableState}`;
  const values = (n: TestNumber) => ({ cc: n.cc, phone_number: n.phone_number, cert: n.cert, ...(n.pin ? { pin: n.pin } : {}) });
  return {
    unavailable(state: ProviderState): string | undefined {
      switch (state) {
        case 'registered': return numbers.unavailable('registered');
        case 'two-step': return settings.sideEffects ? numbers.unavailable('two-step') : sendsCode;
        case 'unregistered': return settings.sideEffects ? unregistered() : sendsCode;
        case 'code-sent': return !settings.sideEffects ? sendsCode : unregistered() ?? (numbers.codeSource ? undefined : noCodeReason(settings));
        case 'moved-away': return numbers.stateSource?.supports('moved-away') ? undefined : `needs ${enableState}`;
      }
    },
    async setup(state: ProviderState): Promise<Record<string, string>> {
      switch (state) {
        case 'registered': return values(await numbers.inState(api, 'registered'));
        case 'two-step': return values(await numbers.inState(api, 'two-step'));
        case 'unregistered': return values(await numbers.inState(api, 'unregistered'));
        case 'moved-away': {
          const number = await numbers.inState(api, 'registered');
          await numbers.stateSource!.setup('moved-away', values(number));
          return values(number);
        }
        case 'code-sent': {
          const pending = await numbers.requestCode(api, await numbers.inState(api, 'unregistered'));
          return { ...values(pending.number), code: await numbers.codeOf(pending) };
        }
      }
    },
  };
}
