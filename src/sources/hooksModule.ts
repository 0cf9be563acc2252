import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type NumberState, numberStates, providerStateNames } from '../protocol/index.js';
import {
  type CodeRequest,
  type CodeSource,
  codeIn,
  type NumberParams,
  SourceError,
  type StateSource,
} from './source.js';

type Handler = (params: NumberParams) => unknown;
type StateHandler = Handler | { setup?: Handler; teardown?: Handler };

/** What a hooks module exports (or default-exports): Pact JS-shaped stateHandlers, and sentCode. */
export interface HooksModule {
  stateHandlers?: Record<string, StateHandler>;
  sentCode?: (request: CodeRequest) => unknown;
}

/** Loads and checks a hooks module; every problem names the file. */
export async function loadHooks(path: string): Promise<HooksModule> {
  if (!existsSync(path)) throw new SourceError(`hooks module ${path} does not exist`);
  let loaded: HooksModule & { default?: HooksModule };
  try {
    loaded = (await import(pathToFileURL(path).href)) as HooksModule & { default?: HooksModule };
  } catch (error) {
    throw new SourceError(`hooks module ${path} cannot be loaded: ${(error as Error).message}`);
  }
  const hooks: HooksModule = {
    stateHandlers: loaded.stateHandlers ?? loaded.default?.stateHandlers,
    sentCode: loaded.sentCode ?? loaded.default?.sentCode,
  };
  if (!hooks.stateHandlers && !hooks.sentCode)
    throw new SourceError(`hooks module ${path} exports neither stateHandlers nor sentCode`);
  if (hooks.sentCode !== undefined && typeof hooks.sentCode !== 'function')
    throw new SourceError(`hooks module ${path}: sentCode is not a function`);
  const known = Object.values(providerStateNames);
  for (const [state, handler] of Object.entries(hooks.stateHandlers ?? {})) {
    if (!known.includes(state))
      throw new SourceError(
        `hooks module ${path}: no state is named "${state}"; the states are: ${known.map((k) => `"${k}"`).join(', ')}`,
      );
    const ok =
      typeof handler === 'function' ||
      (typeof handler === 'object' &&
        handler !== null &&
        ['setup', 'teardown'].every(
          (k) =>
            (handler as Record<string, unknown>)[k] === undefined ||
            typeof (handler as Record<string, unknown>)[k] === 'function',
        ));
    if (!ok)
      throw new SourceError(`hooks module ${path}: stateHandlers["${state}"] must be a function or {setup, teardown}`);
  }
  return hooks;
}

function part(handler: StateHandler | undefined, action: 'setup' | 'teardown'): Handler | undefined {
  if (typeof handler === 'function') return action === 'setup' ? handler : undefined;
  return handler?.[action];
}

/** The states a hooks module's stateHandlers can set. */
export function hooksStateSource(path: string, hooks: HooksModule): StateSource | undefined {
  const handlers = hooks.stateHandlers;
  if (!handlers || !numberStates.some((s) => part(handlers[providerStateNames[s]], 'setup'))) return undefined;
  const name = `the hooks module ${path}`;
  const handlerOf = (state: NumberState, action: 'setup' | 'teardown') =>
    part(handlers[providerStateNames[state]], action);
  return {
    name,
    supports: (state) => handlerOf(state, 'setup') !== undefined,
    async setup(state, params) {
      const setup = handlerOf(state, 'setup');
      if (!setup) throw new SourceError(`${name} has no setup for "${providerStateNames[state]}"`);
      const values = await setup({ ...params });
      return values !== null && typeof values === 'object' ? (values as Record<string, unknown>) : {};
    },
    async teardown(state, params) {
      await handlerOf(state, 'teardown')?.({ ...params });
    },
  };
}

/** The module's sentCode(request), which returns the code (or {code}). */
export function hooksCodeSource(path: string, hooks: HooksModule): CodeSource | undefined {
  const sentCode = hooks.sentCode;
  if (!sentCode) return undefined;
  const name = `the hooks module ${path} (sentCode)`;
  return {
    name,
    interactive: false,
    covers: 'any',
    async sentCode(request) {
      const value = await sentCode({ ...request });
      const code = typeof value === 'string' && value ? value : codeIn(value);
      if (!code) throw new SourceError(`${name} returned no code for +${request.cc} ${request.phone_number}`);
      return code;
    },
  };
}
