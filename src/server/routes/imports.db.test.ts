import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { SHARED_DATA, insertTestAgency } from '../../core/incidents/import/testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let analyst: TestStaff;
let reader: TestStaff;
const sacramento = readFileSync(join(SHARED_DATA, 'sacramento/SacramentocrimeJanuary2006.csv'));

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertTestAgency(db, 'sacramento');
  analyst = await insertStaff(db, agencyId, ['incidents:import', 'incidents:read']);
  reader = await insertStaff(db, agencyId, ['incidents:read']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const upload = (staff: TestStaff, query: string, body: string | Buffer, contentType = 'text/csv') =>
  app.inject({ method: 'POST', url: `/api/imports/incidents${query}`, headers: { cookie: staff.cookie, 'content-type': contentType }, payload: body });

describe('POST /api/imports/incidents', () => {
  it("imports a CSV body into the actor's agency and answers the summary", async () => {
    const res = await upload(analyst, '?preset=sacramento-2006&fileName=january.csv', sacramento);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ read: 7584, inserted: 7584, updated: 0, unchanged: 0, rejected: 0, rejects: [] });
    const again = await upload(analyst, '?preset=sacramento-2006', sacramento);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 7584 });
    const [audit] = await db.query<{ actor_user_id: number; details: { file: string } }>("SELECT actor_user_id, details FROM audit_log WHERE action = 'incidents.import' ORDER BY id LIMIT 1");
    expect(audit).toMatchObject({ actor_user_id: analyst.userId, details: { file: 'january.csv' } });
  });

  it('maps columns from repeated map parameters and lists rejects', async () => {
    const csv = 'id,when,type,lat,lon\nA,2006-01-05 10:00,robbery,38.58,-121.49\nB,2006-01-05,robbery,38.58,-121.49\n';
    const res = await upload(analyst, '?map=id%3Dsource_id&map=when%3Doccurred_at&map=type%3Dcategory&map=lat%3Dlat&map=lon%3Dlon&dateFormat=YYYY-MM-DD%20HH:mm&timeZone=America/Los_Angeles', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ read: 2, inserted: 1, rejected: 1, rejects: [{ line: 3, reason: "occurred_at: '2006-01-05' does not match YYYY-MM-DD HH:mm" }] });
  });

  it('answers 400 naming the missing setting, 403 without the permission', async () => {
    const res = await upload(analyst, '?map=id%3Dsource_id&map=when%3Doccurred_at&map=lat%3Dlat&map=lon%3Dlon&category=robbery&dateFormat=iso', 'id,when,lat,lon\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/no time zone: .*--time-zone/);
    expect((await upload(reader, '?preset=sacramento-2006', sacramento)).statusCode).toBe(403);
    const json = await upload(analyst, '?preset=sacramento-2006', '{}', 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/Content-Type text\/csv/);
  });
});

describe('GET /api/imports', () => {
  it('lists the runs of the agency, newest first', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: analyst.cookie } });
    expect(res.statusCode).toBe(200);
    const runs = res.json<Array<{ fileName: string; status: string; inserted: number; startedBy: number }>>();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs[runs.length - 1]).toMatchObject({ fileName: 'january.csv', status: 'completed', inserted: 7584, startedBy: analyst.userId });
    expect((await app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: reader.cookie } })).statusCode).toBe(403);
  });
});
