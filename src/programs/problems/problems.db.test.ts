import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { importAreas } from '../../core/places/index.js';
import { distanceToRings } from './buffer.js';

let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let lead: TestStaff;
let command: TestStaff;
let partner: TestStaff;
let sco: TestStaff;
let stranger: TestStaff;
let zoneId: number;
let postId: number;

const square = (lon: number, lat: number, d: number) => ({ type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] });

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  lead = await insertStaff(db, agencyId, ['problems:read', 'problems:manage', 'problems:respond', 'incidents:import']);
  command = await insertStaff(db, agencyId, ['problems:read', 'problems:assign']);
  partner = await insertStaff(db, agencyId, ['problems:respond']);
  sco = await insertStaff(db, agencyId, ['problems:engage', 'problems:read']);
  stranger = await insertStaff(db, await insertAgency(db), ['problems:read', 'problems:manage']);
  const actor = { label: 'test' };
  const feature = (name: string, geometry: unknown) => ({ type: 'Feature' as const, properties: { name }, geometry });
  await importAreas({ db, agencyId, kind: 'crt_zone', nameField: 'name', actor, featureCollection: { features: [feature('Zone A', square(-75.15, 39.99, 0.005))] } });
  await importAreas({ db, agencyId, kind: 'sco_post', nameField: 'name', actor, featureCollection: { features: [feature('Post B', square(-75.20, 39.96, 0.002))] } });
  [{ id: zoneId }] = await db.query<{ id: number }>("SELECT id FROM areas WHERE kind = 'crt_zone'");
  [{ id: postId }] = await db.query<{ id: number }>("SELECT id FROM areas WHERE kind = 'sco_post'");
  // Shootings: 6 in the zone before 1 March 2023 and 2 after; 2 in the buffer before, 3 after; 20 and 20 far away.
  const post = (lon: number, lat: number, date: string) => app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: lead.cookie },
    payload: { category: 'shooting', occurredAt: `${date}T12:00:00Z`, lon, lat } });
  for (let k = 0; k < 6; k++) await post(-75.15 + k * 0.0005, 39.99, `2023-01-${10 + k}`);
  for (let k = 0; k < 2; k++) await post(-75.15, 39.99 + k * 0.0005, `2023-04-${10 + k}`);
  for (let k = 0; k < 2; k++) await post(-75.1425, 39.99, `2023-02-0${1 + k}`); // ~215 m east of the zone's edge
  for (let k = 0; k < 3; k++) await post(-75.1425, 39.99, `2023-04-0${1 + k}`);
  for (let k = 0; k < 20; k++) { await post(-75.10, 39.95, `2023-01-${10 + k}`); await post(-75.10, 39.95, `2023-04-${10 + k}`); }
});
afterAll(async () => { await app.close(); await db.drop(); });

const call = (staff: TestStaff, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url: `/api/programs/problems${url}`, headers: { cookie: staff.cookie }, payload: payload as object });

describe('coverage of CRT zones and SCO posts', () => {
  it('assigns teams and officers, keeps history, and checks the area kind', async () => {
    expect((await call(lead, 'POST', '/assignments', { areaId: zoneId, role: 'crt', teamName: 'CRT 1', startsOn: '2023-01-01' })).statusCode).toBe(403);
    const first = await call(command, 'POST', '/assignments', { areaId: postId, role: 'sco', userId: sco.userId, startsOn: '2022-01-01' });
    expect(first.statusCode).toBe(201);
    await call(command, 'POST', `/assignments/${first.json().id}/end`, { endsOn: '2022-12-31' });
    await call(command, 'POST', '/assignments', { areaId: postId, role: 'sco', teamName: 'Relief', startsOn: '2023-01-01' });
    const wrongKind = await call(command, 'POST', '/assignments', { areaId: zoneId, role: 'sco', teamName: 'X', startsOn: '2023-01-01' });
    expect(wrongKind.json().error.message).toContain('is a crt_zone, not a sco_post');
    const history = (await call(command, 'GET', `/assignments?areaId=${postId}`)).json();
    expect(history.map((h: { endsOn: string | null }) => h.endsOn)).toEqual([null, '2022-12-31']);
    const coverage = (await call(command, 'GET', '/coverage')).json();
    expect(coverage.find((c: { areaId: number }) => c.areaId === postId).current.map((c: { teamName: string }) => c.teamName)).toEqual(['Relief']);
  });
});

