import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../db/testing.js';
import { importIncidents, type ImportSummary } from '../index.js';
import { SHARED_DATA, TEST_ACTOR, insertTestAgency, tempDir } from '../testing.js';

const FILE = join(SHARED_DATA, 'philadelphia/shootings.csv');
let db: TestDatabase;
let agencyId: number;
let first: ImportSummary;
let second: ImportSummary;
const dir = tempDir();

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'philadelphia');
  first = await importIncidents({ db, agencyId, file: FILE, preset: 'philadelphia-shootings', actor: TEST_ACTOR, rejectsPath: join(dir, 'first.csv') });
  second = await importIncidents({ db, agencyId, file: FILE, preset: 'philadelphia-shootings', actor: TEST_ACTOR, rejectsPath: join(dir, 'second.csv') });
});
afterAll(async () => { await db.drop(); });

describe('Philadelphia shooting victims', () => {
  it('merges 14,861 victim rows into 12,926 incidents and rejects the 574 rows without coordinates', () => {
    expect(first).toMatchObject({ read: 14861, inserted: 12926, updated: 0, unchanged: 0, rejected: 574, merged: 1361 });
    const lines = readFileSync(join(dir, 'first.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('line,reason');
    expect(lines).toHaveLength(575);
    expect(lines.slice(1, 4)).toEqual(['36,lon/lat: missing coordinates', '476,lon/lat: missing coordinates', '778,lon/lat: missing coordinates']);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['lon/lat: missing coordinates']));
    expect(first.rejects).toHaveLength(100);
  });

  it('counts victims and deaths per incident; fatal incidents are homicides', async () => {
    const [totals] = await db.query<{ incidents: number; victims: number; fatal: number; homicides: number; day: number }>(
      `SELECT count(*)::int AS incidents, sum(victim_count)::int AS victims, sum(fatal_count)::int AS fatal,
              count(*) FILTER (WHERE category = 'homicide')::int AS homicides, count(*) FILTER (WHERE time_precision = 'day')::int AS day
         FROM incidents WHERE agency_id = $1`, [agencyId]);
    expect(totals).toEqual({ incidents: 12926, victims: 14287, fatal: 2932, homicides: 2853, day: 108 });
    const [biggest] = await db.query<{ victim_count: number; fatal_count: number; category: string }>(
      "SELECT victim_count, fatal_count, category FROM incidents WHERE agency_id = $1 AND source_id = '202203022221'", [agencyId]);
    expect(biggest).toEqual({ victim_count: 15, fatal_count: 3, category: 'homicide' });
    // Victims of this incident are 6,400 lines apart, in different batches.
    const [split] = await db.query<{ victim_count: number }>("SELECT victim_count FROM incidents WHERE agency_id = $1 AND source_id = '202015080727'", [agencyId]);
    expect(split.victim_count).toBe(7);
  });

  it('stores local times as instants and keeps victim details out', async () => {
    const [row] = await db.query<{ occurred_at: Date; hundred_block: string; attributes: Record<string, string>; offense_code: string }>(
      "SELECT occurred_at, hundred_block, attributes, offense_code FROM incidents WHERE agency_id = $1 AND source_id = '202115056366'", [agencyId]);
    expect(row.occurred_at.toISOString()).toBe('2021-08-01T06:40:00.000Z'); // 02:40 EDT
    expect(row.hundred_block).toBe('6300 BLOCK FRANKFORD AVE');
    expect(row.offense_code).toBe('300');
    expect(Object.keys(row.attributes).sort()).toEqual(['district', 'inside', 'offender_deceased', 'offender_injured', 'officer_involved']);
    const [leak] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM incidents WHERE agency_id = $1 AND (attributes ?| array['race','sex','age','wound','latino'])", [agencyId]);
    expect(leak.n).toBe(0);
  });

  it('changes nothing when run again, and records each run and one audit row per run', async () => {
    expect(second).toMatchObject({ read: 14861, inserted: 0, updated: 0, unchanged: 12926, rejected: 574 });
    const runs = await db.query<{ status: string; rows_read: number; inserted: number; unchanged: number; rejected: number }>(
      'SELECT status, rows_read, inserted, unchanged, rejected FROM import_runs WHERE agency_id = $1 ORDER BY id', [agencyId]);
    expect(runs).toEqual([
      { status: 'completed', rows_read: 14861, inserted: 12926, unchanged: 0, rejected: 574 },
      { status: 'completed', rows_read: 14861, inserted: 0, unchanged: 12926, rejected: 574 },
    ]);
    const audit = await db.query<{ outcome: string; details: Record<string, unknown> }>("SELECT outcome, details FROM audit_log WHERE action = 'incidents.import' ORDER BY id");
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ outcome: 'success', details: { file: 'shootings.csv', preset: 'philadelphia-shootings', read: 14861, inserted: 12926, rejected: 574 } });
  });
});
