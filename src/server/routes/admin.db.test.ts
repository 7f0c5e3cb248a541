import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { buildApp } from '../app.js';
import type { BridgesConfig } from '../../core/config.js';
import { createRole, listRoles } from '../../core/people/roles.js';
import { permissionCatalogue } from '../../core/people/catalogue.js';
import { programs } from '../../programs/registry.js';
import { seedAgency, seedUser, signIn, testConfig, type SeededUser } from '../auth/testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let config: BridgesConfig;
let home: number;
let other: number;
let admin: SeededUser;
let adminCookie: string;
let address = 0;
const newAddress = () => `10.1.0.${(address += 1)}`;

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig();
  app = await buildApp({ db, config });
  home = (await seedAgency(db, 'home-pd')).id;
  other = (await seedAgency(db, 'other-pd')).id;
  admin = await seedUser(db, config, home, 'home.admin', ['administrator']);
  adminCookie = await signIn(app, admin, newAddress());
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  app.inject({ method, url, payload, headers: { cookie } });
const roleId = async (agencyId: number, name: string) => (await listRoles(db, agencyId)).find((r) => r.name === name)!.id;

describe('administration API', () => {
  it('denies by default: a user with no roles gets 403 everywhere, and each denial is audited', async () => {
    const nobody = await seedUser(db, config, home, 'no.roles');
    const cookie = await signIn(app, nobody, newAddress());
    for (const url of ['/api/admin/users', '/api/admin/roles', '/api/admin/permissions', '/api/admin/agencies']) {
      const answer = await call('GET', url, cookie);
      expect(answer.statusCode, url).toBe(403);
      expect(answer.json().error.code).toBe('forbidden');
    }
    expect((await call('POST', '/api/admin/users', cookie, { username: 'x.y.z', displayName: 'X', password: 'long enough password', roleIds: [] })).statusCode).toBe(403);
    const denials = await db.query<{ details: { permission: string } }>("SELECT details FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [nobody.id]);
    expect(denials.map((d) => d.details.permission).sort()).toEqual(['agencies:manage', 'users:manage', 'users:manage', 'users:manage', 'users:manage']);
    expect((await app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });

  it('lists only users of the own agency and audits the read', async () => {
    await seedUser(db, config, other, 'other.person', ['analyst']);
    const answer = await call('GET', '/api/admin/users', adminCookie);
    expect(answer.statusCode).toBe(200);
    const usernames = answer.json().map((u: { username: string }) => u.username);
    expect(usernames).toContain('home.admin');
    expect(usernames).not.toContain('other.person');
    expect(JSON.stringify(answer.json())).not.toMatch(/password|totp_secret|argon2/);
    const reads = await db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'users.read' AND actor_user_id = $1", [admin.id]);
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('creates users with roles of the own agency only, argon2id-hashed, audited', async () => {
    const analyst = await roleId(home, 'analyst');
    const created = await call('POST', '/api/admin/users', adminCookie, { username: 'new.analyst', displayName: 'New Analyst', email: 'new@example.org', password: 'a fine long password', roleIds: [analyst] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'new.analyst', agencyId: home, mfaEnrolled: false, roles: [{ id: analyst, name: 'analyst' }] });
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['new.analyst']);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await db.query<{ actor_user_id: number; details: { roleIds: number[] } }>("SELECT actor_user_id, details FROM audit_log WHERE action = 'users.create' AND target_id = $1", [String(created.json().id)]);
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: admin.id, details: expect.objectContaining({ roleIds: [analyst] }) })]);

    const foreignRole = await roleId(other, 'analyst');
    const refused = await call('POST', '/api/admin/users', adminCookie, { username: 'sneaky.one', displayName: 'Sneaky', password: 'a fine long password', roleIds: [foreignRole] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain(String(foreignRole));

    const short = await call('POST', '/api/admin/users', adminCookie, { username: 'short.pw', displayName: 'Short', password: 'too short', roleIds: [] });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/at least 12 characters/);
    expect((await call('POST', '/api/admin/users', adminCookie, { username: 'NEW.analyst', displayName: 'Dup', password: 'a fine long password', roleIds: [] })).statusCode).toBe(409);
  });

  it('treats users and roles of another agency as not found', async () => {
    const [foreignUser] = await db.query<{ id: number }>("SELECT id FROM users WHERE username = 'other.person'");
    expect((await call('PATCH', `/api/admin/users/${foreignUser.id}`, adminCookie, { unlock: true })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/admin/roles/${await roleId(other, 'analyst')}`, adminCookie, { permissions: [] })).statusCode).toBe(404);
    const roles = (await call('GET', '/api/admin/roles', adminCookie)).json() as Array<{ id: number }>;
    const foreignIds = new Set((await listRoles(db, other)).map((r) => r.id));
    expect(roles.some((r) => foreignIds.has(r.id))).toBe(false);
  });

  it('changes users: roles, disable (ends sessions), MFA reset; every change audited', async () => {
    const officer = await seedUser(db, config, home, 'patch.me', ['officer']);
    const cookie = await signIn(app, officer, newAddress());
    const command = await roleId(home, 'command');
    const changed = await call('PATCH', `/api/admin/users/${officer.id}`, adminCookie, { displayName: 'Renamed', roleIds: [command] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ displayName: 'Renamed', roles: [{ id: command, name: 'command' }] });
    expect((await call('GET', '/api/auth/me', cookie)).json().user.permissions).toContain('audit:read');

    expect((await call('PATCH', `/api/admin/users/${officer.id}`, adminCookie, { resetMfa: true })).json().mfaEnrolled).toBe(false);
    expect((await call('GET', '/api/auth/me', cookie)).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: officer.username, password: officer.password }, remoteAddress: newAddress() });
    expect(again.json().next).toBe('enroll');

    expect((await call('PATCH', `/api/admin/users/${officer.id}`, adminCookie, { status: 'disabled' })).json().status).toBe('disabled');
    const actions = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = $1 AND actor_user_id = $2 ORDER BY id", [String(officer.id), admin.id]);
    expect(actions.map((a) => a.action)).toEqual(['users.update', 'users.reset_mfa', 'users.update']);
    expect((await call('PATCH', `/api/admin/users/${officer.id}`, adminCookie, {})).statusCode).toBe(400);
  });

  it('does not let administrators take users:manage away from themselves', async () => {
    const selfAdmin = await seedUser(db, config, home, 'self.admin', ['administrator']);
    const cookie = await signIn(app, selfAdmin, newAddress());
    const dropRoles = await call('PATCH', `/api/admin/users/${selfAdmin.id}`, cookie, { roleIds: [] });
    expect(dropRoles.statusCode).toBe(409);
    expect(dropRoles.json().error.message).toContain('users:manage');
    expect((await call('PATCH', `/api/admin/users/${selfAdmin.id}`, cookie, { status: 'disabled' })).statusCode).toBe(409);

    const administrator = await roleId(home, 'administrator');
    const stripped = await call('PATCH', `/api/admin/roles/${administrator}`, cookie, { permissions: ['incidents:read'] });
    expect(stripped.statusCode).toBe(409);
    // Rolled back: the role and the memberships are as before, and no audit row claims a change.
    expect((await listRoles(db, home)).find((r) => r.id === administrator)!.permissions).toContain('users:manage');
    expect((await call('GET', '/api/auth/me', cookie)).json().user.permissions).toContain('users:manage');
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'roles.update' AND target_id = $1", [String(administrator)])).toHaveLength(0);
  });

  it('manages roles with permissions from the catalogue only', async () => {
    const permissions = (await call('GET', '/api/admin/permissions', adminCookie)).json();
    expect(permissions['users:manage']).toEqual({ description: expect.any(String) });
    expect(Object.keys(permissions)).toEqual(expect.arrayContaining(Object.keys(permissionCatalogue(programs))));

    const unknown = await call('POST', '/api/admin/roles', adminCookie, { name: 'bad role', permissions: ['incidents:read', 'incidents:delete'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('incidents:delete');

    const created = await call('POST', '/api/admin/roles', adminCookie, { name: 'records clerk', description: 'Reads incidents', permissions: ['incidents:read', 'incidents:read'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'records clerk', permissions: ['incidents:read'] });
    const changed = await call('PATCH', `/api/admin/roles/${created.json().id}`, adminCookie, { permissions: ['incidents:read', 'incidents:import'] });
    expect(changed.json().permissions).toEqual(['incidents:import', 'incidents:read']);
    expect((await call('POST', '/api/admin/roles', adminCookie, { name: 'records clerk', permissions: [] })).statusCode).toBe(409);
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'role' AND target_id = $1 ORDER BY id", [String(created.json().id)]);
    expect(audit.map((a) => a.action)).toEqual(['roles.create', 'roles.update']);
  });

  it('creates agencies with default roles (agencies:manage), and refuses those without it', async () => {
    const created = await call('POST', '/api/admin/agencies', adminCookie, { slug: 'new-partner', name: 'New Partner', kind: 'partner_agency', timeZone: 'America/Chicago', centerLon: -87.63, centerLat: 41.88 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'new-partner', timeZone: 'America/Chicago', projection: expect.stringContaining('+zone=16') });
    const roles = await listRoles(db, created.json().id);
    expect(roles.find((r) => r.name === 'administrator')!.permissions).toEqual(expect.arrayContaining(['users:manage', 'agencies:manage', 'notices:publish']));
    expect(roles.find((r) => r.name === 'officer')!.permissions).not.toContain('users:manage');
    expect((await call('GET', '/api/admin/agencies', adminCookie)).json().map((a: { slug: string }) => a.slug)).toContain('new-partner');
    expect((await call('POST', '/api/admin/agencies', adminCookie, { slug: 'new-partner', name: 'Again', kind: 'police', timeZone: 'UTC', centerLon: 0, centerLat: 0 })).statusCode).toBe(409);
    const badZone = await call('POST', '/api/admin/agencies', adminCookie, { slug: 'zone-x', name: 'Zone', kind: 'police', timeZone: 'Mars/Olympus', centerLon: 0, centerLat: 0 });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.message).toContain('Mars/Olympus');

    await db.transaction((tx) => createRole(tx, home, { name: 'user admin only', permissions: ['users:manage'] }, permissionCatalogue(programs)));
    const userAdmin = await seedUser(db, config, home, 'users.only', ['user admin only']);
    const cookie = await signIn(app, userAdmin, newAddress());
    expect((await call('GET', '/api/admin/users', cookie)).statusCode).toBe(200);
    expect((await call('POST', '/api/admin/agencies', cookie, { slug: 'nope', name: 'Nope', kind: 'police', timeZone: 'UTC', centerLon: 0, centerLat: 0 })).statusCode).toBe(403);
  });

  it('names the invalid field of a malformed body', async () => {
    const answer = await call('POST', '/api/admin/users', adminCookie, { username: 'ok.name', displayName: 'Ok', password: 'a fine long password', roleIds: ['x'] });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toContain('body.roleIds');
  });
});
