import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { importAreas } from '../../core/places/index.js';
import { EventBus } from '../../core/events/bus.js';

let db: TestDatabase;
let app: FastifyInstance;
let recorder: TestStaff;
let reader: TestStaff;
let areaId: number;
const published: Array<{ agencyId: number; incidentIds: number[] }> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const events = new EventBus();
  events.on('incidents.recorded', async (payload) => { published.push(payload); });
  const { buildApp } = await import('../app.js');
  const { testConfig } = await import('../../testing/fixtures.js');
  app = await buildApp({ db, config: testConfig(), events });
  await app.ready();
  const agencyId = await insertAgency(db);
  recorder = await insertStaff(db, agencyId, ['incidents:import']);
  reader = await insertStaff(db, agencyId, ['incidents:read']);
  const square = { type: 'Polygon', coordinates: [[[-75.17, 39.94], [-75.15, 39.94], [-75.15, 39.96], [-75.17, 39.96], [-75.17, 39.94]]] };
  await importAreas({ db, agencyId, kind: 'district', nameField: 'name', actor: { label: 'test' }, featureCollection: { features: [{ type: 'Feature', properties: { name: 'D1' }, geometry: square }] } });
  [{ id: areaId }] = await db.query<{ id: number }>("SELECT id FROM areas WHERE name = 'D1'");
});
afterAll(async () => { await app.close(); await db.drop(); });

const post = (staff: TestStaff, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: staff.cookie }, payload });
const shooting = { category: 'shooting', occurredAt: '2026-01-05T03:10:00Z', lon: -75.16, lat: 39.95, address: '1234 MARKET ST', sourceSystem: 'cad', sourceId: 'A-1' };

describe('POST /api/incidents', () => {
  it('records one incident with projected x/y, area memberships and a hundred block, audited and announced', async () => {
    const res = await post(recorder, shooting);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ created: true, category: 'shooting', hundredBlock: '1200 BLOCK MARKET ST', areaIds: [areaId] });
    // UTM zone 18 north: about 486 km east, 4,422 km north.
    expect(body.x).toBeGreaterThan(480_000);
    expect(body.y).toBeGreaterThan(4_400_000);
    expect(published).toEqual([{ agencyId: recorder.agencyId, incidentIds: [body.id] }]);
    const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'incidents.record' AND target_id = $1", [String(body.id)]);
    expect(audit).toHaveLength(1);
  });

  it('answers the stored incident for the same source id, without announcing it again', async () => {
    const res = await post(recorder, shooting);
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(false);
    expect(published).toHaveLength(1);
  });

  it('names the field that is wrong', async () => {
    expect((await post(recorder, { ...shooting, sourceId: 'x', category: 'jaywalking' })).json().error.message).toContain('category');
    expect((await post(recorder, { ...shooting, sourceId: 'y', lon: -122.4, lat: 37.8 })).json().error.message).toContain('km from the agency centre');
    expect((await post(recorder, { ...shooting, sourceId: 'z', occurredAt: '2099-01-01T00:00:00Z' })).json().error.message).toContain('occurredAt');
    expect((await post(recorder, { ...shooting, sourceId: 'w', victimCount: 1, fatalCount: 2 })).json().error.message).toContain('body.fatalCount');
  });

  it('needs incidents:import', async () => {
    expect((await post(reader, { ...shooting, sourceId: 'r' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/incidents', payload: shooting })).statusCode).toBe(401);
  });
});
