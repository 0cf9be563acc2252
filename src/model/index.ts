// The model of the documented registration flow, for stateful properties.
export { registrationCommands, runModel } from './registrationCommands.js';
export {
  newModel,
  newSystem,
  poolSize,
  type RegistrationModel,
  type RegistrationSystem,
  verificationOf,
} from './registrationModel.js';
