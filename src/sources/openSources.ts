import type { RetryLimits, Transport } from '../client/index.js';
import type { CodeSourceConfig } from '../generated/types.js';
import { type NumberState, providerStateNames } from '../protocol/index.js';
import { commandCodeSource } from './commandCode.js';
import { type ControlChannel, controlCodeSource, controlStateSource } from './controlProtocol.js';
import { fixedCodeSource, headerCodeSource, inboxCodeSource } from './declarativeCodes.js';
import { hooksCodeSource, hooksStateSource, loadHooks } from './hooksModule.js';
import { SourceHttp } from './http.js';
import { promptCodeSource } from './promptCode.js';
import { type CodeSource, type NumberParams, numberName, type StateSource, withDeadline } from './source.js';
import { SourceCalls } from './sourceCalls.js';
import { stateChangeUrlSource } from './stateChangeUrl.js';

/** What the run was told about its sources (resolved by the CLI). */
export interface SourceSettings extends Transport {
  /** The target serves /_conformance/*: a state source and a code source. */
  controlProtocol: boolean;
  stateChangeUrl?: string;
  /** Absolute path of the hooks module. */
  hooks?: string;
  codeSource?: CodeSourceConfig;
  /** Per call of a source; a prompt waits longer unless this was set. */
  sourceTimeoutMs?: number;
  /** Where the command's process asks the operator; set only when a terminal is attached. */
  promptUrl?: string;
  /** How long and how often a target (and a source it serves) may ask the suite to wait (client/retryPolicy.ts). */
  retryLimits?: RetryLimits;
}

export interface Sources {
  state?: StateSource;
  code?: CodeSource;
  /** Every call made to them, for the report of the test that made it. */
  calls: SourceCalls;
  close(): Promise<void>;
}

const defaultTimeoutMs = 10_000;
const promptTimeoutMs = 300_000;

/** The configuration snippet that would give a run the missing source: every SKIP for want of one shows it. */
export const enableState =
  'a state source: add "stateChangeUrl": "http://…/provider-states" (a Pact state-change endpoint) or "hooks": "./conformance-hooks.mjs" (stateHandlers) to the configuration file';
export const enableCode =
  'a code source: add "codeSource": {"type": "header", "header": "verify-code"} (or "inbox", "command", "fixed", "prompt"), or "hooks" with sentCode, to the configuration file';

/**
 * A source whose every call has a deadline, whose every failure names it (and the state it was asked for), and
 * whose every call is recorded.
 */
function timedState(source: StateSource, ms: number, calls: SourceCalls): StateSource {
  const what = (action: string, state: NumberState) => `${source.name} (${action} of "${providerStateNames[state]}")`;
  const asked = (action: string, state: NumberState, params: NumberParams) =>
    `${action} "${providerStateNames[state]}" for ${numberName(params)}`;
  return {
    name: source.name,
    supports: (state) => source.supports(state),
    setup: (state, params) =>
      calls.record(
        source.name,
        asked('setup', state, params),
        () => withDeadline(what('setup', state), ms, () => source.setup(state, params)),
        (values) => JSON.stringify(values),
      ),
    teardown: (state, params) =>
      calls.record(
        source.name,
        asked('teardown', state, params),
        () => withDeadline(what('teardown', state), ms, () => source.teardown(state, params)),
        () => 'done',
      ),
  };
}

function timedCode(source: CodeSource, ms: number, calls: SourceCalls): CodeSource {
  return {
    ...source,
    sentCode: (request) =>
      calls.record(
        source.name,
        `code sent by ${request.method} to ${numberName(request)} after ${request.requestedAt}`,
        () => withDeadline(`${source.name} (code for ${numberName(request)})`, ms, () => source.sentCode(request)),
        (code) => code,
      ),
  };
}

/**
 * The state and code sources of a run. A hooks module comes first, then a state-change URL or a declared code
 * source, then the control protocol: what the user configured outranks what the target happens to serve.
 */
export async function openSources(s: SourceSettings, channel: ControlChannel): Promise<Sources> {
  const ms = s.sourceTimeoutMs ?? defaultTimeoutMs;
  const http = new SourceHttp(ms, s, s.retryLimits);
  const hooks = s.hooks ? await loadHooks(s.hooks) : undefined;
  const state =
    (hooks && hooksStateSource(s.hooks!, hooks)) ??
    (s.stateChangeUrl ? stateChangeUrlSource(s.stateChangeUrl, http) : undefined) ??
    (s.controlProtocol ? controlStateSource(channel) : undefined);
  const declared = s.codeSource ? declaredCodeSource(s.codeSource, s, http, ms) : undefined;
  const code =
    declared ??
    (hooks && hooksCodeSource(s.hooks!, hooks)) ??
    (s.controlProtocol ? controlCodeSource(channel) : undefined);
  const codeMs = code?.interactive ? (s.sourceTimeoutMs ?? promptTimeoutMs) : ms;
  return { ...recordedSources({ state, code }, { stateMs: ms, codeMs }), close: () => http.close() };
}

/** The sources as a run calls them: each call with its deadline, named when it fails, and recorded in `calls`. */
export function recordedSources(
  { state, code }: { state?: StateSource; code?: CodeSource },
  { stateMs, codeMs }: { stateMs: number; codeMs: number },
): Omit<Sources, 'close'> {
  const calls = new SourceCalls();
  return { state: state && timedState(state, stateMs, calls), code: code && timedCode(code, codeMs, calls), calls };
}

function declaredCodeSource(
  config: CodeSourceConfig,
  s: SourceSettings,
  http: SourceHttp,
  ms: number,
): CodeSource | undefined {
  switch (config.type) {
    case 'fixed':
      return fixedCodeSource(config);
    case 'header':
      return headerCodeSource(config.header!);
    case 'inbox':
      return inboxCodeSource(config, http, Math.max(ms - 100, 50));
    // Its own deadline a little sooner, so the hang is ended (the whole process group) and named as such.
    case 'command':
      return commandCodeSource(config.argv!, Math.max(ms - 100, 50));
    case 'prompt':
      return s.promptUrl ? promptCodeSource(s.promptUrl, http) : undefined;
  }
}

/** Why a run has no code source, naming what would give it one. */
export function noCodeReason(s: Pick<SourceSettings, 'codeSource' | 'promptUrl'>): string {
  if (s.codeSource?.type === 'prompt' && !s.promptUrl)
    return 'the prompt code source needs a terminal, and none is attached (in CI, use another code source)';
  return `needs ${enableCode}`;
}
