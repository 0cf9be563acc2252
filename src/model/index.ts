// The model of the documented registration flow, for stateful properties.
export { registrationCommands, runModel } from './registrationCommands.js';
export { newModel, newSystem, poolSize, verificationOf, type RegistrationModel, type RegistrationSystem } from './registrationModel.js';
