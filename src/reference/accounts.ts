import { randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'admin' | 'user';

export interface AccountOptions {
  admin: { user: string; password: string };
  users?: { user: string; password: string }[];
}

export interface Session {
  user: string;
  role: Role;
  expiresAt: Date;
}

const tokenLifetimeMs = 7 * 24 * 3600 * 1000;

/** The client's users and the bearer tokens issued to them. */
export class Accounts {
  private readonly passwords = new Map<string, { password: string; role: Role }>();
  private readonly sessions = new Map<string, Session>();

  constructor(options: AccountOptions) {
    this.passwords.set(options.admin.user, { password: options.admin.password, role: 'admin' });
    for (const u of options.users ?? []) this.passwords.set(u.user, { password: u.password, role: 'user' });
  }

  /** A new token for these credentials, or undefined when they are wrong. */
  login(user: string, password: string, now = new Date()): { token: string; session: Session } | undefined {
    const account = this.passwords.get(user);
    if (!account || !sameSecret(account.password, password)) return undefined;
    const token = randomBytes(32).toString('base64url');
    const session = { user, role: account.role, expiresAt: new Date(now.getTime() + tokenLifetimeMs) };
    this.sessions.set(token, session);
    return { token, session };
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
