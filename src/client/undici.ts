// undici's index loads all of undici (fetch, WebSocket, cookies, caches, mocks, and Node's own copy through them):
// importing src/client took 123–137 ms with it, 58–63 ms without (six alternating runs), in every process. The suite needs its dispatchers, and the
// request API they share, so it loads those as the index does. undici is pinned (package.json).
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
// As the index does: request, and the CONNECT a proxy tunnel opens, are methods every dispatcher gets from here.
Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js'));

export const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
export const EnvHttpProxyAgent =
  require('undici/lib/dispatcher/env-http-proxy-agent.js') as typeof Undici.EnvHttpProxyAgent;
export type { Dispatcher } from 'undici';

/** A URL as undici's dispatchers take it: its origin, and its path with the query. */
export function dispatchTarget(url: URL): { origin: string; path: string } {
  return { origin: url.origin, path: url.pathname + url.search };
}
