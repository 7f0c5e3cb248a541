import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertIncidents, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { openWalksForIncidents } from './open.js';

let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let recorder: TestStaff;
let lead: TestStaff;
let analyst: TestStaff;
let stranger: TestStaff;

const DAY = 86_400_000;
const shooting = (overrides: Record<string, unknown> = {}) => ({
  category: 'shooting', occurredAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), lon: -75.1500, lat: 39.9900, address: '2417 N 5TH ST', ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  recorder = await insertStaff(db, agencyId, ['incidents:import']);
  lead = await insertStaff(db, agencyId, ['walks:read', 'walks:manage', 'walks:field', 'walks:configure']);
  analyst = await insertStaff(db, agencyId, ['walks:read']);
  stranger = await insertStaff(db, await insertAgency(db), ['walks:read', 'walks:manage', 'walks:field']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const post = (staff: TestStaff, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: payload as object });
const get = (staff: TestStaff, url: string) => app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });

describe('walks open by rule', () => {
  let walkId: number;

  it('opens one walk when a shooting is recorded through the API, due 3–7 days later', async () => {
    const res = await post(recorder, '/api/incidents', shooting({ sourceId: 'cad-1' }));
    expect(res.statusCode).toBe(201);
    const incident = res.json();
    expect(incident.hundredBlock).toBe('2400 BLOCK N 5TH ST');
    const [walk] = await db.query<{ id: number; title: string; opened_by: string; due_from: Date; due_to: Date; radius_m: number }>(
      'SELECT id, title, opened_by, due_from, due_to, radius_m FROM walks WHERE incident_id = $1', [incident.id]);
    expect(walk).toMatchObject({ title: '2400 BLOCK N 5TH ST', opened_by: 'rule', radius_m: 300 });
    expect(walk.due_from.getTime() - new Date(incident.occurredAt).getTime()).toBe(3 * DAY);
    expect(walk.due_to.getTime() - new Date(incident.occurredAt).getTime()).toBe(7 * DAY);
    walkId = walk.id;
    const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'walks.open' AND target_id = $1", [String(walk.id)]);
    expect(audit).toHaveLength(1);
  });

  it('is idempotent: the same incident again (a retry, a second event) opens nothing more', async () => {
    const again = await post(recorder, '/api/incidents', shooting({ sourceId: 'cad-1' }));
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    const [{ id }] = await db.query<{ id: number }>("SELECT id FROM incidents WHERE source_id = 'cad-1'");
    expect(await openWalksForIncidents(db, agencyId, [Number(id)])).toEqual([]);
    expect(await db.query('SELECT 1 FROM walks WHERE incident_id = $1', [id])).toHaveLength(1);
  });

  it('opens none for a historical import and none for other categories', async () => {
    const old = await insertIncidents(db, agencyId, [
      { category: 'shooting', occurredAt: new Date(Date.now() - 30 * DAY) },
      { category: 'homicide', occurredAt: new Date(Date.now() - 8 * DAY) },
      { category: 'burglary', occurredAt: new Date() },
      { category: 'homicide', occurredAt: new Date(Date.now() - 6 * DAY) },
    ]);
    const opened = await openWalksForIncidents(db, agencyId, old);
    expect(opened).toHaveLength(1);
    const [walk] = await db.query<{ incident_id: string }>('SELECT incident_id FROM walks WHERE id = $1', [opened[0]]);
    expect(Number(walk.incident_id)).toBe(old[3]);
  });

  it('follows changed rules and names a wrong field', async () => {
    const bad = await app.inject({ method: 'PUT', url: '/api/programs/walks/rules', headers: { cookie: lead.cookie }, payload: { categories: ['robbery'], dueMinDays: 5, dueMaxDays: 2, radiusM: 400, canvassAreaKind: null, tipLine: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body.dueMaxDays');
    const ok = await app.inject({ method: 'PUT', url: '/api/programs/walks/rules', headers: { cookie: lead.cookie }, payload: { categories: ['robbery', 'shooting', 'homicide'], dueMinDays: 2, dueMaxDays: 5, radiusM: 400, canvassAreaKind: null, tipLine: { phone: '555-0199' } } });
    expect(ok.statusCode).toBe(200);
    const [robbery] = await insertIncidents(db, agencyId, [{ category: 'robbery', occurredAt: new Date() }]);
    const [id] = await openWalksForIncidents(db, agencyId, [robbery]);
    const [walk] = await db.query<{ radius_m: number }>('SELECT radius_m FROM walks WHERE id = $1', [id]);
    expect(walk.radius_m).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/programs/walks/rules', headers: { cookie: analyst.cookie }, payload: ok.json() })).statusCode).toBe(403);
  });

  it('plans a walk, moves it through its states and keeps every step on the timeline', async () => {
    const plan = await app.inject({
      method: 'PATCH', url: `/api/programs/walks/${walkId}/plan`, headers: { cookie: lead.cookie },
      payload: { scheduledFor: new Date(Date.now() + 3 * DAY).toISOString(), meetingPoint: 'Corner of 5th and York', team: [{ name: 'Chaplain Ruth', role: 'chaplain' }, { userId: lead.userId, name: 'Lead', role: 'officer' }] },
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ status: 'planned', meetingPoint: 'Corner of 5th and York' });
    expect(plan.json().team).toHaveLength(2);
    const wrong = await post(lead, `/api/programs/walks/${walkId}/status`, { status: 'bogus' });
    expect(wrong.statusCode).toBe(400);
    const done = await post(lead, `/api/programs/walks/${walkId}/status`, { status: 'completed' });
    expect(done.json().status).toBe('completed');
    expect(done.json().onTime).toBe(true);
    const reopen = await post(lead, `/api/programs/walks/${walkId}/status`, { status: 'open' });
    expect(reopen.json().error.message).toContain('a completed walk can become in_progress');
    expect(done.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'planned', 'status']);
  });

  it("never shows or changes another agency's walks", async () => {
    expect((await get(stranger, `/api/programs/walks/${walkId}`)).statusCode).toBe(404);
    expect((await get(stranger, '/api/programs/walks?status=all')).json()).toEqual([]);
    expect((await post(stranger, `/api/programs/walks/${walkId}/status`, { status: 'cancelled' })).statusCode).toBe(404);
  });
});

describe('walks opened by hand', () => {
  it('opens for an incident once, and for a place', async () => {
    const [incident] = await insertIncidents(db, agencyId, [{ category: 'aggravated_assault', occurredAt: new Date(Date.now() - 40 * DAY) }]);
    const first = await post(lead, '/api/programs/walks', { incidentId: incident });
    expect(first.statusCode).toBe(201);
    expect(first.json().openedBy).toBe('staff');
    const second = await post(lead, '/api/programs/walks', { incidentId: incident });
    expect(second.statusCode).toBe(409);
    const place = await post(lead, '/api/programs/walks', { title: 'Fairhill Square', lon: -75.1396, lat: 39.9940, dueFrom: '2030-01-01', dueTo: '2030-01-05' });
    expect(place.statusCode).toBe(201);
    expect(place.json()).toMatchObject({ title: 'Fairhill Square', incidentId: null, radiusM: 400 });
    expect((await post(analyst, '/api/programs/walks', { incidentId: incident })).statusCode).toBe(403);
  });
});
