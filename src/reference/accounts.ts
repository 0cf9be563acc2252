import { randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'admin' | 'user';

export interface AccountOptions {
  admin: { user: string; password: string };
  users?: { user: string; password: string }[];
  /** The admin still has the factory password: the first login must set a new one. */
  adminMustChangePassword?: boolean;
}

export interface Session {
  user: string;
  role: Role;
  expiresAt: Date;
}

export type LoginResult =
  | { ok: true; token: string; session: Session }
  | { ok: false; reason: 'bad-credentials' | 'password-change-required' }
  | { ok: false; reason: 'weak-password'; rules: string };

const tokenLifetimeMs = 7 * 24 * 3600 * 1000;

export const passwordRules =
  '8 to 64 characters, with at least one digit, one upper-case letter, one lower-case letter and one special character';

/** The documented password rules (Users: login). */
export function isStrongPassword(password: string): boolean {
  return (
    password.length >= 8 &&
    password.length <= 64 &&
    /[0-9]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/.test(password)
  );
}

/** The client's users and the bearer tokens issued to them. */
export class Accounts {
  private readonly accounts = new Map<string, { password: string; role: Role; mustChange: boolean }>();
  private readonly sessions = new Map<string, Session>();

  constructor(options: AccountOptions) {
    this.accounts.set(options.admin.user, {
      password: options.admin.password,
      role: 'admin',
      mustChange: !!options.adminMustChangePassword,
    });
    for (const u of options.users ?? [])
      this.accounts.set(u.user, { password: u.password, role: 'user', mustChange: false });
  }

  /** A token for these credentials, setting `newPassword` first when one is given. */
  login(user: string, password: string, newPassword?: string, now = new Date()): LoginResult {
    const account = this.accounts.get(user);
    if (!account || !sameSecret(account.password, password)) return { ok: false, reason: 'bad-credentials' };
    if (newPassword === undefined && account.mustChange) return { ok: false, reason: 'password-change-required' };
    if (newPassword !== undefined) {
      if (!isStrongPassword(newPassword)) return { ok: false, reason: 'weak-password', rules: passwordRules };
      account.password = newPassword;
      account.mustChange = false;
    }
    const token = randomBytes(32).toString('base64url');
    const session = { user, role: account.role, expiresAt: new Date(now.getTime() + tokenLifetimeMs) };
    this.sessions.set(token, session);
    return { ok: true, token, session };
  }

  protected passwordOf(user: string): string | undefined {
    return this.accounts.get(user)?.password;
  }

  /** The token no longer opens a session (POST /v1/users/logout); whether it did. */
  logout(token: string): boolean {
    return this.sessions.delete(token);
  }

  session(token: string, now = new Date()): Session | undefined {
    const session = this.sessions.get(token);
    return session && session.expiresAt > now ? session : undefined;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The on-prem format of expires_after: `2018-03-01 15:29:26+00:00`. */
export function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}
