// The arbitraries specs may use.

export { type DerivedSecret, derivedCodes, derivedPins, writtenAsShown } from './derivedSecrets.js';
export { fromSchema } from './fromSchema.js';
export {
  type InvalidBody,
  type InvalidCategory,
  invalidBody,
  invalidCategories,
  invalidValue,
  missingEach,
} from './invalidBody.js';
export { invalidCertificate, mintedRegistration, registrationNamed, wrongCodes, wrongPin } from './legacyRequests.js';
export {
  documentedPart,
  type GeneratedRequest,
  malformedExamples,
  malformedRequest,
  type RequestCategory,
  requestCategories,
  requestText,
  withUnknownProperties,
} from './malformedRequest.js';
export { invalidRegisterRequest, registerRequest, registrationOf } from './registerRequest.js';
export { awkwardKinds, unicodeText } from './unicodeText.js';
export { realisticNames, verifiedName } from './verifiedName.js';
export { twoStepRequest, verifyRequest } from './verifyRequest.js';
export { warmUpSteps } from './warmUp.js';
