import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.js';
import { importIncidents } from './index.js';
import { TEST_ACTOR, insertTestAgency, tempDir } from './testing.js';

// Philadelphia's layout, one row per victim; incident K1's victims are far apart, so with small batches
// they land in different transactions.
const HEADER = 'the_geom,the_geom_webmercator,objectid,year,dc_key,code,date_,time,race,sex,age,wound,officer_involved,offender_injured,offender_deceased,location,latino,point_x,point_y,dist,inside,outside,fatal,lat,lng';
const victim = (key: string, fatal: '0' | '1', time = '21:15:00', lat = '39.95') =>
  `g,w,1,2021,${key}.0,411,2021-06-05 00:00:00+00,${time},B,M,30,Leg,N,N,N,1500 BLOCK N 22ND ST,0,-75.17,${lat},22,0,1,${fatal},${lat},-75.17`;

let db: TestDatabase;
let agencyId: number;
const dir = tempDir();
const write = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...lines].join('\n'));
  return path;
};
const rows = [victim('K1', '0'), victim('K2', '0'), victim('K3', '0'), victim('K1', '1', '23:59:00', '39.99'), victim('K2', '0'), victim('K4', '0'), victim('K1', '0')];
const run = (file: string, batchSize: number, sourceSystem: string) =>
  importIncidents({ db, agencyId, file, preset: 'philadelphia-shootings', sourceSystem, batchSize, actor: TEST_ACTOR, rejectsPath: join(dir, `${sourceSystem}.csv`) });
const incidents = (sourceSystem: string) => db.query<{ source_id: string; victim_count: number; fatal_count: number; category: string; occurred_at: Date; lat: number }>(
  'SELECT source_id, victim_count, fatal_count, category, occurred_at, lat FROM incidents WHERE agency_id = $1 AND source_system = $2 ORDER BY source_id', [agencyId, sourceSystem]);

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'philadelphia');
});
afterAll(async () => { await db.drop(); });

describe('one row per victim → one incident', () => {
  it('merges victims across batches: counts add up, a death makes it a homicide, the first row gives time and place', async () => {
    const summary = await run(write('victims.csv', rows), 2, 'small-batches');
    expect(summary).toMatchObject({ read: 7, inserted: 4, updated: 0, unchanged: 0, rejected: 0, merged: 3 });
    const byId = await incidents('small-batches');
    expect(byId.map((i) => [i.source_id, i.victim_count, i.fatal_count, i.category])).toEqual([
      ['K1', 3, 1, 'homicide'], ['K2', 2, 0, 'shooting'], ['K3', 1, 0, 'shooting'], ['K4', 1, 0, 'shooting'],
    ]);
    expect(byId[0].occurred_at.toISOString()).toBe('2021-06-06T01:15:00.000Z');
    expect(byId[0].lat).toBe(39.95);
  });

  it('gives the same incidents whatever the batch size', async () => {
    await run(write('victims-one-batch.csv', rows), 5000, 'one-batch');
    const strip = (list: Awaited<ReturnType<typeof incidents>>) => list.map(({ source_id, victim_count, fatal_count, category, occurred_at, lat }) => ({ source_id, victim_count, fatal_count, category, occurred_at, lat }));
    expect(strip(await incidents('one-batch'))).toEqual(strip(await incidents('small-batches')));
  });

  it('changes nothing when run again, even with victims split across batches', async () => {
    const again = await run(join(dir, 'victims.csv'), 2, 'small-batches');
    expect(again).toMatchObject({ read: 7, inserted: 0, updated: 0, unchanged: 4, merged: 3 });
    expect((await incidents('small-batches')).map((i) => i.victim_count)).toEqual([3, 2, 1, 1]);
  });

  it('replaces counts from an earlier run instead of adding to them, and reports real changes', async () => {
    const changed = [...rows];
    changed[4] = victim('K2', '1'); // a victim of K2 has died since
    const summary = await run(write('victims-changed.csv', changed), 2, 'small-batches');
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const byId = await incidents('small-batches');
    expect(byId.map((i) => [i.source_id, i.victim_count, i.fatal_count, i.category])).toEqual([
      ['K1', 3, 1, 'homicide'], ['K2', 2, 1, 'homicide'], ['K3', 1, 0, 'shooting'], ['K4', 1, 0, 'shooting'],
    ]);
  });
});
