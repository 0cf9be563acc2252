import { Accounts, createReference } from '../src/reference/index.js';
import { type Mutant, rewriteAnswers } from './mutant.js';

export const loginWithoutExpiry: Mutant = {
  id: 'login-without-expires-after',
  description: 'a login returns the token but not its expires_after',
  profile: 'sunset',
  catches: ['LOGIN-TOKEN'],
  build: rewriteAnswers('/v1/users/login', (response) => {
    for (const user of (response.body as { users?: { expires_after?: string }[] } | undefined)?.users ?? [])
      delete user.expires_after;
    return response;
  }),
};

// A state fault: the password is never compared.
class TrustingAccounts extends Accounts {
  override login(user: string, _password: string, newPassword?: string) {
    return super.login(user, this.passwordOf(user) ?? '', newPassword);
  }
}

export const loginIgnoresPassword: Mutant = {
  id: 'login-ignores-password',
  description: 'a login with a wrong password still gets a token',
  profile: 'sunset',
  catches: ['LOGIN-BAD-CREDENTIALS'],
  build: (options) => createReference({ ...options, accounts: new TrustingAccounts(options) }),
};
