import type { Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../audit/audit.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { assertPasswordAcceptable, hashPassword } from './passwords.js';
import { resolveRoleIds, setUserRoles, type RoleSelection } from './roles.js';
import { encryptSecret } from './secret-key.js';

export type UserStatus = 'active' | 'disabled';

/** A user as administrators see them: never the password hash or the TOTP secret. */
export interface UserView {
  id: number;
  agencyId: number;
  username: string;
  displayName: string;
  email: string | null;
  status: UserStatus;
  roles: Array<{ id: number; name: string }>;
  mfaEnrolled: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  locale: string;
  isDemo: boolean;
  createdAt: Date;
}

/** A pre-enrolled TOTP secret (demo accounts) must come with the key that encrypts it. */
type TotpSeed = { totpSecret?: undefined; secretKey?: undefined } | { totpSecret: string; secretKey: Buffer };

export type CreateUserInput = {
  agencyId: number;
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  isDemo?: boolean;
  locale?: string;
} & RoleSelection & TotpSeed;

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  status?: UserStatus;
  roleIds?: readonly number[];
  password?: string;
  unlock?: boolean;
  resetMfa?: boolean;
}

const SYSTEM: AuditActor = { label: 'system' };
const USER_COLUMNS = `u.id, u.agency_id AS "agencyId", u.username::text AS username, u.display_name AS "displayName",
  u.email::text AS email, u.status, u.totp_enrolled_at IS NOT NULL AS "mfaEnrolled", u.failed_sign_ins AS "failedSignIns",
  u.locked_until AS "lockedUntil", u.locale, u.is_demo AS "isDemo", u.created_at AS "createdAt",
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.name)
              FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id), '[]'::json) AS roles`;

/** The TOTP secret's associated data: the ciphertext only decrypts on this user's row. */
export const totpContext = (userId: number) => `totp:user:${userId}`;

function cleanUsername(username: string): string {
  const value = username.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/.test(value)) {
    throw badRequest('A username is 3 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.', { field: 'username' });
  }
  return value;
}

function cleanDisplayName(name: string): string {
  const value = name.trim();
  if (!value || value.length > 120) throw badRequest('The display name must be 1 to 120 characters long.', { field: 'displayName' });
  return value;
}

function cleanEmail(email: string | null | undefined): string | null {
  const value = email?.trim();
  if (!value) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw badRequest(`"${value}" is not an email address.`, { field: 'email' });
  return value;
}

/** Users of one agency, or of every agency when agencyId is omitted (CLI), by username. */
export function listUsers(q: Queryable, filter: { agencyId?: number } = {}): Promise<UserView[]> {
  return filter.agencyId === undefined
    ? q.query<UserView>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`)
    : q.query<UserView>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.agency_id = $1 ORDER BY u.username`, [filter.agencyId]);
}

/** One user of the agency; a user of another agency is 404, exactly like a missing one. */
export async function getUser(q: Queryable, agencyId: number, userId: number): Promise<UserView> {
  const rows = await q.query<UserView>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.agency_id = $2`, [userId, agencyId]);
  if (!rows[0]) throw notFound('User');
  return rows[0];
}

/** A user by username (case-insensitive), in any agency; 404 naming it when there is none. */
export async function getUserByUsername(q: Queryable, username: string): Promise<UserView> {
  const rows = await q.query<UserView>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, [username]);
  if (!rows[0]) throw notFound(`User "${username}"`);
  return rows[0];
}

/**
 * Creates a user with an argon2id password hash and the given roles of their own agency, and audits it.
 * With totpSecret the user starts enrolled in MFA (demo accounts); otherwise they enrol at first sign-in.
 * Run it in a transaction.
 */
export async function createUser(q: Queryable, input: CreateUserInput, actor: AuditActor = SYSTEM): Promise<UserView> {
  const username = cleanUsername(input.username);
  const displayName = cleanDisplayName(input.displayName);
  const email = cleanEmail(input.email);
  assertPasswordAcceptable(input.password, username);
  const roleIds = await resolveRoleIds(q, input.agencyId, input.roleNames ? { roleNames: input.roleNames } : { roleIds: input.roleIds ?? [] });
  const taken = await q.query('SELECT 1 FROM users WHERE username = $1', [username]);
  if (taken.length > 0) throw conflict(`The username "${username}" is already taken.`);
  const passwordHash = await hashPassword(input.password);
  const [{ id }] = await q.query<{ id: number }>(
    `INSERT INTO users (agency_id, username, display_name, email, password_hash, is_demo, locale)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [input.agencyId, username, displayName, email, passwordHash, input.isDemo ?? false, input.locale ?? 'en'],
  );
  await setUserRoles(q, id, roleIds);
  if (input.totpSecret !== undefined) {
    await q.query('UPDATE users SET totp_secret_enc = $2, totp_enrolled_at = now() WHERE id = $1', [id, encryptSecret(input.secretKey, input.totpSecret, totpContext(id))]);
  }
  await appendAudit(q, {
    actor, action: 'users.create', targetType: 'user', targetId: id, outcome: 'success',
    details: { agencyId: input.agencyId, username, roleIds, isDemo: input.isDemo ?? false, mfaPreEnrolled: input.totpSecret !== undefined },
  });
  return getUser(q, input.agencyId, id);
}

