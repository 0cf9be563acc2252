import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Accounts, type ApiResponse, createReference, type ReferenceOptions } from '../src/reference/index.js';
import { errorsIn, type Mutant, objectBody, rewriteAnswers, wrapping } from './mutant.js';

// Faults of the admin-only endpoints (issue 23): each checks credentials the way a hurried implementation does.

const unchecked = 'unchecked-by-this-endpoint';

// The marked token is the admin's: the wrapper marks every request to the endpoints that check no token.
class MarkedTokenTrusted extends Accounts {
  override session(token: string) {
    return token === unchecked
      ? { user: 'admin', role: 'admin' as const, expiresAt: new Date(Date.now() + 60_000) }
      : super.session(token);
  }
}

/** The reference, except that these endpoints treat any caller, with any token or none, as the admin. */
function tokenUncheckedOn(...paths: string[]): (options: ReferenceOptions) => ReturnType<typeof createReference> {
  return (options) => {
    const reference = createReference({ ...options, accounts: new MarkedTokenTrusted(options) });
    return (request) =>
      reference(
        paths.includes(request.path)
          ? { ...request, headers: { ...request.headers, authorization: `Bearer ${unchecked}` } }
          : request,
      );
  };
}

export const verifyTokenUnchecked: Mutant = {
  id: 'verify-token-never-checked',
  description: '/v1/account/verify checks no token: a caller without one gets the validation errors the admin would',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-REQUIRED'],
  build: tokenUncheckedOn('/v1/account/verify'),
};

export const twoStepTokenUnchecked: Mutant = {
  id: 'two-step-token-never-checked',
  description: 'the two-step settings check no token: anyone can set or clear the PIN',
  profile: 'legacy',
  catches: ['AUTH-TOKEN-REQUIRED'],
  build: tokenUncheckedOn('/v1/settings/account/two-step'),
};

// A login that checks the password, but not whose it is: the admin's password opens the admin's account under any name.
class AnyNameWithTheAdminsPassword extends Accounts {
  constructor(private readonly options: ReferenceOptions) {
    super(options);
  }
  override login(user: string, password: string, newPassword?: string) {
    const admin = this.options.admin.user;
    return super.login(password === this.passwordOf(admin) ? admin : user, password, newPassword);
  }
}

export const loginIgnoresUserName: Mutant = {
  id: 'login-ignores-user-name',
  description: "a login with any user name and the admin's password gets the admin's token",
  profile: 'sunset',
  catches: ['LOGIN-CREDENTIALS-PERTURBED'],
  build: (options) => createReference({ ...options, accounts: new AnyNameWithTheAdminsPassword(options) }),
};

// An empty password reads as "none given", which the check then skips.
class EmptyPasswordSkipsTheCheck extends Accounts {
  override login(user: string, password: string, newPassword?: string) {
    return super.login(user, password === '' ? (this.passwordOf(user) ?? '') : password, newPassword);
  }
}

export const loginAcceptsEmptyPassword: Mutant = {
  id: 'login-accepts-empty-password',
  description: "a login with the admin's name and an empty password gets a token",
  profile: 'legacy',
  catches: ['LOGIN-CREDENTIALS-PERTURBED'],
  build: (options) => createReference({ ...options, accounts: new EmptyPasswordSkipsTheCheck(options) }),
};

type Session = NonNullable<ReturnType<Accounts['session']>>;

// Tokens kept as issued, so that a subclass can look them up its own way.
class IssuedTokens extends Accounts {
  protected readonly issued = new Map<string, Session>();
  override login(user: string, password: string, newPassword?: string) {
    const result = super.login(user, password, newPassword);
    if (result.ok) this.issued.set(result.token, result.session);
    return result;
  }
}

// A comparison that stops early: the first 8 characters decide.
class PrefixCompared extends IssuedTokens {
  override session(token: string) {
    const found = [...this.issued].find(([issued]) => issued.slice(0, 8) === token.slice(0, 8));
    return found && found[1].expiresAt > new Date() ? found[1] : undefined;
  }
}

