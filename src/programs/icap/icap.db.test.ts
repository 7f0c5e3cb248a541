import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { createRng } from '../../analytics/index.js';

let db: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let agencyId: number;
let analyst: TestStaff;
let officer: TestStaff;
let noAlerts: TestStaff;

const DAY = 86_400_000;

/** Shootings of the last year in a 3 km square, pairs of them 50 m and 3 days apart (a near-repeat pattern). */
async function seedShootings() {
  const rng = createRng(7);
  const [agency] = await db.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
  expect(agency.projection).toContain('utm');
  for (let k = 0; k < 80; k++) {
    const lon = -75.17 + rng.next() * 0.035;
    const lat = 39.98 + rng.next() * 0.027;
    const at = Date.now() - (20 + rng.next() * 330) * DAY;
    for (const [dLon, dt] of [[0, 0], [0.0006, 3 * DAY]] as const) {
      await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie },
        payload: { category: 'shooting', occurredAt: new Date(at + dt).toISOString(), lon: lon + dLon, lat, address: `${100 + k} N TEST ST` } });
    }
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  agencyId = await insertAgency(db);
  analyst = await insertStaff(db, agencyId, ['incidents:import', 'icap:read', 'icap:manage', 'icap:alerts', 'walks:read']);
  officer = await insertStaff(db, agencyId, ['icap:alerts', 'icap:read']);
  noAlerts = await insertStaff(db, agencyId, ['icap:read']);
  await seedShootings();
});
afterAll(async () => { await app.close(); await db.drop(); });

/** Opens the SSE stream and collects frames until `until` is satisfied or the time runs out. */
async function collect(cookie: string, until: (frames: string[]) => boolean, action: () => Promise<unknown>, timeoutMs = 5000): Promise<string[]> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/realtime/stream`, { headers: { cookie }, signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const frames: string[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  let acted = false;
  try {
    while (Date.now() < deadline && !until(frames)) {
      const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), Math.max(1, deadline - Date.now())))]);
      if (value) buffer += new TextDecoder().decode(value);
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      frames.push(...parts);
      if (!acted && frames.some((f) => f.includes('event: ready'))) { acted = true; await action(); }
      if (done) break;
    }
  } finally {
    controller.abort();
  }
  return frames;
}

describe('retaliation alerts', () => {
  it('learns the near-repeat radius and window from the agency’s own shootings', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/programs/icap/near-repeat', headers: { cookie: analyst.cookie }, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ events: 160, significant: true, radiusM: 100, windowDays: 7 });
  });

  it('pushes an alert to allowed staff within a second of a shooting being posted, and opens a walk', async () => {
    let posted = 0;
    const frames = await collect(officer.cookie, (f) => f.some((x) => x.includes('event: icap.alert')), async () => {
      posted = Date.now();
      const res = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie },
        payload: { category: 'shooting', occurredAt: new Date().toISOString(), lon: -75.155, lat: 39.99, address: '2900 N 5TH ST' } });
      expect(res.statusCode).toBe(201);
    });
    const frame = frames.find((f) => f.includes('event: icap.alert'))!;
    expect(Date.now() - posted).toBeLessThan(1000);
    const alert = JSON.parse(frame.split('\ndata: ')[1]);
    expect(alert).toMatchObject({ category: 'shooting', hundredBlock: '2900 BLOCK N 5TH ST', radiusM: 100, windowDays: 7 });
    expect(alert.walkId).toEqual(expect.any(Number));
    expect(new Date(alert.riskUntil).getTime() - new Date(alert.occurredAt).getTime()).toBe(7 * DAY);
  });

  it('does not send alerts to staff without icap:alerts, nor for old shootings', async () => {
    const frames = await collect(noAlerts.cookie, () => false, async () => {
      await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie },
        payload: { category: 'shooting', occurredAt: new Date().toISOString(), lon: -75.15, lat: 39.985 } });
    }, 1500);
    expect(frames.some((f) => f.includes('icap.alert'))).toBe(false);
    await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie: analyst.cookie },
      payload: { category: 'shooting', occurredAt: new Date(Date.now() - 40 * DAY).toISOString(), lon: -75.15, lat: 39.985, sourceId: 'old-one' } });
    const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM icap_alerts a JOIN incidents i ON i.id = a.incident_id WHERE i.source_id = 'old-one'");
    expect(n).toBe(0);
    expect((await fetch(`${baseUrl}/api/realtime/stream`)).status).toBe(401);
  });
});

describe('the weekly briefing', () => {
  it('is generated on demand with CompStat, hot spots, risk zones and walks, and renders as a PDF', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/programs/icap/briefings', headers: { cookie: analyst.cookie }, payload: {} });
    expect(res.statusCode).toBe(201);
    const { id, content } = res.json();
    expect(content.compstat.citywide.find((r: { category: string }) => r.category === 'shooting').ytd).toBeGreaterThan(0);
    expect(content.riskZones.filter((z: { active: boolean }) => z.active).length).toBeGreaterThanOrEqual(2);
    expect(content.walks.due.length).toBeGreaterThanOrEqual(2);
    expect(content.tips).not.toBeUndefined();
    const pdf = await app.inject({ method: 'GET', url: `/api/programs/icap/briefings/${id}/pdf`, headers: { cookie: officer.cookie } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await app.inject({ method: 'POST', url: '/api/programs/icap/briefings', headers: { cookie: analyst.cookie }, payload: { asOf: 'soon' } });
    expect(bad.json().error.message).toContain('body.asOf');
    expect((await app.inject({ method: 'POST', url: '/api/programs/icap/briefings', headers: { cookie: officer.cookie }, payload: {} })).statusCode).toBe(403);
  });

  it('is generated by the weekly job', async () => {
    const { programs } = await import('../registry.js');
    const job = programs.flatMap((p) => p.jobs ?? []).find((j) => j.name === 'icap.weekly-briefing')!;
    await job.run({ db, now: new Date() });
    const rows = await db.query<{ trigger: string }>("SELECT trigger FROM icap_briefings WHERE agency_id = $1 AND trigger = 'schedule'", [agencyId]);
    expect(rows).toHaveLength(1);
  });
});
