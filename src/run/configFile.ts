import type { ConformanceConfig } from '../generated/types.js';
import { readJsonFile } from './jsonFile.js';
import { type ResolvedSettings, resolveSettings } from './resolveSettings.js';
import type { RunOptions } from './runOptions.js';

/** The configuration file, checked against schemas/conformance-config.schema.json. */
export function readConfigFile(path: string): ConformanceConfig {
  return readJsonFile<ConformanceConfig>(path, 'conformance-config', 'config file');
}

/** The configuration file the flags name, and the flags over it; the renamed keys it uses are in `notices`. */
export function settingsOf(flags: RunOptions, env: NodeJS.ProcessEnv = process.env): ResolvedSettings {
  const config: ConformanceConfig = flags.config ? readConfigFile(flags.config) : {};
  return resolveSettings(flags, config, env, flags.config);
}
