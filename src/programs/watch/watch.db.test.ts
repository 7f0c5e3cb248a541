import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { readOutbox } from '../../core/messaging/index.js';
import { groupBody, insertNeighborhood } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;
let analyst: TestStaff;
let otherAgency: TestStaff;
let fairhill: number;
let groupId: number;

const api = '/api/programs/watch';
const staff = (s: TestStaff) => ({ cookie: s.cookie });

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  officer = await insertStaff(db, agencyId, ['watch:manage']);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  otherAgency = await insertStaff(db, await insertAgency(db), ['watch:manage']);
  fairhill = await insertNeighborhood(db, agencyId, 'Fairhill', -75.14, 39.99);
  await insertNeighborhood(db, agencyId, 'Olney', -75.12, 40.04);
  const res = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('Fairhill Block Watch', -75.14, 39.99) });
  expect(res.statusCode, res.body).toBe(201);
  groupId = res.json().id;
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('watch groups: staff side', () => {
  it('refuses staff without watch:manage (audited)', async () => {
    const res = await app.inject({ method: 'GET', url: `${api}/groups`, headers: staff(analyst) });
    expect(res.statusCode).toBe(403);
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [analyst.userId])).toHaveLength(1);
  });

  it('places a new group in the neighborhood its boundary lies in, and audits it', async () => {
    const group = (await app.inject({ method: 'GET', url: `${api}/groups/${groupId}`, headers: staff(officer) })).json();
    expect(group).toMatchObject({ name: 'Fairhill Block Watch', areaId: fairhill, areaName: 'Fairhill', status: 'active', memberCount: 0 });
    const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'watch.group_create' AND target_id = $1", [String(groupId)]);
    expect(audit).toHaveLength(1);
  });

  it('names what is wrong with a boundary', async () => {
    const open = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('Open ring', -75.14, 39.99, { boundary: { type: 'Polygon', coordinates: [[[-75.1, 39.9], [-75.2, 39.9]]] } }) });
    expect(open.statusCode).toBe(400);
    expect(open.json().error.message).toMatch(/^boundary: ring 1 needs at least 4 positions/);
    const huge = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('Whole city', -75.14, 39.99, { boundary: { type: 'Polygon', coordinates: [[[-75.3, 39.9], [-75.0, 39.9], [-75.0, 40.1], [-75.3, 39.9]]] } }) });
    expect(huge.json().error.message).toContain('wider than 5 km');
    const point = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('Point', -75.14, 39.99, { boundary: { type: 'Point', coordinates: [1, 2] } }) });
    expect(point.json().error.message).toContain('body.boundary');
    const twice = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('fairhill block watch', -75.14, 39.99) });
    expect(twice.statusCode).toBe(409);
  });

  it("keeps another agency's staff out", async () => {
    for (const request of [
      { method: 'GET' as const, url: `${api}/groups/${groupId}` },
      { method: 'GET' as const, url: `${api}/groups/${groupId}/members` },
      { method: 'PATCH' as const, url: `${api}/groups/${groupId}`, payload: { status: 'inactive' } },
      { method: 'POST' as const, url: `${api}/groups/${groupId}/alerts`, payload: { subject: { en: 'x', es: 'x' }, body: { en: 'x', es: 'x' }, channels: ['email'] } },
    ]) {
      expect((await app.inject({ ...request, headers: staff(otherAgency) })).statusCode, request.url).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: `${api}/groups`, headers: staff(otherAgency) })).json()).toEqual([]);
  });
});

