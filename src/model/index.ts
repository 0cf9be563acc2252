// The model of the documented registration flow, for stateful properties.
export {
  expectedTransitions,
  ModelCoverage,
  type ModelCoverageRecord,
  type Transition,
  transitions,
} from './modelCoverage.js';
export { chosenSequences, registrationCommands, runModel } from './registrationCommands.js';
export {
  newModel,
  newSystem,
  poolSize,
  type RegistrationModel,
  type RegistrationSystem,
  verificationOf,
} from './registrationModel.js';
