// What the CLI, the tests and the mutants use of the reference.
export { describeEmulator, emulatorConfig, emulatorUrlVariable, sourceKinds, startEmulator, type Emulator, type EmulatorOptions, type SourceKind } from './emulator.js';
export { Accounts } from './accounts.js';
export type { ApiRequest, ApiResponse, Handler } from './exchange.js';
export { createReference, type ReferenceOptions } from './reference.js';
export { numberKey, Registrations, type PhoneNumber } from './registrations.js';
export { serveHandler, type RunningServer, type ServingOptions } from './server.js';
