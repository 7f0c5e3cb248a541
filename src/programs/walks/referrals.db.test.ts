/**
 * Resources a walk team gives at a door become referrals in the services directory (the resources program),
 * through the core event 'referrals.given': once per visit and need however often the phone re-sends, to the
 * best listed service, and walks works the same with no directory program installed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { buildApp } from '../../server/app.js';
import { testConfig } from '../../server/auth/testing.js';
import { EventBus, subscribePrograms } from '../../core/events/bus.js';
import { programs } from '../registry.js';

let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let lead: TestStaff;
let referrer: TestStaff;
let walkId: number;
const services: Record<string, number> = {};

const DAY = 86_400_000;
const visit = (overrides: Record<string, unknown> = {}) => ({ id: randomUUID(), visitedAt: new Date().toISOString(), outcome: 'conversation', ...overrides });
const send = (target: FastifyInstance, visits: unknown[]) =>
  target.inject({ method: 'POST', url: `/api/programs/walks/${walkId}/visits`, headers: { cookie: lead.cookie }, payload: { visits } });
const referralsOf = (visitId: string) => db.query<{ service_id: number; need: string; referred_on: string; source_program: string; created_by: number }>(
  "SELECT service_id, need, to_char(referred_on, 'YYYY-MM-DD') AS referred_on, source_program, created_by FROM resource_referrals WHERE source_ref = $1 ORDER BY need",
  [visitId]);

async function listService(agency: number, name: string, needs: string[], area: number | null = null): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO resource_services (agency_id, name, description, needs, languages, citywide, area_ids, phone)
     VALUES ($1, $2, '{"en":"x","es":"x"}', $3, '{en}', $4, $5, '555-0100') RETURNING id`,
    [agency, name, needs, area === null, area === null ? [] : [area]]);
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  lead = await insertStaff(db, agencyId, ['walks:read', 'walks:manage', 'walks:field', 'incidents:import']);
  referrer = await insertStaff(db, agencyId, ['resources:refer']);
  const res = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: lead.cookie },
    payload: { category: 'homicide', occurredAt: new Date(Date.now() - DAY).toISOString(), lon: -75.16, lat: 39.95, address: '1200 MARKET ST' } });
  [{ id: walkId }] = await db.query<{ id: number }>('SELECT id FROM walks WHERE incident_id = $1', [res.json().id]);
  // A neighborhood around the walk, and one far away.
  const square = (lon: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lon - 0.01, lat - 0.01], [lon + 0.01, lat - 0.01], [lon + 0.01, lat + 0.01], [lon - 0.01, lat + 0.01], [lon - 0.01, lat - 0.01]]] });
  const area = async (name: string, lon: number, lat: number) => (await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'neighborhood', $2, $3, $4) RETURNING id`,
    [agencyId, name, JSON.stringify(square(lon, lat)), [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01]]))[0].id;
  const here = await area('Center City test', -75.16, 39.95);
  const far = await area('Far away test', -75.0, 40.1);
  const other = await insertAgency(db);
  services.otherCrisis = await listService(other, 'Another agency crisis line', ['crisis']);
  services.crisis = await listService(agencyId, 'Citywide crisis line', ['crisis', 'mental_health']);
  services.victimsCitywide = await listService(agencyId, 'Citywide victim services', ['victim_services']);
  services.victimsHere = await listService(agencyId, 'Victim advocates, Center City', ['victim_services'], here);
  services.victimsFar = await listService(agencyId, 'Victim advocates, far away', ['victim_services'], far);
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('referrals from walk visits', () => {
  const batch = [
    visit({ resources: ['crisis_line', 'tip_line'] }),
    visit({ resources: ['victim_services', 'youth_programs', 'city_311'] }),
    visit({ outcome: 'no_answer' }),
  ];

  it('records a referral per resource given that a directory service meets, to the best service for the place', async () => {
    expect((await send(app, batch)).statusCode).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    // The crisis line maps to the agency's own crisis service, not another agency's.
    expect(await referralsOf(batch[0].id)).toEqual([{ service_id: services.crisis, need: 'crisis', referred_on: today, source_program: 'walks', created_by: lead.userId }]);
    // Victim services go to the advocates covering the walk's neighborhood; no directory service meets 'youth', and
    // the tip line and 311 are not directory needs, so nothing else is recorded.
    expect((await referralsOf(batch[1].id)).map((r) => [r.need, r.service_id])).toEqual([['victim_services', services.victimsHere]]);
    expect(await referralsOf(batch[2].id)).toEqual([]);
    const audit = await db.query<{ details: { sourceProgram: string } }>(
      "SELECT details FROM audit_log WHERE action = 'resources.referral.create' AND actor_user_id = $1", [lead.userId]);
    expect(audit.map((a) => a.details.sourceProgram)).toEqual(['walks', 'walks']);
    // Staff see them with their source in the referral list.
    const list = await app.inject({ method: 'GET', url: '/api/programs/resources/referrals', headers: { cookie: referrer.cookie } });
    expect(list.json().filter((r: { sourceProgram: string | null }) => r.sourceProgram === 'walks').map((r: { sourceRef: string }) => r.sourceRef).sort())
      .toEqual([batch[0].id, batch[1].id].sort());
  });

  it('adds nothing when the phone sends the same visits again', async () => {
    const before = await db.query('SELECT id FROM resource_referrals');
    const again = await send(app, [...batch, visit({ resources: ['crisis_line'] })]);
    expect(again.json().inserted).toBe(1);
    const after = await db.query('SELECT id FROM resource_referrals');
    expect(after).toHaveLength(before.length + 1);
    expect(await referralsOf(batch[0].id)).toHaveLength(1);
    // A staff member recording the same source and need by hand is told it exists.
    const dup = await app.inject({ method: 'POST', url: '/api/programs/resources/referrals', headers: { cookie: referrer.cookie },
      payload: { serviceId: services.crisis, need: 'crisis', referredOn: '2020-01-01', sourceProgram: 'walks', sourceRef: batch[0].id } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('body.sourceRef');
  });

  it('works without a services directory: the visits are stored and no referral is made', async () => {
    const withoutResources = await buildApp({ db, config: testConfig(), events: subscribePrograms(new EventBus(), programs.filter((p) => p.id !== 'resources')) });
    await withoutResources.ready();
    try {
      const lone = visit({ resources: ['crisis_line', 'victim_services'] });
      const res = await send(withoutResources, [lone]);
      expect(res.statusCode).toBe(200);
      expect(res.json().inserted).toBe(1);
      expect(await referralsOf(lone.id)).toEqual([]);
      // Sent again once the directory is there, the same visit becomes its referrals.
      expect((await send(app, [lone])).json().inserted).toBe(0);
      expect((await referralsOf(lone.id)).map((r) => r.need)).toEqual(['crisis', 'victim_services']);
    } finally {
      await withoutResources.close();
    }
  });
});
