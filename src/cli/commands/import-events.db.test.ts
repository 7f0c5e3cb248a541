import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { realtimeHub, type DeliveredMessage } from '../../core/realtime/hub.js';
import { importIncidentsFromCli } from './import.js';
import { importIncidents } from '../../core/incidents/import/index.js';
import { tempDir } from '../../core/incidents/import/testing.js';

/**
 * Incidents arriving by import announce 'incidents.recorded' like the API does: a recent shooting in an uploaded
 * or command-line CSV opens its walk and raises the I-CAP alert; history and other categories do neither.
 */
let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let analyst: TestStaff;
const alerts: DeliveredMessage[] = [];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAP = ['id=source_id', 'when=occurred_at', 'type=category', 'lat=lat', 'lon=lon', 'address=address'];

const csv = (rows: Array<[id: string, when: Date, type: string, lat: number, lon: number, address: string]>) =>
  ['id,when,type,lat,lon,address', ...rows.map(([id, when, ...rest]) => [id, when.toISOString(), ...rest].join(','))].join('\n') + '\n';

const upload = (body: string, sourceSystem = 'upload-test') => app.inject({
  method: 'POST', headers: { cookie: analyst.cookie, 'content-type': 'text/csv' }, payload: body,
  url: `/api/imports/incidents?${[...MAP.map((m) => `map=${encodeURIComponent(m)}`), 'dateFormat=iso', 'timeZone=UTC', `sourceSystem=${sourceSystem}`].join('&')}`,
});

async function walkOf(sourceSystem: string, sourceId: string) {
  const rows = await db.query<{ id: number; opened_by: string; hundred_block: string | null; alert_walk: number | null; alerted: boolean }>(
    `SELECT w.id, w.opened_by, w.hundred_block, a.walk_id AS alert_walk, a.id IS NOT NULL AS alerted
       FROM incidents i LEFT JOIN walks w ON w.incident_id = i.id LEFT JOIN icap_alerts a ON a.incident_id = i.id
      WHERE i.agency_id = $1 AND i.source_system = $2 AND i.source_id = $3`, [agencyId, sourceSystem, sourceId]);
  expect(rows).toHaveLength(1);
  return rows[0];
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  analyst = await insertStaff(db, agencyId, ['incidents:import', 'walks:read', 'icap:alerts']);
  realtimeHub(db).subscribe({ agencyId, permissions: new Set(['icap:alerts']), send: (m) => alerts.push(m) });
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('a shooting arriving by upload', () => {
  it('opens a walk and raises the alert; old shootings and other categories do not', async () => {
    const now = Date.now();
    const res = await upload(csv([
      ['S1', new Date(now - 2 * HOUR), 'shooting', 39.99, -75.155, '2900 N 5TH ST'],
      ['R1', new Date(now - 3 * HOUR), 'robbery', 39.98, -75.16, '100 N BROAD ST'],
      ['OLD', new Date(now - 60 * DAY), 'shooting', 39.97, -75.17, '1200 W GIRARD AVE'],
    ]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ read: 3, inserted: 3, rejected: 0 });

    const shooting = await walkOf('upload-test', 'S1');
    expect(shooting).toMatchObject({ opened_by: 'rule', hundred_block: '2900 BLOCK N 5TH ST', alerted: true });
    expect(shooting.alert_walk).toBe(shooting.id);
    expect(await walkOf('upload-test', 'R1')).toMatchObject({ id: null, alerted: false });
    expect(await walkOf('upload-test', 'OLD')).toMatchObject({ id: null, alerted: false });

    const pushed = alerts.filter((m) => m.type === 'icap.alert');
    expect(pushed).toHaveLength(1);
    expect(pushed[0].data).toMatchObject({ category: 'shooting', hundredBlock: '2900 BLOCK N 5TH ST', walkId: shooting.id });
  });

  it('re-importing the same file opens nothing more; a row re-imported as a shooting opens its walk', async () => {
    const now = Date.now();
    const before = alerts.length;
    const again = await upload(csv([
      ['S1', new Date(now - 2 * HOUR), 'shooting', 39.99, -75.155, '2900 N 5TH ST'],
      ['R1', new Date(now - 3 * HOUR), 'shooting', 39.98, -75.16, '100 N BROAD ST'],
    ]));
    expect(again.json()).toMatchObject({ read: 2, inserted: 0, updated: 2 });
    const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM walks WHERE agency_id = $1", [agencyId]);
    expect(n).toBe(2);
    expect(await walkOf('upload-test', 'R1')).toMatchObject({ opened_by: 'rule', alerted: true });
    expect(alerts.length - before).toBe(1);
  });
});

describe('a shooting arriving by `bridges import incidents`', () => {
  it('opens its walk and records the alert in the command’s own process, batch by batch', async () => {
    const dir = tempDir();
    const file = join(dir, 'cad.csv');
    const now = Date.now();
    writeFileSync(file, csv([
      ['C1', new Date(now - 5 * DAY), 'burglary', 39.96, -75.16, '500 MARKET ST'],
      ['C2', new Date(now - 30 * 60_000), 'homicide', 39.975, -75.14, '2200 N FRONT ST'],
      ['C3', new Date(now - 40 * 60_000), 'shooting', 39.976, -75.141, '2300 N FRONT ST'],
    ]));
    const { summary, agencySlug } = await importIncidentsFromCli(db, {
      file, mapping: Object.fromEntries(MAP.map((m) => m.split('='))), dateFormat: 'iso', timeZone: 'UTC',
      sourceSystem: 'cli-test', batchSize: 1, rejectsPath: join(dir, 'rejects.csv'),
    });
    expect(summary).toMatchObject({ inserted: 3, rejected: 0 });
    const [agency] = await db.query<{ slug: string }>('SELECT slug FROM agencies WHERE id = $1', [agencyId]);
    expect(agencySlug).toBe(agency.slug);
    expect(await walkOf('cli-test', 'C1')).toMatchObject({ id: null, alerted: false });
    // Homicides open walks by the default rules and count as shootings for retaliation alerts.
    expect(await walkOf('cli-test', 'C2')).toMatchObject({ opened_by: 'rule', alerted: true });
    const shooting = await walkOf('cli-test', 'C3');
    expect(shooting).toMatchObject({ opened_by: 'rule', alerted: true });
    expect(shooting.alert_walk).toBe(shooting.id);
  });

  it('announces nothing without a bus (the demo loader seeds its own walks)', async () => {
    const dir = tempDir();
    const file = join(dir, 'quiet.csv');
    writeFileSync(file, csv([['Q1', new Date(Date.now() - HOUR), 'shooting', 39.95, -75.165, '1 S BROAD ST']]));
    const summary = await importIncidents({
      db, agencyId, file, mapping: Object.fromEntries(MAP.map((m) => m.split('='))), dateFormat: 'iso', timeZone: 'UTC',
      sourceSystem: 'quiet', rejectsPath: join(dir, 'rejects.csv'), actor: { label: 'test' },
    });
    expect(summary.inserted).toBe(1);
    expect(await walkOf('quiet', 'Q1')).toMatchObject({ id: null, alerted: false });
  });
});
