// The English pages the seed page and the facts file cite.
export const accountPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/account';
export const loginPage = 'https://developers.secure.facebook.com/docs/whatsapp/on-premises/reference/users/login';
export const errorsPage = 'https://developers.facebook.com/docs/whatsapp/on-premises/errors';
export const httpSemantics = 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1';
export const authenticateChallenge = 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1';
export const twoStepPage =
  'https://developers.facebook.com/docs/whatsapp/on-premises/reference/settings/two-step-verification';
export const postmanVerify =
  'https://developers.qodex.ai/whatsapp-business-platform/whatsapp-on-premises-api-deprecated/api-reference-registration-2/register-account';

// The seed page's section headings in English, for readers who do not read Japanese (or whose machine has no CJK
// font): shown beside the Japanese, which stays the citation.
const englishSections: Record<string, string> = {
  アカウント: 'Account',
  リクエスト: 'Request',
  パラメーター: 'Parameters',
  エッジ: 'Edges (/verify)',
  エラーおよびステータスメッセージ: 'Errors and status messages',
  制約: 'Constraints',
  開始する前に: 'Before you start',
  '2段階認証PINの変更': 'Changing the two-step verification PIN',
};

/** `パラメーター (Parameters)`: a cited section with its English name, or the section as it is when it is English. */
export function sectionHeading(section: string): string {
  const english = englishSections[section];
  // English first: a browser without CJK fonts still shows what the section is.
  return english ? `${english} (${section})` : section;
}
