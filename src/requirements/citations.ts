// The English pages the seed page and the facts file cite.
export const accountPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/account';
export const loginPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/users/login';
export const errorsPage = 'https://developers.facebook.com/docs/whatsapp/on-premises/errors';
export const httpSemantics = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1';
