import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { verifyAuditChain } from '../audit/audit.js';
import type { AppError } from '../errors.js';
import { createAgencyWithDefaultRoles, defaultRolePermissions, getAgencyBySlug, utmProjection } from './agencies.js';
import { corePermissions, ROLE_NAMES } from './permissions.js';
import { assertKnownPermissions, createRole, listRoles, resolveRoleIds, updateRole, userPermissions } from './roles.js';
import { decryptSecret } from './secret-key.js';
import { generateTotpSecret } from './totp.js';
import { createUser, getUserByUsername, resetMfa, setPassword, totpContext, unlockUser } from './users.js';
import { verifyPassword } from './passwords.js';

let db: TestDatabase;
let agencyId: number;
const catalogue = { ...corePermissions, 'notices:publish': { description: 'Publish notices', defaultRoles: ['officer'] as const } };
const cli = { label: 'cli' };
const PASSWORD = 'correct horse battery staple';

/** The AppError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  db = await createTestDatabase();
  const { agency } = await db.transaction((tx) => createAgencyWithDefaultRoles(tx, {
    slug: 'people-test', name: 'People Test PD', kind: 'police', timeZone: 'America/Los_Angeles', centerLon: -121.49, centerLat: 38.58,
  }, catalogue, cli));
  agencyId = agency.id;
});

afterAll(async () => {
  await db?.drop();
});

describe('agencies', () => {
  it('creates every default role with the permissions that name it', async () => {
    const roles = await listRoles(db, agencyId);
    expect(roles.map((r) => r.name).sort()).toEqual([...ROLE_NAMES].sort());
    const byName = Object.fromEntries(roles.map((r) => [r.name, r.permissions]));
    expect(byName.administrator).toEqual(expect.arrayContaining(['users:manage', 'agencies:manage', 'audit:read']));
    expect(byName.officer).toEqual(['incidents:read', 'notices:publish']);
    expect(byName.partner).toEqual([]);
    expect(defaultRolePermissions(catalogue).analyst).toContain('incidents:import');
    const agency = await getAgencyBySlug(db, 'people-test');
    expect(agency.projection).toBe(utmProjection(-121.49, 38.58));
    expect(agency.projection).toContain('+zone=10');
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE actor_label = 'cli' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['agencies.create', ...ROLE_NAMES.map(() => 'roles.create')]);
  });

  it('refuses a bad slug, time zone or duplicate', async () => {
    const base = { slug: 'x-pd', name: 'X', kind: 'police' as const, timeZone: 'UTC', centerLon: 0, centerLat: 0 };
    expect((await failure(db.transaction((tx) => createAgencyWithDefaultRoles(tx, { ...base, slug: 'Bad Slug' }, catalogue)))).statusCode).toBe(400);
    expect((await failure(db.transaction((tx) => createAgencyWithDefaultRoles(tx, { ...base, timeZone: 'Nowhere/Else' }, catalogue)))).message).toContain('Nowhere/Else');
    expect((await failure(db.transaction((tx) => createAgencyWithDefaultRoles(tx, { ...base, slug: 'people-test' }, catalogue)))).statusCode).toBe(409);
  });
});

describe('roles', () => {
  it('names unknown permissions', () => {
    expect(() => assertKnownPermissions(['incidents:read', 'launch:missiles', 'x:y'], catalogue)).toThrow(/launch:missiles, x:y/);
    expect(() => assertKnownPermissions(['toString'], catalogue)).toThrow(/toString/);
    expect(assertKnownPermissions(['users:manage', 'audit:read', 'audit:read'], catalogue)).toEqual(['audit:read', 'users:manage']);
  });

  it('creates and updates roles, audited with before and after', async () => {
    const role = await db.transaction((tx) => createRole(tx, agencyId, { name: 'auditor', permissions: ['audit:read'] }, catalogue, cli));
    const updated = await db.transaction((tx) => updateRole(tx, agencyId, role.id, { permissions: ['audit:read', 'incidents:read'] }, catalogue, cli));
    expect(updated.permissions).toEqual(['audit:read', 'incidents:read']);
    const [row] = await db.query<{ details: { before: { permissions: string[] }; after: { permissions: string[] } } }>(
      "SELECT details FROM audit_log WHERE action = 'roles.update' AND target_id = $1", [String(role.id)]);
    expect(row.details.before.permissions).toEqual(['audit:read']);
    expect(row.details.after.permissions).toEqual(['audit:read', 'incidents:read']);
  });

  it('resolves role names and ids within the agency only', async () => {
    const { agency: otherAgency } = await db.transaction((tx) => createAgencyWithDefaultRoles(tx, {
      slug: 'elsewhere', name: 'Elsewhere', kind: 'organisation', timeZone: 'UTC', centerLon: 10, centerLat: -10,
    }, catalogue));
    const foreign = (await listRoles(db, otherAgency.id))[0].id;
    expect((await failure(resolveRoleIds(db, agencyId, { roleIds: [foreign] }))).message).toContain(String(foreign));
    expect((await failure(resolveRoleIds(db, agencyId, { roleNames: ['officer', 'wizard'] }))).message).toContain('"wizard"');
    expect(await resolveRoleIds(db, agencyId, { roleNames: ['officer', 'officer'] })).toHaveLength(1);
    expect(otherAgency.projection).toContain('+south');
  });
});

describe('users', () => {
  it('creates a user with roles by name, an argon2id hash and an audit row', async () => {
    const user = await db.transaction((tx) => createUser(tx, {
      agencyId, username: 'pat.officer', displayName: 'Pat Officer', email: 'pat@example.org', password: PASSWORD, roleNames: ['officer'],
    }, cli));
    expect(user).toMatchObject({ username: 'pat.officer', email: 'pat@example.org', status: 'active', mfaEnrolled: false, roles: [{ name: 'officer' }] });
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await userPermissions(db, user.id)).toEqual(['incidents:read', 'notices:publish']);
    const audit = await db.query<{ actor_label: string; details: Record<string, unknown> }>("SELECT actor_label, details FROM audit_log WHERE action = 'users.create' AND target_id = $1", [String(user.id)]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain(PASSWORD);
  });

  it('stores a pre-enrolled TOTP secret encrypted and bound to the user', async () => {
    const secretKey = randomBytes(32);
    const secret = generateTotpSecret();
    const user = await db.transaction((tx) => createUser(tx, {
      agencyId, username: 'demo.person', displayName: 'Demo', password: PASSWORD, roleNames: [], isDemo: true, totpSecret: secret, secretKey,
    }));
    expect(user).toMatchObject({ mfaEnrolled: true, isDemo: true });
    const [row] = await db.query<{ totp_secret_enc: string }>('SELECT totp_secret_enc FROM users WHERE id = $1', [user.id]);
    expect(row.totp_secret_enc).not.toContain(secret);
    expect(decryptSecret(secretKey, row.totp_secret_enc, totpContext(user.id))).toBe(secret);
    expect(() => decryptSecret(secretKey, row.totp_secret_enc, totpContext(user.id + 1))).toThrow();
  });

  it('refuses bad input with messages that name the problem, and rolls back', async () => {
    const base = { agencyId, username: 'sam.analyst', displayName: 'Sam', password: PASSWORD, roleNames: ['analyst'] };
    expect((await failure(db.transaction((tx) => createUser(tx, { ...base, password: 'short' })))).message).toMatch(/at least 12 characters/);
    expect((await failure(db.transaction((tx) => createUser(tx, { ...base, username: 'a' })))).details).toEqual({ field: 'username' });
    expect((await failure(db.transaction((tx) => createUser(tx, { ...base, email: 'not-an-email' })))).message).toContain('not-an-email');
    expect((await failure(db.transaction((tx) => createUser(tx, { ...base, username: 'PAT.officer' })))).statusCode).toBe(409);
    expect((await failure(db.transaction((tx) => createUser(tx, { ...base, roleNames: ['ghost'] })))).message).toContain('ghost');
    expect(await db.query("SELECT 1 FROM users WHERE username = 'sam.analyst'")).toHaveLength(0);
  });

  it('sets passwords, unlocks and resets MFA, ending sessions where it matters; all audited', async () => {
    const user = await getUserByUsername(db, 'PAT.OFFICER');
    await db.query("INSERT INTO sessions (token_hash, user_id, stage) VALUES ('h1', $1, 'active')", [user.id]);
    await db.transaction((tx) => setPassword(tx, user.id, 'a brand new passphrase', cli));
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(await verifyPassword(row.password_hash, 'a brand new passphrase')).toBe(true);
    expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(0);
    expect((await failure(db.transaction((tx) => setPassword(tx, user.id, 'tiny', cli)))).statusCode).toBe(400);

    await db.query("UPDATE users SET failed_sign_ins = 3, locked_until = now() + interval '10 minutes' WHERE id = $1", [user.id]);
    await db.transaction((tx) => unlockUser(tx, user.id, cli));
    expect(await getUserByUsername(db, 'pat.officer')).toMatchObject({ failedSignIns: 0, lockedUntil: null });

    await db.query("UPDATE users SET totp_secret_enc = 'v1:x:y:z', totp_enrolled_at = now(), totp_last_step = 5 WHERE id = $1", [user.id]);
    await db.query("INSERT INTO sessions (token_hash, user_id, stage) VALUES ('h2', $1, 'active')", [user.id]);
    await db.transaction((tx) => resetMfa(tx, user.id, cli));
    const [mfa] = await db.query<{ totp_secret_enc: string | null; totp_last_step: number | null }>('SELECT totp_secret_enc, totp_last_step FROM users WHERE id = $1', [user.id]);
    expect(mfa).toEqual({ totp_secret_enc: null, totp_last_step: null });
    expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(0);

    const actions = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = $1 ORDER BY id", [String(user.id)]);
    expect(actions.map((a) => a.action)).toEqual(['users.create', 'users.set_password', 'users.unlock', 'users.reset_mfa']);
    expect((await failure(db.transaction((tx) => unlockUser(tx, 999_999)))).statusCode).toBe(404);
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
