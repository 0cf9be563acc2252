import type { ConformanceConfig } from '../generated/types.js';
import { readJsonFile } from './jsonFile.js';

/** The configuration file, checked against schemas/conformance-config.schema.json. */
export function readConfigFile(path: string): ConformanceConfig {
  return readJsonFile<ConformanceConfig>(path, 'conformance-config', 'config file');
}