describe('watch groups: residents', () => {
  it('shows active groups on the public map with boundaries and names only', async () => {
    const forming = await app.inject({ method: 'POST', url: `${api}/groups`, headers: staff(officer), payload: groupBody('Olney starters', -75.12, 40.04, { status: 'forming' }) });
    expect(forming.statusCode).toBe(201);
    const map = (await app.inject({ method: 'GET', url: `${api}/public/groups` })).json();
    expect(map.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Fairhill Block Watch']);
    expect(Object.keys(map.features[0].properties).sort()).toEqual(['agencyName', 'areaName', 'id', 'name', 'status']);
    expect(map.features[0].geometry.type).toBe('Polygon');
  });

  it('finds the group covering a picked point, and the neighborhood when none does', async () => {
    const inside = (await app.inject({ method: 'GET', url: `${api}/public/lookup?lon=-75.141&lat=39.991` })).json();
    expect(inside.groups.map((g: { name: string }) => g.name)).toEqual(['Fairhill Block Watch']);
    expect(inside.area).toEqual({ id: fairhill, name: 'Fairhill' });
    const outside = (await app.inject({ method: 'GET', url: `${api}/public/lookup?lon=-75.155&lat=40.005` })).json();
    expect(outside).toEqual({ groups: [], nearby: [], area: { id: fairhill, name: 'Fairhill' } });
    const bad = await app.inject({ method: 'GET', url: `${api}/public/lookup?lon=abc&lat=40` });
    expect(bad.json().error.message).toContain('querystring.lon');
  });

  it('lists neighborhoods with their groups for finding one without the map', async () => {
    const list = (await app.inject({ method: 'GET', url: `${api}/public/neighborhoods` })).json();
    const names = list.filter((n: { agencyName: string }) => n.agencyName === 'Test Police Department').map((n: { areaName: string; groups: Array<{ name: string }> }) => [n.areaName, n.groups.map((g) => g.name)]);
    expect(names).toContainEqual(['Fairhill', ['Fairhill Block Watch']]);
    expect(names).toContainEqual(['Olney', ['Olney starters']]);
  });

  it('needs a way to reach the person and explicit consent to join', async () => {
    const noConsent = await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'join', groupId, email: 'maria@example.org', contactConsent: false } });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toContain('body.contactConsent');
    const noContact = await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'join', groupId, contactConsent: true } });
    expect(noContact.json().error.message).toContain('body.email');
    const noPlace = await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'start', email: 'x@example.org', contactConsent: true } });
    expect(noPlace.json().error.message).toContain('body.areaId');
  });

  it('joins by request: staff approve, the member is told, staff see names but never addresses, and the private link leaves', async () => {
    const asked = await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'join', groupId, name: 'María', email: 'maria@example.org', contactConsent: true, locale: 'es', message: 'Vivo en la calle 5' } });
    expect(asked.statusCode).toBe(201);
    const { token } = asked.json();
    const requests = (await app.inject({ method: 'GET', url: `${api}/requests?status=pending`, headers: staff(officer) })).json();
    const mine = requests.find((r: { name: string }) => r.name === 'María');
    expect(mine).toMatchObject({ kind: 'join', groupName: 'Fairhill Block Watch', channels: ['email'], message: 'Vivo en la calle 5' });
    expect(JSON.stringify(requests)).not.toContain('maria@example.org');

    const decided = await app.inject({ method: 'POST', url: `${api}/requests/${mine.id}/decision`, headers: staff(officer), payload: { decision: 'approve' } });
    expect(decided.statusCode).toBe(200);
    const welcome = (await readOutbox(db, 'watch')).filter((m) => m.recipient === 'maria@example.org');
    expect(welcome.map((m) => m.subject)).toEqual(['Bienvenido a Fairhill Block Watch']);
    // The contact now lives on the membership only.
    const [request] = await db.query('SELECT name, email, phone, status FROM watch_requests WHERE id = $1', [mine.id]);
    expect(request).toEqual({ name: null, email: null, phone: null, status: 'approved' });
    const members = await app.inject({ method: 'GET', url: `${api}/groups/${groupId}/members`, headers: staff(officer) });
    expect(members.json().map((m: { name: string; channels: string[] }) => [m.name, m.channels])).toEqual([['María', ['email']]]);
    expect(members.body).not.toContain('maria@example.org');
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'watch.members_read'")).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: `${api}/requests/${mine.id}/decision`, headers: staff(officer), payload: { decision: 'decline' } })).statusCode).toBe(409);

    const left = await app.inject({ method: 'POST', url: `${api}/public/leave`, payload: { token } });
    expect(left.json()).toEqual({ outcome: 'left', groupName: 'Fairhill Block Watch' });
    const [member] = await db.query('SELECT name, email, phone, left_at IS NOT NULL AS gone FROM watch_members WHERE id = $1', [decided.json().memberId]);
    expect(member).toEqual({ name: null, email: null, phone: null, gone: true });
    expect((await app.inject({ method: 'POST', url: `${api}/public/leave`, payload: { token } })).json().outcome).toBe('already');
  });

  it('takes a request to start a group from a map point, rounded, and makes the requester captain on approval', async () => {
    const asked = await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'start', lon: -75.123456, lat: 40.041234, phone: '215 555 0142', contactConsent: true } });
    expect(asked.statusCode).toBe(201);
    const [stored] = await db.query<{ id: number; lon: number; lat: number; area_name: string; phone: string }>(
      "SELECT r.id, r.lon, r.lat, a.name AS area_name, r.phone FROM watch_requests r JOIN areas a ON a.id = r.area_id WHERE r.kind = 'start'");
    expect(stored).toMatchObject({ lon: -75.123, lat: 40.041, area_name: 'Olney', phone: '+12155550142' });
    const withoutGroup = await app.inject({ method: 'POST', url: `${api}/requests/${stored.id}/decision`, headers: staff(officer), payload: { decision: 'approve' } });
    expect(withoutGroup.json().error.message).toContain('groupId');
    const olney = (await app.inject({ method: 'GET', url: `${api}/groups`, headers: staff(officer) })).json().find((g: { name: string }) => g.name === 'Olney starters');
    await app.inject({ method: 'POST', url: `${api}/requests/${stored.id}/decision`, headers: staff(officer), payload: { decision: 'approve', groupId: olney.id } });
    const members = (await app.inject({ method: 'GET', url: `${api}/groups/${olney.id}/members`, headers: staff(officer) })).json();
    expect(members.map((m: { role: string; channels: string[] }) => [m.role, m.channels])).toEqual([['captain', ['sms']]]);
    expect((await readOutbox(db, 'watch')).find((m) => m.recipient === '+12155550142')!.body).toMatch(/^Your watch group: Olney starters/);
  });

  it('withdraws a pending request by its private link', async () => {
    const { token } = (await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'join', groupId, email: 'tom@example.org', contactConsent: true } })).json();
    expect((await app.inject({ method: 'POST', url: `${api}/public/leave`, payload: { token } })).json().outcome).toBe('withdrawn');
    const rows = await db.query("SELECT 1 FROM watch_requests WHERE email = 'tom@example.org'");
    expect(rows).toEqual([]);
  });
});