/** Ends every session of a user: after a password change, a disable or an MFA reset, old sign-ins must not live on. */
async function endSessions(q: Queryable, userId: number): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Sets a new password (policy-checked, argon2id) and signs the user out everywhere. Audited. */
export async function setPassword(q: Queryable, userId: number, password: string, actor: AuditActor = SYSTEM): Promise<void> {
  const rows = await q.query<{ username: string }>('SELECT username::text AS username FROM users WHERE id = $1', [userId]);
  if (!rows[0]) throw notFound('User');
  assertPasswordAcceptable(password, rows[0].username);
  await q.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, await hashPassword(password)]);
  await endSessions(q, userId);
  await appendAudit(q, { actor, action: 'users.set_password', targetType: 'user', targetId: userId, outcome: 'success' });
}

/** Lifts a sign-in lockout and clears the failure counter. Audited. */
export async function unlockUser(q: Queryable, userId: number, actor: AuditActor = SYSTEM): Promise<void> {
  const rows = await q.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1 RETURNING id', [userId]);
  if (!rows[0]) throw notFound('User');
  await appendAudit(q, { actor, action: 'users.unlock', targetType: 'user', targetId: userId, outcome: 'success' });
}

/** Forgets the user's TOTP secret (lost phone): they enrol again at their next sign-in. Audited. */
export async function resetMfa(q: Queryable, userId: number, actor: AuditActor = SYSTEM): Promise<void> {
  const rows = await q.query(
    'UPDATE users SET totp_secret_enc = NULL, totp_enrolled_at = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1 RETURNING id',
    [userId],
  );
  if (!rows[0]) throw notFound('User');
  await endSessions(q, userId);
  await appendAudit(q, { actor, action: 'users.reset_mfa', targetType: 'user', targetId: userId, outcome: 'success' });
}

/**
 * Applies an administrator's change to a user of their agency; each kind of change is its own audit row.
 * Run it in a transaction (with assertStillHolds afterwards when the actor may be changing themselves).
 */
export async function updateUser(q: Queryable, agencyId: number, userId: number, patch: UserPatch, actor: AuditActor = SYSTEM): Promise<UserView> {
  const before = await getUser(q, agencyId, userId);
  const changes: Record<string, unknown> = {};
  if (patch.displayName !== undefined) changes.displayName = cleanDisplayName(patch.displayName);
  if (patch.email !== undefined) changes.email = cleanEmail(patch.email);
  if (patch.status !== undefined) changes.status = patch.status;
  if (Object.keys(changes).length > 0) {
    await q.query(
      `UPDATE users SET display_name = COALESCE($2, display_name), email = CASE WHEN $3 THEN $4 ELSE email END,
              status = COALESCE($5, status), updated_at = now() WHERE id = $1`,
      [userId, changes.displayName ?? null, 'email' in changes, changes.email ?? null, changes.status ?? null],
    );
    if (patch.status === 'disabled') await endSessions(q, userId);
  }
  if (patch.roleIds !== undefined) {
    const roleIds = await resolveRoleIds(q, agencyId, { roleIds: patch.roleIds });
    await setUserRoles(q, userId, roleIds);
    changes.roleIds = { before: before.roles.map((r) => r.id), after: roleIds };
  }
  if (Object.keys(changes).length > 0) {
    await appendAudit(q, { actor, action: 'users.update', targetType: 'user', targetId: userId, outcome: 'success', details: changes });
  }
  if (patch.password !== undefined) await setPassword(q, userId, patch.password, actor);
  if (patch.unlock) await unlockUser(q, userId, actor);
  if (patch.resetMfa) await resetMfa(q, userId, actor);
  return getUser(q, agencyId, userId);
}
