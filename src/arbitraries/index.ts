// The arbitraries specs may use.
export { fromSchema } from './fromSchema.js';
export { invalidBody, invalidCategories, invalidValue, missingEach, type InvalidBody, type InvalidCategory } from './invalidBody.js';
export { invalidCertificate, mintedRegistration, wrongCodes, wrongPin, type PhoneNumber } from './legacyRequests.js';
export {
  documentedPart, malformedExamples, malformedRequest, requestCategories, requestText, withUnknownProperties,
  type GeneratedRequest, type RequestCategory,
} from './malformedRequest.js';
export { invalidRegisterRequest, registerRequest, registrationOf } from './registerRequest.js';
export { awkwardKinds, unicodeText } from './unicodeText.js';
export { verifiedName } from './verifiedName.js';
export { verifyRequest } from './verifyRequest.js';
