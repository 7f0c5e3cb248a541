import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { buildApp } from '../app.js';
import { createUser } from '../../core/people/users.js';
import { totpCode } from '../../core/people/totp.js';
import { verifyAuditChain } from '../../core/audit/audit.js';
import type { BridgesConfig } from '../../core/config.js';
import { TEST_PASSWORD, nextCode, seedAgency, seedUser, sessionCookieFrom, signIn, testConfig } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let config: BridgesConfig;
let agencyId: number;
let address = 0;
// Every test signs in from its own address so the per-address rate limit of /api/auth/* never interferes.
const newAddress = () => `10.0.0.${(address += 1)}`;

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig();
  app = await buildApp({ db, config });
  agencyId = (await seedAgency(db, 'auth-test')).id;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const post = (url: string, payload: object, cookie?: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {}, remoteAddress });
const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** Six digits that are none of the codes accepted right now (current step ± 1). */
const wrongCode = (secret: string) => {
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totpCode(secret, Date.now() + offset)));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!;
};
const auditRows = (action: string, targetId: number) =>
  db.query<{ outcome: string; details: Record<string, unknown>; source_ip: string | null }>(
    'SELECT outcome, details, source_ip FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id', [action, String(targetId)]);

describe('staff sign-in', () => {
  it('signs in with password and TOTP; the pending session can call nothing; the token rotates', async () => {
    const ip = newAddress();
    const user = await seedUser(db, config, agencyId, 'full.flow', ['analyst']);
    const first = await post('/api/auth/sign-in', { username: 'FULL.flow', password: user.password }, undefined, ip);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ next: 'mfa' });
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const pending = sessionCookieFrom(first);

    expect((await get('/api/auth/me', pending)).statusCode).toBe(401);
    expect((await get('/api/incidents', pending)).statusCode).toBe(401);
    expect((await get('/api/admin/users', pending)).statusCode).toBe(401);

    const second = await post('/api/auth/mfa', { code: nextCode(user.totpSecret) }, pending, ip);
    expect(second.statusCode).toBe(200);
    expect(second.json().user).toMatchObject({ username: 'full.flow', agency: { id: agencyId, slug: 'auth-test', timeZone: 'America/New_York' }, locale: 'en' });
    expect(second.json().user.permissions).toContain('incidents:read');
    const active = sessionCookieFrom(second);
    expect(active).not.toBe(pending);

    // The pre-MFA token is gone: it cannot be used (fixation) nor turned into a session again.
    expect((await get('/api/auth/me', pending)).statusCode).toBe(401);
    expect((await post('/api/auth/mfa', { code: nextCode(user.totpSecret) }, pending, ip)).json().error.code).toBe('no_pending_sign_in');
    const me = await get('/api/auth/me', active);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('full.flow');

    expect((await auditRows('auth.password', user.id)).map((r) => r.outcome)).toEqual(['success']);
    const signIns = await auditRows('auth.sign_in', user.id);
    expect(signIns).toEqual([expect.objectContaining({ outcome: 'success', source_ip: ip })]);
  });

  it('enrols TOTP at the first sign-in and stores the secret encrypted', async () => {
    const ip = newAddress();
    const user = await db.transaction((tx) => createUser(tx, { agencyId, username: 'first.time', displayName: 'First Time', password: TEST_PASSWORD, roleNames: ['officer'] }));
    expect(user.mfaEnrolled).toBe(false);
    const first = await post('/api/auth/sign-in', { username: 'first.time', password: TEST_PASSWORD }, undefined, ip);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.next).toBe('enroll');
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Bridges:first\.time\?/);
    const pending = sessionCookieFrom(first);

    const [stored] = await db.query<{ totp_secret_enc: string; totp_enrolled_at: Date | null }>('SELECT totp_secret_enc, totp_enrolled_at FROM users WHERE id = $1', [user.id]);
    expect(stored.totp_secret_enc).toMatch(/^v1:/);
    expect(stored.totp_secret_enc).not.toContain(body.secret);
    expect(stored.totp_enrolled_at).toBeNull();

    expect((await post('/api/auth/mfa', { code: totpCode(body.secret) }, pending, ip)).statusCode).toBe(409);
    expect((await post('/api/auth/enroll', { code: '12345' }, pending, ip)).statusCode).toBe(400);
    const enrolled = await post('/api/auth/enroll', { code: nextCode(body.secret) }, pending, ip);
    expect(enrolled.statusCode).toBe(200);
    expect((await get('/api/auth/me', sessionCookieFrom(enrolled))).statusCode).toBe(200);
    expect((await auditRows('auth.mfa_enroll', user.id)).map((r) => r.outcome)).toEqual(['success']);

    const again = await post('/api/auth/sign-in', { username: 'first.time', password: TEST_PASSWORD }, undefined, ip);
    expect(again.json()).toEqual({ next: 'mfa' });
  });

  it('never accepts the same code twice', async () => {
    const ip = newAddress();
    const user = await seedUser(db, config, agencyId, 'replay.test');
    const code = nextCode(user.totpSecret);
    const first = await post('/api/auth/sign-in', { username: user.username, password: user.password }, undefined, ip);
    expect((await post('/api/auth/mfa', { code }, sessionCookieFrom(first), ip)).statusCode).toBe(200);
    const second = await post('/api/auth/sign-in', { username: user.username, password: user.password }, undefined, ip);
    const replay = await post('/api/auth/mfa', { code }, sessionCookieFrom(second), ip);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_code');
    expect((await auditRows('auth.mfa', user.id)).map((r) => r.details.reason)).toEqual(['invalid_code']);
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const ip = newAddress();
    const user = await seedUser(db, config, agencyId, 'same.answer');
    const unknown = await post('/api/auth/sign-in', { username: 'nobody.here', password: 'whatever at all' }, undefined, ip);
    const wrong = await post('/api/auth/sign-in', { username: user.username, password: 'whatever at all' }, undefined, ip);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    const [row] = await db.query<{ outcome: string; details: { reason: string } }>("SELECT outcome, details FROM audit_log WHERE action = 'auth.sign_in' AND details->>'username' = 'nobody.here'");
    expect(row).toMatchObject({ outcome: 'failure', details: { reason: 'unknown_user' } });
  });

  it('locks the account after 5 failures (passwords or codes) for 15 minutes; an administrator unlocks it', async () => {
    const ip = newAddress();
    const user = await seedUser(db, config, agencyId, 'lock.me');
    const admin = await seedUser(db, config, agencyId, 'lock.admin', ['administrator']);
    for (let i = 0; i < 3; i += 1) {
      expect((await post('/api/auth/sign-in', { username: user.username, password: 'wrong password!' }, undefined, ip)).statusCode).toBe(401);
    }
    // A correct password does not reset the counter; a wrong code counts as a failure too.
    const pending = sessionCookieFrom(await post('/api/auth/sign-in', { username: user.username, password: user.password }, undefined, ip));
    expect((await post('/api/auth/mfa', { code: wrongCode(user.totpSecret) }, pending, ip)).statusCode).toBe(401);
    const fifth = await post('/api/auth/sign-in', { username: user.username, password: 'wrong password!' }, undefined, ip);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('locked');
    const lockedUntil = new Date(fifth.json().error.details.lockedUntil);
    expect(lockedUntil.getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);
    expect(lockedUntil.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    expect(fifth.json().error.message).toContain(lockedUntil.toISOString());

    const right = await post('/api/auth/sign-in', { username: user.username, password: user.password }, undefined, ip);
    expect(right.statusCode).toBe(423);
    expect((await auditRows('auth.lockout', user.id)).length).toBe(1);
    expect((await auditRows('auth.sign_in', user.id)).at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'locked' } });

    const adminCookie = await signIn(app, admin, newAddress());
    const unlock = await app.inject({ method: 'PATCH', url: `/api/admin/users/${user.id}`, payload: { unlock: true }, headers: { cookie: adminCookie } });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json()).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
    expect((await auditRows('users.unlock', user.id))).toEqual([expect.objectContaining({ outcome: 'success' })]);
    await signIn(app, user, ip);
    const [after] = await db.query<{ failed_sign_ins: number }>('SELECT failed_sign_ins FROM users WHERE id = $1', [user.id]);
    expect(after.failed_sign_ins).toBe(0);
  });

  it('ends sessions after 30 minutes idle and 12 hours in all', async () => {
    const user = await seedUser(db, config, agencyId, 'timeout.test');
    const idle = await signIn(app, user, newAddress());
    expect((await get('/api/auth/me', idle)).statusCode).toBe(200);
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1", [user.id]);
    expect((await get('/api/auth/me', idle)).statusCode).toBe(401);
    expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(0);

    const old = await signIn(app, user, newAddress());
    await db.query("UPDATE sessions SET created_at = now() - interval '12 hours 1 minute', last_seen_at = now() WHERE user_id = $1", [user.id]);
    expect((await get('/api/auth/me', old)).statusCode).toBe(401);
  });

  it('refuses demo accounts unless the server runs in demo mode', async () => {
    const demo = await seedUser(db, config, agencyId, 'demo.someone', ['administrator'], { isDemo: true });
    const refused = await post('/api/auth/sign-in', { username: demo.username, password: demo.password }, undefined, newAddress());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('demo_disabled');
    expect((await auditRows('auth.sign_in', demo.id)).at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'demo_disabled' } });

    const demoApp = await buildApp({ db, config: { ...config, demoMode: true } });
    try {
      const cookie = await signIn(demoApp, demo, newAddress());
      expect((await demoApp.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      // A non-demo server started later does not honour the demo session.
      const strictApp = await buildApp({ db, config });
      expect((await strictApp.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      await strictApp.close();
    } finally {
      await demoApp.close();
    }
  });

  it('refuses disabled accounts after the password, without counting a failure', async () => {
    const user = await seedUser(db, config, agencyId, 'disabled.one');
    await db.query("UPDATE users SET status = 'disabled' WHERE id = $1", [user.id]);
    const answer = await post('/api/auth/sign-in', { username: user.username, password: user.password }, undefined, newAddress());
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.code).toBe('account_disabled');
    const [row] = await db.query<{ failed_sign_ins: number }>('SELECT failed_sign_ins FROM users WHERE id = $1', [user.id]);
    expect(row.failed_sign_ins).toBe(0);
  });

  it('signs out: 204, cookie cleared, session deleted, audited', async () => {
    const user = await seedUser(db, config, agencyId, 'sign.out');
    const cookie = await signIn(app, user, newAddress());
    const out = await post('/api/auth/sign-out', {}, cookie);
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/bridges_session=;/);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
    expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id])).toHaveLength(0);
    expect((await auditRows('auth.sign_out', user.id)).map((r) => r.outcome)).toEqual(['success']);
    expect((await post('/api/auth/sign-out', {})).statusCode).toBe(204);
  });

  it('limits /api/auth/sign-in to 20 requests a minute per address', async () => {
    const ip = newAddress();
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) codes.push((await post('/api/auth/sign-in', { username: 'nobody.at.all', password: 'x' }, undefined, ip)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('sets the Secure flag when configured', async () => {
    const secureApp = await buildApp({ db, config: { ...config, secureCookies: true } });
    try {
      const user = await seedUser(db, config, agencyId, 'secure.cookie');
      const answer = await secureApp.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: user.password }, remoteAddress: newAddress() });
      expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await secureApp.close();
    }
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
