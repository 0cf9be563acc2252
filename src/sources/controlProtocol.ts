import { type Exchange, jsonOf } from '../client/index.js';
import { controlPaths, type NumberState } from '../protocol/index.js';
import {
  type CodeRequest,
  type CodeSource,
  codeIn,
  type NumberParams,
  SourceError,
  type StateSource,
} from './source.js';

/** How the control protocol reaches the target: the suite's own client, as the admin. */
export type ControlChannel = (method: string, path: string, body?: unknown) => Promise<Exchange>;

const name = 'the control protocol (/_conformance/*)';

async function call(channel: ControlChannel, method: string, path: string, body?: unknown): Promise<unknown> {
  const exchange = await channel(method, path, body);
  const status = exchange.response?.status;
  if (status === undefined || status >= 300)
    throw new SourceError(`${name}: ${method} ${path.split('?')[0]} answered ${status ?? exchange.error}`);
  return jsonOf(exchange);
}

/** Our reference's way in, one adapter among the others: states by POST /_conformance/state. */
export function controlStateSource(channel: ControlChannel): StateSource {
  return {
    name,
    supports: () => true,
    async setup(state: NumberState, params: NumberParams) {
      await call(channel, 'POST', controlPaths.state, { state, params });
      return {};
    },
    async teardown() {},
  };
}

/** The code last sent to the number, by GET /_conformance/code?cc=…&phone_number=…. */
export function controlCodeSource(channel: ControlChannel): CodeSource {
  return {
    name,
    interactive: false,
    covers: 'any',
    async sentCode({ cc, phone_number }: CodeRequest) {
      const body = await call(channel, 'GET', `${controlPaths.code}?${new URLSearchParams({ cc, phone_number })}`);
      const code = codeIn(body);
      if (!code) throw new SourceError(`${name}: GET ${controlPaths.code} gave no code for +${cc} ${phone_number}`);
      return code;
    },
  };
}
