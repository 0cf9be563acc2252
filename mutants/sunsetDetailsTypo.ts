import { firstError, rewriteAnswers, type Mutant } from './mutant.js';

export const sunsetDetailsTypo: Mutant = {
  id: 'sunset-details-typo',
  description: 'the blocked error\'s details string has one character changed (blocked → block3d)',
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) => {
    const error = firstError(response);
    if (error?.details === 'Unknown error: biz_link_on_prem_reg_blocked') error.details = 'Unknown error: biz_link_on_prem_reg_block3d';
    return response;
  }),
};
