import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/types.js';
import type { Actor } from '../../core/people/permissions.js';

export const SESSION_COOKIE = 'bridges_session';
/** A session ends after 30 minutes without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and 12 hours after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would double the writes of a busy console; a minute is precise enough.
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionStage = 'mfa_pending' | 'mfa_enroll' | 'active';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session row and returns the token for the cookie (only its hash is stored). */
export async function createSession(q: Queryable, userId: number, stage: SessionStage, origin: { ip?: string; userAgent?: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.query('INSERT INTO sessions (token_hash, user_id, stage, ip, user_agent) VALUES ($1,$2,$3,$4,$5)', [
    hashToken(token), userId, stage, origin.ip ?? null, origin.userAgent?.slice(0, 300) ?? null,
  ]);
  return token;
}

export interface SessionRow {
  token_hash: string;
  user_id: number;
  stage: SessionStage;
  created_at: Date;
  last_seen_at: Date;
}

/** The live session for a token, or null when unknown or expired (expired rows are deleted). */
export async function findSession(q: Queryable, token: string | undefined, now = new Date()): Promise<SessionRow | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const rows = await q.query<SessionRow>('SELECT token_hash, user_id, stage, created_at, last_seen_at FROM sessions WHERE token_hash = $1', [tokenHash]);
  const session = rows[0];
  if (!session) return null;
  const idle = now.getTime() - session.last_seen_at.getTime();
  const age = now.getTime() - session.created_at.getTime();
  if (idle > SESSION_IDLE_MS || age > SESSION_ABSOLUTE_MS) {
    await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return null;
  }
  if (idle > TOUCH_EVERY_MS) await q.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash, now]);
  return session;
}

export async function deleteSession(q: Queryable, token: string | undefined): Promise<void> {
  if (token) await q.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** Loads the actor for an active user: permissions are the union of their roles in their own agency. */
export async function loadActor(q: Queryable, userId: number, sourceIp?: string): Promise<Actor | null> {
  const rows = await q.query<{ id: number; agency_id: number; username: string; display_name: string; status: string; permissions: string[] | null }>(
    `SELECT u.id, u.agency_id, u.username, u.display_name, u.status,
            (SELECT array_agg(DISTINCT p) FROM user_roles ur JOIN roles r ON r.id = ur.role_id AND r.agency_id = u.agency_id,
                    unnest(r.permissions) AS p WHERE ur.user_id = u.id) AS permissions
       FROM users u WHERE u.id = $1`,
    [userId],
  );
  const user = rows[0];
  if (!user || user.status !== 'active') return null;
  return {
    userId: user.id,
    agencyId: user.agency_id,
    username: user.username,
    displayName: user.display_name,
    permissions: new Set(user.permissions ?? []),
    sourceIp,
  };
}
