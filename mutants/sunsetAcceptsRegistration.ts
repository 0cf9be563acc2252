import { firstError, rewriteAnswers, type Mutant } from './mutant.js';

export const sunsetAcceptsRegistration: Mutant = {
  id: 'sunset-accepts-registration',
  description: 'answers a blocked registration with 202 Accepted and a vname, as before the sunset',
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-NEVER-REGISTERS', 'ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) =>
    firstError(response)?.details === 'Unknown error: biz_link_on_prem_reg_blocked'
      ? { status: 202, body: { account: [{ vname: 'Acme' }], meta: { version: 'v2.45.1', api_status: 'stable' } } }
      : response),
};
