// The arbitraries specs may use.
export { fromSchema } from './fromSchema.js';
export { invalidBody, invalidCategories, invalidValue, missingEach, type InvalidBody, type InvalidCategory } from './invalidBody.js';
export { invalidCertificate, mintedRegistration, wrongCode, wrongPin, type PhoneNumber } from './legacyRequests.js';
export { invalidRegisterRequest, registerRequest } from './registerRequest.js';
export { verifiedName } from './verifiedName.js';
export { verifyRequest } from './verifyRequest.js';
