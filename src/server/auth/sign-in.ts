import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, recordAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, conflict } from '../../core/errors.js';
import { dummyVerify, verifyPassword } from '../../core/people/passwords.js';
import { decryptSecret, encryptSecret } from '../../core/people/secret-key.js';
import { generateTotpSecret, matchTotp, totpUrl } from '../../core/people/totp.js';
import { totpContext } from '../../core/people/users.js';
import { createSession, deleteSession, type SessionRow } from './session.js';

/** Five wrong passwords or codes in a row lock the account… */
export const MAX_FAILED_SIGN_INS = 5;
/** …for fifteen minutes (or until an administrator unlocks it). */
export const LOCKOUT_MS = 15 * 60 * 1000;

/** What the sign-in steps need from the server. */
export interface SignInContext {
  db: Db;
  secretKey: Buffer;
  demoMode: boolean;
  origin: { ip?: string; userAgent?: string };
  now?: Date;
}

export type PasswordStepResult =
  | { token: string; next: 'mfa' }
  | { token: string; next: 'enroll'; secret: string; otpauthUrl: string };

interface AuthUser {
  id: number;
  agency_id: number;
  username: string;
  password_hash: string;
  status: string;
  is_demo: boolean;
  totp_secret_enc: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  locked_until: Date | null;
}

const INVALID_CREDENTIALS = 'The username or password is not correct.';

async function loadAuthUser(q: Queryable, where: 'id' | 'username', value: string | number): Promise<AuthUser | null> {
  const rows = await q.query<AuthUser>(
    `SELECT id, agency_id, username::text AS username, password_hash, status, is_demo, totp_secret_enc, totp_enrolled_at,
            totp_last_step, locked_until FROM users WHERE ${where === 'id' ? 'id' : 'username'} = $1`,
    [value],
  );
  return rows[0] ?? null;
}

const auditActor = (user: AuthUser, ctx: SignInContext): AuditActor =>
  ({ userId: user.id, agencyId: user.agency_id, label: `user:${user.username}`, sourceIp: ctx.origin.ip ?? null });

function lockedError(until: Date): AppError {
  return new AppError(423, 'locked',
    `This account is locked after ${MAX_FAILED_SIGN_INS} failed sign-ins until ${until.toISOString()}. Try again then, or ask an administrator to unlock it.`,
    { lockedUntil: until.toISOString() });
}

const isLocked = (user: AuthUser, now: Date) => user.locked_until !== null && user.locked_until.getTime() > now.getTime();

/**
 * Counts one failed sign-in (wrong password or wrong code) and locks the account at the limit. Committed
 * on its own, before the caller answers with an error, so a failure can never be rolled back.
 * Returns the lock end when this failure locked the account.
 */
async function recordFailure(ctx: SignInContext, user: AuthUser, reason: string, now: Date): Promise<Date | null> {
  return ctx.db.transaction(async (tx) => {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
    // The counter restarts at 0 when the lock is set, so an expired lock gives another five tries.
    const [row] = await tx.query<{ locked_now: boolean }>(
      `UPDATE users SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
              locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1 RETURNING failed_sign_ins = 0 AS locked_now`,
      [user.id, MAX_FAILED_SIGN_INS, lockUntil],
    );
    const actor = auditActor(user, ctx);
    await appendAudit(tx, { actor, action: reason === 'invalid_code' ? 'auth.mfa' : 'auth.sign_in', targetType: 'user', targetId: user.id, outcome: 'failure', details: { reason } });
    // After an increment the counter is only 0 when this very failure set the lock.
    const lockedNow = row?.locked_now === true;
    if (lockedNow) {
      await appendAudit(tx, { actor, action: 'auth.lockout', targetType: 'user', targetId: user.id, outcome: 'success', details: { lockedUntil: lockUntil.toISOString(), failures: MAX_FAILED_SIGN_INS } });
    }
    return lockedNow ? lockUntil : null;
  });
}

async function refuse(ctx: SignInContext, user: AuthUser, error: AppError): Promise<never> {
  await recordAudit(ctx.db, { actor: auditActor(user, ctx), action: 'auth.sign_in', targetType: 'user', targetId: user.id, outcome: 'denied', details: { reason: error.code } });
  throw error;
}

/**
 * Step 1: username and password. Answers with a pending session: 'mfa' for enrolled users, 'enroll' with
 * a fresh TOTP secret for a first sign-in. A correct password does not reset the failure counter — only
 * a completed sign-in does — or a thief with the password could guess codes forever, four at a time.
 */
