import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../db/testing.js';
import { importIncidents, type ImportSummary } from '../index.js';
import { SHARED_DATA, TEST_ACTOR, insertTestAgency, tempDir } from '../testing.js';

const FILE = join(SHARED_DATA, 'sacramento/SacramentocrimeJanuary2006.csv');
let db: TestDatabase;
let agencyId: number;
let first: ImportSummary;
let second: ImportSummary;
const dir = tempDir();

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'sacramento');
  first = await importIncidents({ db, agencyId, file: FILE, preset: 'sacramento-2006', actor: TEST_ACTOR, rejectsPath: join(dir, 'first.csv'), batchSize: 1000 });
  second = await importIncidents({ db, agencyId, file: FILE, preset: 'sacramento-2006', actor: TEST_ACTOR, rejectsPath: join(dir, 'second.csv'), batchSize: 1000 });
});
afterAll(async () => { await db.drop(); });

describe('Sacramento January 2006', () => {
  it('imports all 7,584 rows (every NCIC code is numeric) and changes nothing the second time', () => {
    expect(first).toMatchObject({ read: 7584, inserted: 7584, updated: 0, unchanged: 0, rejected: 0, rejectsPath: null });
    expect(second).toMatchObject({ read: 7584, inserted: 0, updated: 0, unchanged: 7584, rejected: 0 });
  });

  it('reads M/D/YY H:mm as Pacific time, hundred-blocks addresses and keeps district, beat and grid', async () => {
    const [row] = await db.query<{ occurred_at: Date; hundred_block: string; attributes: unknown; offense_code: string; offense_text: string; category: string; time_precision: string }>(
      "SELECT occurred_at, hundred_block, attributes, offense_code, offense_text, category, time_precision FROM incidents WHERE agency_id = $1 ORDER BY id LIMIT 1", [agencyId]);
    expect(row).toEqual({
      occurred_at: new Date('2006-01-01T08:00:00Z'), hundred_block: '3100 BLOCK OCCIDENTAL DR',
      attributes: { district: '3', beat: '3C', grid: '1115' }, offense_code: '2404',
      offense_text: '10851(A)VC TAKE VEH W/O OWNER', category: 'vehicle_theft', time_precision: 'minute',
    });
    const [range] = await db.query<{ first: Date; last: Date }>('SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM incidents WHERE agency_id = $1', [agencyId]);
    expect(range.first.toISOString()).toBe('2006-01-01T08:00:00.000Z');
    expect(range.last.getTime()).toBeLessThan(new Date('2006-02-01T08:00:00Z').getTime());
  });

  it('maps NCIC codes onto categories', async () => {
    const rows = await db.query<{ category: string; n: number }>('SELECT category, count(*)::int AS n FROM incidents WHERE agency_id = $1 GROUP BY 1', [agencyId]);
    const counts = Object.fromEntries(rows.map((r) => [r.category, r.n]));
    expect(counts).toMatchObject({ vehicle_theft: 881, burglary: 509, theft_from_vehicle: 630, homicide: 4, other: 2502, dui: 104 });
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(7584);
  });
});