export const tokenPrefixCompared: Mutant = {
  id: 'token-prefix-compared',
  description: 'a bearer token is compared on its first 8 characters only',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-DERIVED'],
  build: (options) => createReference({ ...options, accounts: new PrefixCompared(options) }),
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Signed JWTs (HS256) as tokens: the signature and `exp` checked, as a JWT library's verify() does; a token logged
 * out is kept on a deny list until it expires.
 */
class JwtTokens extends Accounts {
  private readonly key = randomBytes(32);
  private readonly revoked = new Set<string>();
  override logout(token: string): boolean {
    const known = this.session(token) !== undefined;
    if (known) this.revoked.add(token);
    return known;
  }
  override login(user: string, password: string, newPassword?: string) {
    const result = super.login(user, password, newPassword);
    if (!result.ok) return result;
    const { role, expiresAt } = result.session;
    // jti: two logins in one second get two tokens, as with any JWT library that sets one.
    const claims = {
      sub: user,
      role,
      exp: Math.floor(expiresAt.getTime() / 1000),
      jti: randomBytes(8).toString('hex'),
    };
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
    return { ...result, token: `${unsigned}.${this.sign(unsigned)}` };
  }
  override session(token: string) {
    if (this.revoked.has(token)) return undefined;
    const [header, payload, signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return this.claims(payload ?? '');
  }
  protected claims(payload: string): Session | undefined {
    try {
      const { sub, role, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        sub: string;
        role: 'admin' | 'user';
        exp: number;
      };
      return exp * 1000 > Date.now() ? { user: sub, role, expiresAt: new Date(exp * 1000) } : undefined;
    } catch {
      return undefined;
    }
  }
  private sign(unsigned: string): string {
    return createHmac('sha256', this.key).update(unsigned).digest('base64url');
  }
}

// jwt.decode() where jwt.verify() belongs: any header, any signature, the payload believed.
class JwtDecodedOnly extends JwtTokens {
  override session(token: string) {
    return this.claims(token.split('.')[1] ?? '');
  }
}

export const jwtNotVerified: Mutant = {
  id: 'jwt-signature-not-verified',
  description: 'tokens are JWTs whose payload is read without verifying the signature ("alg": "none" included)',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-DERIVED'],
  build: (options) => createReference({ ...options, accounts: new JwtDecodedOnly(options) }),
};

export const pinEchoed: Mutant = {
  id: 'pin-echoed',
  description: "a refused registration quotes the request's pin in its error details",
  profile: 'sunset',
  catches: ['RESPONSE-NO-SECRET-ECHO'],
  build: rewriteAnswers('/v1/account', (response, request) => {
    const pin = objectBody(request)?.pin;
    if (typeof pin !== 'string') return response;
    // New objects: the reference may answer with a shared one (the blocked error).
    const errors = errorsIn(response).map((error) => ({
      ...error,
      details: `${error.details ?? error.title} (pin ${pin})`,
    }));
    return errors.length ? { ...response, body: { ...(response.body as object), errors } } : response;
  }),
};

// A logout that answers 200 and deletes nothing.
class LogoutForgets extends Accounts {
  override logout(): boolean {
    return true;
  }
}

export const logoutKeepsToken: Mutant = {
  id: 'logout-keeps-token',
  description: 'POST /v1/users/logout answers 200, and the token still works',
  profile: 'legacy',
  catches: ['LOGOUT-REVOKES'],
  build: (options) => createReference({ ...options, accounts: new LogoutForgets(options) }),
};

export const loginChallengeMissing: Mutant = {
  id: 'login-401-without-challenge',
  description: 'a login refused with 401 carries no WWW-Authenticate header',
  profile: 'sunset',
  catches: ['LOGIN-401-CHALLENGE'],
  build: rewriteAnswers('/v1/users/login', (response) => {
    if (response.status !== 401) return response;
    const { 'www-authenticate': _, ...headers } = response.headers ?? {};
    return { ...response, headers };
  }),
};

export const authMutants: readonly Mutant[] = [
  verifyTokenUnchecked,
  twoStepTokenUnchecked,
  loginIgnoresUserName,
  loginAcceptsEmptyPassword,
  tokenPrefixCompared,
  jwtNotVerified,
  pinEchoed,
  logoutKeepsToken,
  loginChallengeMissing,
];

// Correct choices the documentation leaves open.

// User names compared without regard to case: ADMIN logs in as admin.
class CaseInsensitiveUserNames extends Accounts {
  private readonly names: string[];
  constructor(options: ReferenceOptions) {
    super(options);
    this.names = [options.admin.user, ...(options.users ?? []).map((u) => u.user)];
  }
  override login(user: string, password: string, newPassword?: string) {
    const name = this.names.find((n) => n.toLowerCase() === user.toLowerCase()) ?? user;
    return super.login(name, password, newPassword);
  }
}

export const variantCaseInsensitiveUsers: Mutant = {
  id: 'variant-case-insensitive-user-names',
  description: 'compares user names without regard to case: ADMIN with the right password logs in',
  profile: 'sunset',
  catches: [],
  build: (options) => createReference({ ...options, accounts: new CaseInsensitiveUserNames(options) }),
};

/** The webapp's limit: past this many failed logins an hour (from one address; on loopback, all), 429 with 1015. */
export const failedLoginsPerHour = 30;

/** The reference, answering logins 429 with 1015 once `limit` have failed in the last hour. */
export function loginRateLimited(
  limit = failedLoginsPerHour,
): (options: ReferenceOptions) => ReturnType<typeof createReference> {
  return wrapping((reference) => {
    const failures: number[] = [];
    return async (request): Promise<ApiResponse> => {
      if (request.path !== '/v1/users/login') return reference(request);
      const hourAgo = Date.now() - 3_600_000;
      while (failures.length && failures[0]! < hourAgo) failures.shift();
      if (failures.length >= limit)
        return {
          status: 429,
          headers: { 'retry-after': '3600' },
          body: { errors: [{ code: 1015, title: 'Too many requests', details: 'Too many failed login attempts' }] },
        };
      const response = await reference(request);
      if (response.status === 401) failures.push(Date.now());
      return response;
    };
  });
}

export const variantLoginRateLimited: Mutant = {
  id: 'variant-login-rate-limited',
  description: `answers logins 429 with 1015 past ${failedLoginsPerHour} failed ones an hour, as the webapp does`,
  profile: 'legacy',
  catches: [],
  build: loginRateLimited(),
};

export const variantSignedJwts: Mutant = {
  id: 'variant-signed-jwt-tokens',
  description: 'issues HS256-signed JWTs and verifies their signature and exp',
  profile: 'legacy',
  catches: [],
  build: (options) => createReference({ ...options, accounts: new JwtTokens(options) }),
};

// Opaque tokens in hex, read as the bytes they stand for: ABCD… is the same token as abcd….
class HexTokens extends IssuedTokens {
  override login(user: string, password: string, newPassword?: string) {
    const result = super.login(user, password, newPassword);
    if (!result.ok) return result;
    const token = randomBytes(32).toString('hex');
    this.issued.set(token, result.session);
    return { ...result, token };
  }
  override logout(token: string): boolean {
    return this.issued.delete(token.toLowerCase());
  }
  override session(token: string) {
    const session = this.issued.get(token.toLowerCase());
    return session && session.expiresAt > new Date() ? session : undefined;
  }
}

export const variantHexTokens: Mutant = {
  id: 'variant-opaque-hex-tokens',
  description: 'issues random opaque tokens in hex and reads them without regard to case',
  profile: 'sunset',
  catches: [],
  build: (options) => createReference({ ...options, accounts: new HexTokens(options) }),
};

export const authVariants: readonly Mutant[] = [
  variantCaseInsensitiveUsers,
  variantLoginRateLimited,
  variantSignedJwts,
  variantHexTokens,
];