describe('a problem carried through SARA', () => {
  let id: number;

  it('opens in scanning, links incidents, records the defining meeting', async () => {
    const res = await call(lead, 'POST', '/', { title: 'Shootings in Zone A', areaId: zoneId, categories: ['shooting'] });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().stage).toBe('scanning');
    expect((await call(lead, 'POST', `/${id}/incidents`, { fromArea: true, days: 365 })).json().linked).toBe(8);
    const meeting = await call(lead, 'POST', '/meetings', { heldAt: '2023-02-15T23:00:00Z', place: 'Library', areaId: zoneId, attendance: 30, issues: ['Gunfire at night'], problemIds: [id] });
    expect(meeting.statusCode).toBe(201);
  });

  it('moves one stage at a time and refuses to skip what a stage rests on', async () => {
    const skip = await call(lead, 'POST', `/${id}/stage`, { stage: 'response' });
    expect(skip.json().error.message).toContain('from scanning the next stage is analysis');
    await call(lead, 'POST', `/${id}/stage`, { stage: 'analysis' });
    await call(lead, 'PATCH', `/${id}`, { analysis: { places: 'Two corners' } });
    await call(lead, 'POST', `/${id}/stage`, { stage: 'response' });
    const early = await call(lead, 'POST', `/${id}/stage`, { stage: 'assessment' });
    expect(early.json().error.message).toContain('record at least one response');
  });

  it('records responses by police and partners; partners see only the brief', async () => {
    const police = await call(lead, 'POST', `/${id}/responses`, { kind: 'presence', description: 'Foot patrol', byWhom: 'CRT 1', startedOn: '2023-03-01' });
    expect(police.json().responseStart).toBe('2023-03-01');
    const bad = await call(partner, 'POST', `/${id}/responses`, { kind: 'community', description: 'Outreach', byWhom: 'CeaseFire', isPartner: true, startedOn: '2023-03-05', endedOn: '2023-03-01' });
    expect(bad.json().error.message).toContain('body.endedOn');
    expect((await call(partner, 'POST', `/${id}/responses`, { kind: 'community', description: 'Outreach', byWhom: 'CeaseFire', isPartner: true, startedOn: '2023-03-05' })).statusCode).toBe(201);
    expect((await call(partner, 'GET', `/${id}`)).statusCode).toBe(403);
    expect((await call(partner, 'GET', `/${id}/brief`)).json().responses).toHaveLength(2);
  });

  it('assesses with before/after counts and the WDQ, then closes', async () => {
    await call(lead, 'POST', `/${id}/stage`, { stage: 'assessment' });
    const res = await call(lead, 'POST', `/${id}/assessment`, { days: 90, bufferM: 400 });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.counts).toEqual({ targetBefore: 6, targetAfter: 2, bufferBefore: 2, bufferAfter: 3, controlBefore: 20, controlAfter: 20 });
    expect(a.targetChange).toBe(-66.7);
    expect(a.wdq.computable).toBe(true);
    expect(a.wdq.wdq).toBeCloseTo((3 / 20 - 2 / 20) / (2 / 20 - 6 / 20), 6);
    expect(a.wdq.interpretation).toContain('displacement');
    const closed = await call(lead, 'POST', `/${id}/stage`, { stage: 'closed' });
    expect(closed.json().stage).toBe('closed');
    expect(closed.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'incidents', 'meeting', 'stage', 'updated', 'stage', 'response', 'response', 'stage', 'assessment', 'stage']);
    expect((await call(stranger, 'GET', `/${id}`)).statusCode).toBe(404);
  });
});

describe('the SCO engagement log', () => {
  it('takes contacts, referrals and activities, and has no place for arrests', async () => {
    const ok = await call(sco, 'POST', '/engagements', { occurredAt: '2023-05-01T18:00:00Z', areaId: postId, kind: 'referral', topic: 'Youth job', referredTo: 'Summer jobs program' });
    expect(ok.statusCode).toBe(201);
    const arrest = await call(sco, 'POST', '/engagements', { occurredAt: '2023-05-01T18:00:00Z', kind: 'arrest', topic: 'Warrant' });
    expect(arrest.json().error.message).toContain('not arrests or citations');
    const noTarget = await call(sco, 'POST', '/engagements', { occurredAt: '2023-05-01T18:00:00Z', kind: 'referral', topic: 'Help' });
    expect(noTarget.json().error.message).toContain('body.referredTo');
    expect((await call(sco, 'GET', '/engagements')).json().totals).toEqual([{ kind: 'referral', entries: 1, people: 1 }]);
  });
});

describe('buffer geometry', () => {
  it('measures the distance from a point to the nearest edge', () => {
    const ring: Array<[number, number]> = [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]];
    expect(distanceToRings([150, 50], [ring])).toBe(50);
    expect(distanceToRings([103, 104], [ring])).toBe(5);
  });
});
