import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertIncidents, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;
let analyst: TestStaff;
let outsider: TestStaff;
let areaId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  const otherAgency = await insertAgency(db);
  outsider = await insertStaff(db, otherAgency, ['incidents:read']);
  [{ id: areaId }] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'district', 'District 1', '{"type":"Polygon","coordinates":[]}', '{0,0,0,0}') RETURNING id`, [agencyId]);
  await insertIncidents(db, agencyId, [
    { category: 'homicide', occurredAt: '2022-01-05T10:00:00Z', areaIds: [areaId], lon: -75.10, lat: 39.98 },
    { category: 'shooting', occurredAt: '2022-01-06T10:00:00Z', areaIds: [areaId], lon: -75.20, lat: 39.90 },
    { category: 'shooting', occurredAt: '2022-02-10T10:00:00Z', lon: -75.15, lat: 40.05 },
    { category: 'burglary', occurredAt: '2021-12-31T23:59:00Z' },
  ]);
  await insertIncidents(db, otherAgency, [{ category: 'homicide', occurredAt: '2022-01-05T10:00:00Z' }]);
});
afterAll(async () => { await app.close(); await db.drop(); });

const get = (url: string, staff: TestStaff = analyst) => app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });

describe('GET /api/incidents', () => {
  it("lists only the actor's agency, newest first, with the total", async () => {
    const res = await get('/api/incidents');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: Array<{ category: string }>; total: number }>();
    expect(body.total).toBe(4);
    expect(body.items.map((i) => i.category)).toEqual(['shooting', 'shooting', 'homicide', 'burglary']);
    expect((await get('/api/incidents', outsider)).json().total).toBe(1);
  });

  it('filters by date range (to is exclusive), category list, area and bounding box', async () => {
    expect((await get('/api/incidents?from=2022-01-01&to=2022-02-10T10:00:00Z')).json().total).toBe(2);
    expect((await get('/api/incidents?category=shooting,homicide')).json().total).toBe(3);
    expect((await get(`/api/incidents?area=${areaId}`)).json().total).toBe(2);
    expect((await get('/api/incidents?bbox=-75.25,39.85,-75.17,39.99')).json().total).toBe(1);
  });

  it('answers GeoJSON for maps', async () => {
    const res = await get('/api/incidents?format=geojson&category=homicide');
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry.coordinates).toEqual([-75.1, 39.98]);
    expect(fc.features[0].properties).toMatchObject({ category: 'homicide', hundredBlock: '100 BLOCK TEST ST' });
  });

  it('names the bad parameter', async () => {
    const res = await get('/api/incidents?from=yesterday-ish');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^querystring\.from: /);
    const bbox = await get('/api/incidents?bbox=1,2,3');
    expect(bbox.json().error.message).toContain('querystring.bbox: must be west,south,east,north');
  });

  it('audits every read of incidents, and refuses without a session', async () => {
    const before = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'incidents.read' AND actor_user_id = $1", [analyst.userId]);
    await get('/api/incidents?category=burglary');
    const after = await db.query<{ n: number; details: { returned: number } }>(
      "SELECT count(*)::int AS n, (array_agg(details ORDER BY id DESC))[1] AS details FROM audit_log WHERE action = 'incidents.read' AND actor_user_id = $1", [analyst.userId]);
    expect(after[0].n).toBe(before[0].n + 1);
    expect(after[0].details.returned).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/incidents' })).statusCode).toBe(401);
  });

  it("returns 404 for another agency's incident", async () => {
    const [theirs] = await db.query<{ id: number }>('SELECT id FROM incidents WHERE agency_id = $1', [outsider.agencyId]);
    expect((await get(`/api/incidents/${theirs.id}`)).statusCode).toBe(404);
    const own = await get(`/api/incidents/${theirs.id}`, outsider);
    expect(own.statusCode).toBe(200);
  });

  it('counts by category and week', async () => {
    const stats = (await get('/api/incidents/stats?from=2022-01-01')).json();
    expect(stats.byCategory).toEqual([{ category: 'shooting', count: 2 }, { category: 'homicide', count: 1 }]);
    expect(stats.byWeek.reduce((s: number, w: { count: number }) => s + w.count, 0)).toBe(3);
  });
});
