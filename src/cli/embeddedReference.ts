import { randomBytes } from 'node:crypto';
import type { Profile } from '../requirements/index.js';
import { createReference, serveHandler, type RunningServer } from '../reference/index.js';

export interface EmbeddedReference {
  server: RunningServer;
  admin: { user: string; password: string };
  user: { user: string; password: string };
}

// Fresh passwords each run that meet the documented rules (upper, lower, digit, special; 8–64 chars).
function newPassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

/** The reference on an ephemeral loopback port, with an admin and a non-admin account. */
export async function startEmbeddedReference(profile: Profile): Promise<EmbeddedReference> {
  const admin = { user: 'admin', password: newPassword() };
  const user = { user: 'operator', password: newPassword() };
  const server = await serveHandler(createReference({ profile, admin, users: [user] }));
  return { server, admin, user };
}
