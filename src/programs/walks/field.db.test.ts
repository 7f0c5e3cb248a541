import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertIncidents, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let lead: TestStaff;
let partner: TestStaff;
let walkId: number;

const DAY = 86_400_000;
const visit = (overrides: Record<string, unknown> = {}) => ({ id: randomUUID(), visitedAt: new Date().toISOString(), outcome: 'conversation', ...overrides });

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  lead = await insertStaff(db, agencyId, ['walks:read', 'walks:manage', 'walks:field', 'incidents:import']);
  partner = await insertStaff(db, agencyId, ['walks:field']);
  const res = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: lead.cookie },
    payload: { category: 'homicide', occurredAt: new Date(Date.now() - DAY).toISOString(), lon: -75.16, lat: 39.95, address: '1200 MARKET ST' } });
  [{ id: walkId }] = await db.query<{ id: number }>('SELECT id FROM walks WHERE incident_id = $1', [res.json().id]);
});
afterAll(async () => { await app.close(); await db.drop(); });

const send = (staff: TestStaff, visits: unknown[]) =>
  app.inject({ method: 'POST', url: `/api/programs/walks/${walkId}/visits`, headers: { cookie: staff.cookie }, payload: { visits } });

describe('door visits from the phone', () => {
  const batch = [
    visit({ concerns: ['streetlight_out'], resources: ['victim_services', 'tip_line'] }),
    visit({ outcome: 'no_answer' }),
    visit({ wantsWatch: true, consent: true, contactName: 'R. Jones', contactPhone: '555-0101', tipText: 'The shooter ran toward the park.' }),
  ];

  it('stores a batch once, however often it is sent, and starts the walk', async () => {
    const first = await send(partner, batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ stored: batch.map((v) => v.id), inserted: 3, tipsToHandOver: [batch[2].id] });
    // The answer was lost; the phone sends everything again, plus one new door.
    const retry = await send(partner, [...batch, visit({ outcome: 'declined' })]);
    expect(retry.json().inserted).toBe(1);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM walk_visits WHERE walk_id = $1', [walkId]);
    expect(n).toBe(4);
    const [walk] = await db.query<{ status: string }>('SELECT status FROM walks WHERE id = $1', [walkId]);
    expect(walk.status).toBe('in_progress');
    const audit = await db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'walks.visits_sync' ORDER BY id");
    expect(audit.map((a) => a.details)).toEqual([{ received: 3, inserted: 3 }, { received: 4, inserted: 1 }]);
    expect(JSON.stringify(audit)).not.toContain('555-0101');
  });

  it('keeps contact details only with consent, and says so naming the field', async () => {
    const res = await send(partner, [visit({ wantsWatch: true, contactName: 'No consent', contactPhone: '555-0102' })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.visits.0.consent');
    const noWay = await send(partner, [visit({ wantsVolunteer: true, consent: true, contactName: 'Only a name' })]);
    expect(noWay.json().error.message).toContain('body.visits.0.contactPhone');
    const badCode = await send(partner, [visit({ concerns: ['aliens'] })]);
    expect(badCode.json().error.message).toContain('body.visits.0.concerns.0');
  });

  it('shows contacts to walk leads only, and the field view to partners', async () => {
    const forLead = await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/visits`, headers: { cookie: lead.cookie } });
    expect(forLead.json().find((v: { contactName: string | null }) => v.contactName)?.contactPhone).toBe('555-0101');
    expect((await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/visits`, headers: { cookie: partner.cookie } })).statusCode).toBe(403);
    const field = await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/field`, headers: { cookie: partner.cookie } });
    expect(field.json()).toMatchObject({ id: walkId, radiusM: 300, hundredBlock: '1200 BLOCK MARKET ST' });
  });

  it("records the tips program's number for a tip once", async () => {
    const tipVisit = batch[2].id;
    const url = `/api/programs/walks/visits/${tipVisit}/tip`;
    expect((await app.inject({ method: 'PUT', url, headers: { cookie: partner.cookie }, payload: { tipNumber: 'T123' } })).statusCode).toBe(204);
    const other = await app.inject({ method: 'PUT', url, headers: { cookie: partner.cookie }, payload: { tipNumber: 'T999' } });
    expect(other.json().error.message).toContain('already handed over as T123');
    // Sent again after the hand-over, the visit is no longer offered for one.
    expect((await send(partner, [batch[2]])).json().tipsToHandOver).toEqual([]);
    const none = await app.inject({ method: 'PUT', url: `/api/programs/walks/visits/${batch[1].id}/tip`, headers: { cookie: partner.cookie }, payload: { tipNumber: 'T1' } });
    expect(none.statusCode).toBe(400);
  });
});

describe('follow-up tasks', () => {
  it('creates a task from a concern with its usual owner delay, and completes it', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/programs/walks/${walkId}/tasks`, headers: { cookie: lead.cookie },
      payload: { concern: 'streetlight_out', description: 'Light out at 12th and Market', ownerName: 'Streets Department' } });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task.dueOn).toBe(new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10));
    const noOwner = await app.inject({ method: 'POST', url: `/api/programs/walks/${walkId}/tasks`, headers: { cookie: lead.cookie }, payload: { concern: 'other', description: 'Nobody' } });
    expect(noOwner.json().error.message).toContain('body.ownerName');
    const done = await app.inject({ method: 'PATCH', url: `/api/programs/walks/tasks/${task.id}`, headers: { cookie: lead.cookie }, payload: { status: 'done' } });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
  });
});