describe('alerts, meetings and stats', () => {
  it('sends an alert to every member in their language by the chosen channels, and records counts only', async () => {
    for (const [email, phone, locale] of [['ana@example.org', null, 'en'], [null, '+12155550160', 'es'], ['luz@example.org', '+12155550161', 'es']] as const) {
      const { token } = (await app.inject({ method: 'POST', url: `${api}/public/requests`, payload: { kind: 'join', groupId, email: email ?? undefined, phone: phone ?? undefined, contactConsent: true, locale } })).json();
      const [{ id }] = await db.query<{ id: number }>("SELECT id FROM watch_requests WHERE status = 'pending' ORDER BY id DESC LIMIT 1");
      await app.inject({ method: 'POST', url: `${api}/requests/${id}/decision`, headers: staff(officer), payload: { decision: 'approve' } });
      expect(token).toBeTruthy();
    }
    const res = await app.inject({
      method: 'POST', url: `${api}/groups/${groupId}/alerts`, headers: staff(officer),
      payload: { subject: { en: 'Car break-ins on 5th St', es: 'Robos en autos en la calle 5' }, body: { en: 'Three cars were broken into overnight.', es: 'Tres autos fueron forzados anoche.' }, channels: ['email', 'sms'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sentEmail: 2, sentSms: 2, failed: 0 });
    const outbox = await readOutbox(db, 'watch');
    expect(outbox.find((m) => m.recipient === 'ana@example.org' && m.subject?.includes('Car break-ins'))!.subject).toBe('Fairhill Block Watch: Car break-ins on 5th St');
    expect(outbox.find((m) => m.recipient === '+12155550160' && m.body.includes('Robos'))!.body).toBe('Fairhill Block Watch: Robos en autos en la calle 5. Tres autos fueron forzados anoche.');
    const [alert] = await db.query<Record<string, unknown>>('SELECT * FROM watch_alerts WHERE group_id = $1', [groupId]);
    expect(JSON.stringify(alert)).not.toContain('@example.org');
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'watch.alert_send'")).toHaveLength(1);
  });

  it('links meetings by event id and shows upcoming ones on the public group page', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const res = await app.inject({ method: 'POST', url: `${api}/groups/${groupId}/meetings`, headers: staff(officer), payload: { eventId: 4242, kind: 'training', title: { en: 'Observe and report', es: 'Observar y reportar' }, startsAt } });
    expect(res.statusCode).toBe(204);
    const again = await app.inject({ method: 'POST', url: `${api}/groups/${groupId}/meetings`, headers: staff(officer), payload: { eventId: 4242, kind: 'training', title: { en: 'x', es: 'y' }, startsAt } });
    expect(again.statusCode).toBe(409);
    const page = (await app.inject({ method: 'GET', url: `${api}/public/groups/${groupId}` })).json();
    expect(page.meetings).toEqual([{ eventId: 4242, kind: 'training', title: { en: 'Observe and report', es: 'Observar y reportar' }, startsAt }]);
    expect(page.memberCount).toBe(3);
  });

  it('reports stats', async () => {
    const { watch } = await import('./index.js');
    const stats = Object.fromEntries((await watch.stats!(db)).map((s) => [s.key, s.value]));
    expect(stats).toMatchObject({ activeGroups: 1, formingGroups: 1, members: 4, captains: 1, alertsSent: 1 });
  });
});
