import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { resourceStats } from './stats.js';

let db: TestDatabase;
let app: FastifyInstance;
let editor: TestStaff;
let officer: TestStaff;
let partner: TestStaff;
let areaId: number;
const BASE = '/api/programs/resources';

const service = (overrides: object = {}) => ({
  name: 'Crisis line', description: { en: 'Call any time.', es: 'Llame a cualquier hora.' }, needs: ['crisis'], languages: ['en', 'es'],
  phone: '215-555-0100', available24h: true, ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  editor = await insertStaff(db, agencyId, ['resources:manage', 'resources:refer']);
  officer = await insertStaff(db, agencyId, ['resources:refer']);
  partner = await insertStaff(db, await insertAgency(db, { kind: 'organisation' }), ['resources:refer']);
  [{ id: areaId }] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'neighborhood', 'Kensington', '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}', '{0,0,1,1}') RETURNING id`, [agencyId]);
  for (const input of [
    service(),
    service({ name: 'Tiếng Việt victim advocates', needs: ['victim_services'], languages: ['en', 'vi', 'km'], available24h: false, citywide: false, areaIds: [areaId], address: '100 Main St', lon: -75.1, lat: 39.99 }),
    service({ name: 'Safe house', needs: ['domestic_violence', 'housing'], languages: ['en', 'es'], confidentialLocation: true }),
    service({ name: 'Youth league', needs: ['youth'], languages: ['en'], available24h: false, website: 'https://league.example.org', phone: null }),
  ]) {
    const res = await staff('POST', '/services', input, editor);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => { await app.close(); await db.drop(); });

function staff(method: 'GET' | 'POST' | 'PATCH', url: string, payload: object | undefined, who: TestStaff) {
  return app.inject({ method, url: `${BASE}${url}`, headers: { cookie: who.cookie }, payload });
}
const search = async (query: string) =>
  (await app.inject({ method: 'GET', url: `${BASE}/public/services?${query}` })).json<Array<{ name: string }>>().map((s) => s.name);
const serviceId = async (name: string) => (await db.query<{ id: number }>('SELECT id FROM resource_services WHERE name = $1', [name]))[0].id;

describe('the services directory (public)', () => {
  it('finds services by need, language, area and keyword; 24-hour lines first', async () => {
    expect(await search('')).toEqual(['Crisis line', 'Safe house', 'Tiếng Việt victim advocates', 'Youth league']);
    expect(await search('need=victim_services')).toEqual(['Tiếng Việt victim advocates']);
    expect(await search('language=km')).toEqual(['Tiếng Việt victim advocates']);
    expect(await search('language=es&need=housing')).toEqual(['Safe house']);
    // A neighborhood gets its own services and the citywide ones; another area only the citywide ones.
    expect(await search(`area=${areaId}`)).toContain('Tiếng Việt victim advocates');
    expect(await search(`area=${areaId + 1000}`)).not.toContain('Tiếng Việt victim advocates');
    expect(await search('q=LEAGUE')).toEqual(['Youth league']);
    expect(await search('q=100%25')).toEqual([]);
    const needs = await app.inject({ method: 'GET', url: `${BASE}/public/needs` });
    expect(needs.json()[0]).toEqual({ code: 'crisis', label: { en: 'Mental-health crisis', es: 'Crisis de salud mental' } });
  });

  it('publishes the directory as CSV and GeoJSON without any confidential location', async () => {
    const csv = await app.inject({ method: 'GET', url: `${BASE}/public/services?format=csv` });
    expect(csv.headers['content-disposition']).toContain('resource-directory.csv');
    expect(csv.body.split('\r\n')).toHaveLength(6);
    const geo = await app.inject({ method: 'GET', url: `${BASE}/public/services?format=geojson` });
    expect(geo.json().features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Tiếng Việt victim advocates']);
    const open = await app.inject({ method: 'GET', url: '/api/public/open-data' });
    expect(open.json().datasets.find((d: { id: string }) => d.id === 'resource-directory')).toMatchObject({ programId: 'resources' });
  });

  it('names the field of a listing that is incomplete or would reveal a confidential location', async () => {
    const cases: Array<[object, string]> = [
      [service({ needs: ['pets'] }), 'body.needs'],
      [service({ phone: null }), 'body.phone'],
      [service({ confidentialLocation: true, address: '1 Secret St' }), 'body.address'],
      [service({ citywide: false }), 'body.areaIds'],
      [service({ website: 'javascript:alert(1)' }), 'body.website'],
      [service({ description: { en: 'Only English' } }), 'body.description.es'],
    ];
    for (const [payload, field] of cases) {
      const res = await staff('POST', '/services', payload, editor);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    expect((await staff('POST', '/services', service(), officer)).statusCode).toBe(403);
  });
});

describe('referrals', () => {
  it('records referrals without personal data, from staff and from other programs by id', async () => {
    const crisis = await serviceId('Crisis line');
    const ok = await staff('POST', '/referrals', { serviceId: crisis, need: 'crisis', referredOn: '2025-02-03', caseRef: '25-014233' }, officer);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ serviceName: 'Crisis line', takenUp: 'unknown', caseRef: '25-014233' });
    const fromWalk = await staff('POST', '/referrals', { serviceId: crisis, need: 'crisis', referredOn: '2025-02-04', takenUp: 'yes', sourceProgram: 'walks', sourceRef: '42' }, officer);
    expect(fromWalk.json()).toMatchObject({ sourceProgram: 'walks', sourceRef: '42' });
    const name = await staff('POST', '/referrals', { serviceId: crisis, need: 'crisis', referredOn: '2025-02-03', caseRef: 'John Smith' }, officer);
    expect(name.json().error.message).toContain('body.caseRef');
    const wrongNeed = await staff('POST', '/referrals', { serviceId: crisis, need: 'youth', referredOn: '2025-02-03' }, officer);
    expect(wrongNeed.json().error.message).toContain('body.need');
    expect((await app.inject({ method: 'POST', url: `${BASE}/referrals`, payload: { serviceId: crisis, need: 'crisis', referredOn: '2025-02-03' } })).statusCode).toBe(401);
  });

  it('lets a partner organisation refer to the shared directory, but keeps each agency to its own referrals', async () => {
    const league = await serviceId('Youth league');
    const res = await staff('POST', '/referrals', { serviceId: league, need: 'youth', referredOn: '2025-03-01', takenUp: 'no' }, partner);
    expect(res.statusCode).toBe(201);
    expect((await staff('GET', '/referrals', undefined, partner)).json()).toHaveLength(1);
    expect((await staff('GET', '/referrals', undefined, officer)).json()).toHaveLength(2);
    expect((await staff('PATCH', `/referrals/${res.json().id}`, { takenUp: 'yes' }, officer)).statusCode).toBe(404);
  });

  it('updates take-up with an audit trail and counts referrals by need and service', async () => {
    const [first] = (await staff('GET', '/referrals?from=2025-02-03&to=2025-02-03', undefined, officer)).json<Array<{ id: number }>>();
    expect((await staff('PATCH', `/referrals/${first.id}`, { takenUp: 'yes' }, officer)).json().takenUp).toBe('yes');
    const trail = await db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE target_type = 'resource_referral' AND target_id = $1 ORDER BY id", [String(first.id)]);
    expect(trail.map((t) => t.action)).toEqual(['resources.referral.create', 'resources.referral.update']);
    expect(trail[1].details).toEqual({ takenUpFrom: 'unknown', takenUpTo: 'yes' });
    const stats = (await staff('GET', '/referrals/stats', undefined, officer)).json();
    expect(stats.total).toEqual({ total: 2, yes: 2, no: 0, unknown: 0 });
    expect(stats.byNeed).toEqual([{ need: 'crisis', total: 2, yes: 2, no: 0, unknown: 0 }]);
    expect(stats.byService[0]).toMatchObject({ serviceName: 'Crisis line', total: 2 });
  });

  it('unlists a service from the public directory', async () => {
    const league = await serviceId('Youth league');
    expect((await staff('PATCH', `/services/${league}`, { active: false }, editor)).json().active).toBe(false);
    expect(await search('')).not.toContain('Youth league');
    expect((await staff('GET', '/services', undefined, editor)).json()).toHaveLength(4);
    const stats = await resourceStats(db);
    expect(stats.find((s) => s.key === 'services')?.value).toBe(3);
  });
});
