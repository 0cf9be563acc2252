// The arbitraries specs may use.
export { fromSchema } from './fromSchema.js';
export { invalidBody, invalidCategories, type InvalidBody, type InvalidCategory } from './invalidBody.js';
export { invalidRegisterRequest, registerRequest } from './registerRequest.js';
export { verifyRequest } from './verifyRequest.js';
