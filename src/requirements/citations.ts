// The English pages the seed page and the facts file cite.
export const accountPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/account';
export const loginPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/users/login';
export const errorsPage = 'https://developers.facebook.com/docs/whatsapp/on-premises/errors';
export const httpSemantics = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1';
export const twoStepPage = 'https://developers.facebook.com/docs/whatsapp/on-premises/reference/settings/two-step-verification';
export const postmanVerify = 'https://developers.qodex.ai/whatsapp-business-platform/whatsapp-on-premises-api-deprecated/api-reference-registration-2/register-account';
