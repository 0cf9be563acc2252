import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { SourceKind } from '../../src/protocol/index.js';
import {
  type ApiRequest,
  type ApiResponse,
  createReference,
  type Emulator,
  emulatorConfig,
  emulatorUrlVariable,
  type Handler,
  type ReferenceOptions,
  startEmulator,
} from '../../src/reference/index.js';
import type { Profile } from '../../src/requirements/index.js';

export interface ServedTarget {
  emulator: Emulator;
  /** CLI arguments: --config with target, profile, fixtures and user names; passwords go by environment. */
  args: string[];
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The reference (or a mutant of it) as an emulator on loopback, with the CLI arguments that check it; `sources`
 * says how the suite reaches its state and codes (the control protocol, or with it off, another source).
 */
export async function serveTarget(
  profile: Profile,
  build: (options: ReferenceOptions) => Handler = createReference,
  sources: SourceKind = 'control',
): Promise<ServedTarget> {
  const emulator = await startEmulator({ profile, build, sources });
  const config = emulatorConfig(emulator);
  const file = join(mkdtempSync(join(tmpdir(), 'wa-config-')), 'conformance.json');
  writeFileSync(
    file,
    JSON.stringify({ ...config, auth: { admin: { user: emulator.admin.user }, user: config.auth!.user } }),
  );
  return {
    emulator,
    args: ['--config', file],
    env: { WA_CONFORMANCE_PASSWORD: emulator.admin.password, [emulatorUrlVariable]: emulator.server.url },
    close: () => emulator.server.close(),
  };
}

/** The bearer tokens a recorded server issued. */
export function issuedTokens(seen: { response: ApiResponse }[]): string[] {
  return seen.flatMap(
    (s) => (s.response.body as { users?: { token: string }[] } | undefined)?.users?.map((u) => u.token) ?? [],
  );
}

/** The reference, correct but `ms` late with every answer. */
export function slowReference(ms: number): (options: ReferenceOptions) => Handler {
  return (options) => {
    const reference = createReference(options);
    return async (request) => {
      await delay(ms);
      return reference(request);
    };
  };
}

/** A pass-through wrapper that keeps every request and answer the server saw. */
export function recorder(): {
  wrap: (handler: Handler) => Handler;
  seen: { request: ApiRequest; response: ApiResponse }[];
} {
  const seen: { request: ApiRequest; response: ApiResponse }[] = [];
  return {
    seen,
    wrap: (handler) => async (request) => {
      const response = await handler(request);
      seen.push({ request, response });
      return response;
    },
  };
}