describe('impact and packet', () => {
  it('counts incidents in the canvass area before and after against the city, leaving out the walk’s own incident', async () => {
    await app.inject({ method: 'POST', url: `/api/programs/walks/${walkId}/status`, headers: { cookie: lead.cookie }, payload: { status: 'completed' } });
    const [walk] = await db.query<{ completed_at: Date }>('SELECT completed_at FROM walks WHERE id = $1', [walkId]);
    const at = walk.completed_at.getTime();
    await insertIncidents(db, agencyId, [
      { occurredAt: new Date(at - 3 * DAY), lon: -75.1601, lat: 39.9501 },
      { occurredAt: new Date(at - 10 * DAY), lon: -75.1601, lat: 39.9502 },
      { occurredAt: new Date(at - 5 * DAY), lon: -75.10, lat: 39.99 },
      { occurredAt: new Date(at - 6 * DAY), lon: -75.10, lat: 39.99 },
    ]);
    // The fixture stores x = y = 0; give them their real projected place, as the importer would.
    await db.query("UPDATE incidents SET x = (SELECT center_x FROM walks WHERE id = $1) + 15, y = (SELECT center_y FROM walks WHERE id = $1) WHERE source_system = 'test' AND lon = -75.1601", [walkId]);
    await db.query("UPDATE incidents SET x = 1e6, y = 1e6 WHERE source_system = 'test' AND lon = -75.10");
    const res = await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/impact?days=14`, headers: { cookie: lead.cookie } });
    const impact = res.json();
    expect(impact).toMatchObject({ days: 14, incidentsBefore: 2, incidentsAfter: 0, cityBefore: 4, cityAfter: 0, expectedAfter: 0, tipsAtDoors: 1 });
    // The two weeks after the walk are not in the data yet: the figures say so, and the total leaves it out.
    expect(impact.complete).toBe(false);
    expect(impact.series.week).toEqual([-2, -1, 0, 1]);
    expect(impact.series.local).toEqual([1, 1, 0, 0]);
    const summary = await app.inject({ method: 'GET', url: '/api/programs/walks/summary?days=14', headers: { cookie: lead.cookie } });
    expect(summary.json().outputs).toMatchObject({ doors: 4, conversations: 2, watchSignUps: 1, tipsAtDoors: 1, onTimeRate: 100 });
    expect(summary.json().impact).toMatchObject({ walks: 0, excluded: 1, incidentsBefore: 0 });
  });

  it('makes the packet in Spanish as data and as a PDF', async () => {
    const data = await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/packet?lang=es`, headers: { cookie: lead.cookie } });
    expect(data.json().text.title).toBe('Caminata de Impacto Vecinal');
    expect(data.json().scene.canvass).toEqual({ kind: 'circle', radius: 300 });
    expect(data.json().scene.blocks.length).toBeGreaterThan(0);
    const pdf = await app.inject({ method: 'GET', url: `/api/programs/walks/${walkId}/packet.pdf?lang=es`, headers: { cookie: lead.cookie } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
  });
});
