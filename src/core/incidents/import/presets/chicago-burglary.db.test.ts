import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../db/testing.js';
import { importIncidents, type ImportSummary } from '../index.js';
import { SHARED_DATA, TEST_ACTOR, insertTestAgency, tempDir } from '../testing.js';

const FILE = join(SHARED_DATA, 'chicago/chicago_burglary_2014_2017.csv');
let db: TestDatabase;
let agencyId: number;
let first: ImportSummary;
let second: ImportSummary;
const dir = tempDir();

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'chicago');
  first = await importIncidents({ db, agencyId, file: FILE, preset: 'chicago-burglary', actor: TEST_ACTOR, rejectsPath: join(dir, 'first.csv') });
  second = await importIncidents({ db, agencyId, file: FILE, preset: 'chicago-burglary', actor: TEST_ACTOR, rejectsPath: join(dir, 'second.csv') });
});
afterAll(async () => { await db.drop(); });

describe('Chicago residential burglary 2014–2017', () => {
  it('imports all 45,319 rows, rejects none and writes no rejects file', () => {
    expect(first).toMatchObject({ read: 45319, inserted: 45319, updated: 0, unchanged: 0, rejected: 0, rejectsPath: null, rejects: [] });
  });

  it('projects EPSG:26971 metres into lon/lat inside Chicago', async () => {
    const [box] = await db.query<{ min_lon: number; max_lon: number; min_lat: number; max_lat: number }>(
      'SELECT min(lon) AS min_lon, max(lon) AS max_lon, min(lat) AS min_lat, max(lat) AS max_lat FROM incidents WHERE agency_id = $1', [agencyId]);
    expect(box.min_lon).toBeGreaterThan(-87.95);
    expect(box.max_lon).toBeLessThan(-87.52);
    expect(box.min_lat).toBeGreaterThan(41.64);
    expect(box.max_lat).toBeLessThan(42.03);
    // The agency's projection is EPSG:26971 itself: x/y come back as the file's metres.
    const [row] = await db.query<{ x: number; y: number }>(
      "SELECT x, y FROM incidents WHERE agency_id = $1 AND occurred_at = '2014-01-01T06:00:00Z' ORDER BY abs(x - 365535.5205650503) LIMIT 1", [agencyId]);
    expect(row.x).toBeCloseTo(365535.5205650503, 3);
    expect(row.y).toBeCloseTo(563965.210714206, 3);
  });

  it('records dates only, at local midnight, as burglaries', async () => {
    const [counts] = await db.query<{ day: number; burglary: number; first: Date; last: Date }>(
      `SELECT count(*) FILTER (WHERE time_precision = 'day')::int AS day, count(*) FILTER (WHERE category = 'burglary')::int AS burglary,
              min(occurred_at) AS first, max(occurred_at) AS last FROM incidents WHERE agency_id = $1`, [agencyId]);
    expect(counts.day).toBe(45319);
    expect(counts.burglary).toBe(45319);
    expect(counts.first.toISOString()).toBe('2014-01-01T06:00:00.000Z'); // midnight CST
    expect(counts.last.toISOString()).toBe('2017-12-31T06:00:00.000Z');
  });

  it('derives distinct, stable source ids from content plus an occurrence counter', async () => {
    const [ids] = await db.query<{ distinct_ids: number; repeats: number }>(
      `SELECT count(DISTINCT source_id)::int AS distinct_ids, count(*) FILTER (WHERE source_id !~ '-1$')::int AS repeats FROM incidents WHERE agency_id = $1`, [agencyId]);
    // 521 rows repeat an earlier row exactly; they stay separate incidents.
    expect(ids).toEqual({ distinct_ids: 45319, repeats: 521 });
    expect(second).toMatchObject({ read: 45319, inserted: 0, updated: 0, unchanged: 45319, rejected: 0 });
  });
});
