import { type NumberState, providerStateNames } from '../protocol/index.js';
import type { SourceHttp } from './http.js';
import { type NumberParams, SourceError, type StateSource } from './source.js';

/**
 * A Pact provider-state change URL: POST {state, params, action: "setup"|"teardown"} as the Pact verifier sends
 * it, with the state names of our pacts; a JSON object in the answer supplies injected values.
 */
export function stateChangeUrlSource(url: string, http: SourceHttp): StateSource {
  const name = `the state-change URL ${url}`;
  const post = async (state: NumberState, params: NumberParams, action: 'setup' | 'teardown') => {
    const answer = await http.send('POST', url, { state: providerStateNames[state], params, action });
    if (answer.status >= 300)
      throw new SourceError(`${name}: ${action} of "${providerStateNames[state]}" answered ${answer.status}`);
    return answer.body !== null && typeof answer.body === 'object' && !Array.isArray(answer.body)
      ? (answer.body as Record<string, unknown>)
      : {};
  };
  return {
    name,
    supports: () => true,
    setup: (state, params) => post(state, params, 'setup'),
    teardown: async (state, params) => void (await post(state, params, 'teardown')),
  };
}
