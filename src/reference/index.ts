// What the CLI, the tests and the mutants use of the reference.

export { Accounts } from './accounts.js';
export {
  describeEmulator,
  type Emulator,
  type EmulatorOptions,
  emulatorConfig,
  emulatorUrlVariable,
  startEmulator,
} from './emulator.js';
export type { ApiRequest, ApiResponse, Handler } from './exchange.js';
export { createReference, type ReferenceOptions } from './reference.js';
export { numberKey, Registrations } from './registrations.js';
export { type RunningServer, type ServingOptions, serveHandler } from './server.js';