export async function passwordStep(ctx: SignInContext, username: string, password: string): Promise<PasswordStepResult> {
  const now = ctx.now ?? new Date();
  const user = await loadAuthUser(ctx.db, 'username', username);
  if (!user) {
    await dummyVerify(password);
    await recordAudit(ctx.db, { actor: { label: 'anonymous', sourceIp: ctx.origin.ip ?? null }, action: 'auth.sign_in', outcome: 'failure', details: { reason: 'unknown_user', username: username.slice(0, 64) } });
    throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
  }
  if (user.is_demo && !ctx.demoMode) {
    await refuse(ctx, user, new AppError(403, 'demo_disabled', 'Demo accounts can only sign in when the server runs in demo mode.'));
  }
  if (isLocked(user, now)) await refuse(ctx, user, lockedError(user.locked_until!));
  if (!(await verifyPassword(user.password_hash, password))) {
    const lockedUntil = await recordFailure(ctx, user, 'bad_password', now);
    throw lockedUntil ? lockedError(lockedUntil) : new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
  }
  if (user.status !== 'active') await refuse(ctx, user, new AppError(403, 'account_disabled', 'This account is disabled. Ask an administrator of your agency.'));

  return ctx.db.transaction(async (tx) => {
    const actor = auditActor(user, ctx);
    if (user.totp_enrolled_at) {
      const token = await createSession(tx, user.id, 'mfa_pending', ctx.origin);
      await appendAudit(tx, { actor, action: 'auth.password', targetType: 'user', targetId: user.id, outcome: 'success', details: { next: 'mfa' } });
      return { token, next: 'mfa' as const };
    }
    // A new secret on every unfinished enrolment: a QR code left on a screen earlier is worth nothing.
    const secret = generateTotpSecret();
    await tx.query('UPDATE users SET totp_secret_enc = $2, totp_last_step = NULL WHERE id = $1', [user.id, encryptSecret(ctx.secretKey, secret, totpContext(user.id))]);
    const token = await createSession(tx, user.id, 'mfa_enroll', ctx.origin);
    await appendAudit(tx, { actor, action: 'auth.password', targetType: 'user', targetId: user.id, outcome: 'success', details: { next: 'enroll' } });
    return { token, next: 'enroll' as const, secret, otpauthUrl: totpUrl(secret, user.username) };
  });
}

/**
 * Step 2: the TOTP code, for a pending session of the matching stage ('mfa_pending' for /mfa,
 * 'mfa_enroll' for /enroll). On success the pending session is replaced by a new active one — a new token,
 * so a token planted or seen before sign-in is worthless after it (session fixation). Returns that token.
 */
export async function codeStep(ctx: SignInContext, session: SessionRow, pendingToken: string, code: string): Promise<string> {
  const now = ctx.now ?? new Date();
  const user = await loadAuthUser(ctx.db, 'id', session.user_id);
  if (!user || user.status !== 'active') throw new AppError(401, 'unauthorized', 'Sign in first.');
  if (isLocked(user, now)) {
    await deleteSession(ctx.db, pendingToken);
    await refuse(ctx, user, lockedError(user.locked_until!));
  }
  const enrolling = session.stage === 'mfa_enroll';
  if (enrolling === Boolean(user.totp_enrolled_at) || !user.totp_secret_enc) {
    throw conflict('This sign-in is not at this step any more. Sign in again.');
  }
  const secret = decryptSecret(ctx.secretKey, user.totp_secret_enc, totpContext(user.id));
  const step = matchTotp(secret, code, user.totp_last_step, now.getTime());
  const token = step === null ? null : await ctx.db.transaction(async (tx) => {
    // The step guard in the WHERE makes replay protection hold even for two requests in the same instant.
    const claimed = await tx.query(
      `UPDATE users SET totp_last_step = $2, failed_sign_ins = 0, locked_until = NULL,
              totp_enrolled_at = COALESCE(totp_enrolled_at, $3), updated_at = now()
        WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [user.id, step, now],
    );
    if (claimed.length === 0) return null;
    await deleteSession(tx, pendingToken);
    const activeToken = await createSession(tx, user.id, 'active', ctx.origin);
    const actor = auditActor(user, ctx);
    if (enrolling) await appendAudit(tx, { actor, action: 'auth.mfa_enroll', targetType: 'user', targetId: user.id, outcome: 'success', details: { method: 'totp' } });
    await appendAudit(tx, { actor, action: 'auth.sign_in', targetType: 'user', targetId: user.id, outcome: 'success', details: { method: 'totp' } });
    return activeToken;
  });
  if (token) return token;
  const lockedUntil = await recordFailure(ctx, user, 'invalid_code', now);
  if (lockedUntil) {
    await deleteSession(ctx.db, pendingToken);
    throw lockedError(lockedUntil);
  }
  throw new AppError(401, 'invalid_code', 'The code is not correct or was already used. Enter the current code from your authenticator app.');
}
