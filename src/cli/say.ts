// What a command prints on stderr, beside its result: one line each, prefixed with the tool's name.
import { settingsOf } from '../run/configFile.js';
import type { ResolvedSettings } from '../run/resolveSettings.js';
import type { RunOptions } from '../run/runOptions.js';

export const say = (line: string) => console.error(`wa-account-conformance: ${line}`);

/** The settings of a command, its renamed configuration keys announced once each. */
export function announcedSettings(flags: RunOptions): ResolvedSettings {
  const resolved = settingsOf(flags);
  for (const notice of resolved.notices) say(`notice: ${notice}`);
  return resolved;
}
