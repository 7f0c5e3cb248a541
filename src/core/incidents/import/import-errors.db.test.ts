import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.js';
import { importIncidents, type ImportOptions } from './index.js';
import { TEST_ACTOR, insertTestAgency, tempDir } from './testing.js';

let db: TestDatabase;
let agencyId: number;
const dir = tempDir();
let n = 0;
const write = (content: string | Buffer, ext = 'csv') => {
  const path = join(dir, `input-${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const HEADER = 'case_id,reported,kind,lat,lon,address,beat';
const row = (id: string, reported = '02/03/2022 14:05', kind = 'burglary', lat = '39.95', lon = '-75.16') => `${id},${reported},${kind},${lat},${lon},1234 MARKET ST,B1`;
const options = (file: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  db, agencyId, file, actor: TEST_ACTOR, rejectsPath: join(dir, `rejects-${n}.csv`), sourceSystem: 'rms',
  mapping: { case_id: 'source_id', reported: 'occurred_at', kind: 'category', lat: 'lat', lon: 'lon', address: 'address', beat: 'attributes.beat' },
  dateFormat: 'DD/MM/YYYY HH:mm', timeZone: 'America/New_York', ...extra,
});
const count = async (sourceSystem = 'rms') => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE agency_id = $1 AND source_system = $2', [agencyId, sourceSystem]))[0].n;

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'philadelphia');
});
afterAll(async () => { await db.drop(); });

describe('rejected rows', () => {
  it('lists every rejected row with its line and a reason naming the field', async () => {
    const file = write([
      HEADER, row('A1'), row('A2', '13/45/2014 10:00'), row('A3', undefined, undefined, '', ''), row('A4', undefined, undefined, '95', '-75.16'),
      row('A5', undefined, undefined, '41.88', '-87.63'), row('A6', undefined, undefined, 'abc'), row('A7', undefined, 'mischief'),
      row('A1'), 'A9,02/03/2022 14:05,burglary', row('A10', '02/03/2099 10:00'), row('A11', undefined, 'Motor vehicle theft'),
    ].join('\n'));
    const summary = await importIncidents(options(file));
    expect(summary).toMatchObject({ read: 11, inserted: 2, rejected: 9 });
    expect(readFileSync(summary.rejectsPath!, 'utf8').trim().split('\n')).toEqual([
      'line,reason',
      "3,occurred_at: '13/45/2014 10:00' does not match DD/MM/YYYY HH:mm",
      '4,lon/lat: missing coordinates',
      '5,"lon/lat: -75.16, 95 is out of range (lon −180…180, lat −90…90)"',
      '6,"lon/lat: -87.63000, 41.88000 is 1068 km from the agency centre (limit 250 km); wrong --crs, swapped columns or wrong agency?"',
      "7,lat: 'abc' is not a number",
      "8,category: unknown category 'mischief'",
      "9,source_id: duplicate id 'A1' in the file (first on line 2)",
      '10,"row has 3 fields, the header has 7"',
      "11,occurred_at: '02/03/2099 10:00' is in the future",
    ]);
    const [a1] = await db.query<{ occurred_at: Date; hundred_block: string; attributes: unknown; category: string }>(
      "SELECT occurred_at, hundred_block, attributes, category FROM incidents WHERE source_id = 'A1'");
    expect(a1).toEqual({ occurred_at: new Date('2022-03-02T19:05:00Z'), hundred_block: '1200 BLOCK MARKET ST', attributes: { beat: 'B1' }, category: 'burglary' });
    const [a11] = await db.query<{ category: string }>("SELECT category FROM incidents WHERE source_id = 'A11'");
    expect(a11.category).toBe('vehicle_theft'); // English labels are accepted too
  });

  it('rejects unknown offenses of a preset', async () => {
    const file = write([
      'cdatetime,address,district,beat,grid,crimedescr,ucr_ncic_code,latitude,longitude',
      '1/1/06 0:00,3108 OCCIDENTAL DR,3,3C,1115,SOMETHING,,38.55,-121.39',
      '1/1/06 0:00,3108 OCCIDENTAL DR,3,3C,1115,SOMETHING,XX12,38.55,-121.39',
    ].join('\r\n'));
    const sacramento = await insertTestAgency(db, 'sacramento');
    const summary = await importIncidents({ db, agencyId: sacramento, file, preset: 'sacramento-2006', actor: TEST_ACTOR, rejectsPath: join(dir, 'sac.csv') });
    expect(summary.rejects).toEqual([
      { line: 2, reason: 'offense_code: unknown offense (empty code)' },
      { line: 3, reason: "offense_code: unknown offense 'XX12' (not an NCIC code)" },
    ]);
  });
});

describe('idempotence and changes', () => {
  it('counts an edited row as updated and the rest as unchanged', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`C${i}`));
    const first = await importIncidents(options(write([HEADER, ...rows].join('\n')), { sourceSystem: 'edits', batchSize: 7 }));
    expect(first).toMatchObject({ inserted: 30, updated: 0, unchanged: 0 });
    rows[12] = row('C12', '02/03/2022 15:00');
    const second = await importIncidents(options(write([HEADER, ...rows, row('C30')].join('\n')), { sourceSystem: 'edits', batchSize: 7 }));
    expect(second).toMatchObject({ read: 31, inserted: 1, updated: 1, unchanged: 29 });
  });
});

describe('failures', () => {
  it('keeps the batches committed before a malformed row and nothing of the batch in progress', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`M${i}`));
    const file = write([HEADER, ...rows, 'M25,"02/03/2022 14:05,burglary,39.95,-75.16,1 X ST,B1', row('M26')].join('\n'));
    await expect(importIncidents(options(file, { sourceSystem: 'malformed', batchSize: 10 }))).rejects.toThrow(/line 27: .*unterminated quote/);
    expect(await count('malformed')).toBe(20);
    const [run] = await db.query<{ status: string; inserted: number; error: string }>(
      "SELECT status, inserted, error FROM import_runs WHERE agency_id = $1 ORDER BY id DESC LIMIT 1", [agencyId]);
    expect(run).toMatchObject({ status: 'failed', inserted: 20 });
    expect(run.error).toMatch(/unterminated quote/);
    const [audit] = await db.query<{ outcome: string; details: { inserted: number } }>("SELECT outcome, details FROM audit_log WHERE action = 'incidents.import' ORDER BY id DESC LIMIT 1");
    expect(audit).toMatchObject({ outcome: 'failure', details: { inserted: 20 } });
  });

  it('rolls back the batch in progress when the import is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importIncidents(options(write([HEADER, row('Z1')].join('\n')), { sourceSystem: 'aborted', signal: controller.signal }))).rejects.toThrow(/interrupted/);
    expect(await count('aborted')).toBe(0);
  });

  it('refuses invalid UTF-8 unless told the file is Latin-1', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nL1,02/03/2022 14:05,burglary,39.95,-75.16,12 CAF`), Buffer.from([0xc9]), Buffer.from(' ST,B1\n')]);
    const file = write(latin1);
    await expect(importIncidents(options(file, { sourceSystem: 'latin1' }))).rejects.toThrow(/not valid UTF-8 .*--encoding latin1/);
    await importIncidents(options(file, { sourceSystem: 'latin1', encoding: 'latin1' }));
    const [r] = await db.query<{ hundred_block: string }>("SELECT hundred_block FROM incidents WHERE source_system = 'latin1'");
    expect(r.hundred_block).toBe('0 BLOCK CAFÉ ST');
  });

  it('fails before writing anything when a mapped column is missing or a setting is not stated', async () => {
    const file = write([HEADER, row('Q1')].join('\n'));
    await expect(importIncidents(options(file, { sourceSystem: 'q', mapping: { nope: 'source_id', reported: 'occurred_at', lat: 'lat', lon: 'lon', kind: 'category' } })))
      .rejects.toThrow(/column "nope" \(for source_id\) is not in the file; its columns are case_id, reported/);
    await expect(importIncidents(options(file, { sourceSystem: 'q', timeZone: undefined }))).rejects.toThrow(/pass --time-zone/);
    expect(await count('q')).toBe(0);
  });
});

describe('other inputs', () => {
  it('imports GeoJSON points, with their properties as columns', async () => {
    const feature = (id: string, lon: number, lat: number) => ({ type: 'Feature', properties: { case_id: id, reported: '02/03/2022 14:05', kind: 'robbery' }, geometry: { type: 'Point', coordinates: [lon, lat] } });
    const file = write(JSON.stringify({ type: 'FeatureCollection', features: [feature('G1', -75.16, 39.95), feature('G2', -75.17, 39.96)] }), 'geojson');
    const summary = await importIncidents(options(file, { sourceSystem: 'geo', mapping: { case_id: 'source_id', reported: 'occurred_at', kind: 'category' } }));
    expect(summary).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    const rows = await db.query<{ lon: number; lat: number }>("SELECT lon, lat FROM incidents WHERE source_system = 'geo' ORDER BY source_id");
    expect(rows).toEqual([{ lon: -75.16, lat: 39.95 }, { lon: -75.17, lat: 39.96 }]);
  });

  it('reads Socrata exports in both date styles once a time zone is given', async () => {
    const file = write([
      'ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,Latitude,Longitude',
      '101,JA100001,2015-01-01T00:30:00.000,041XX N BROADWAY,0486,BATTERY,DOMESTIC BATTERY SIMPLE,APARTMENT,false,true,1913,019,41.95,-87.65',
      '102,JA100002,01/01/2015 01:15:00 PM,018XX W 63RD ST,0810,THEFT,OVER $500,STREET,false,false,0726,007,41.78,-87.67',
      '103,JA100003,01/01/2015 01:15:00 PM,018XX W 63RD ST,9999,ALIEN ABDUCTION,NONE,STREET,false,false,0726,007,41.78,-87.67',
    ].join('\n'));
    const chicago = await insertTestAgency(db, 'chicago');
    const summary = await importIncidents({ db, agencyId: chicago, file, preset: 'socrata', timeZone: 'America/Chicago', actor: TEST_ACTOR, rejectsPath: join(dir, 'socrata.csv') });
    expect(summary).toMatchObject({ read: 3, inserted: 2, rejected: 1, rejects: [{ line: 4, reason: "offense_text: unknown offense type 'ALIEN ABDUCTION'" }] });
    const rows = await db.query<{ source_id: string; category: string; occurred_at: Date; hundred_block: string; offense_text: string; attributes: Record<string, string> }>(
      'SELECT source_id, category, occurred_at, hundred_block, offense_text, attributes FROM incidents WHERE agency_id = $1 ORDER BY source_id', [chicago]);
    expect(rows[0]).toMatchObject({ source_id: '101', category: 'domestic_violence', occurred_at: new Date('2015-01-01T06:30:00Z'), hundred_block: '4100 BLOCK N BROADWAY', offense_text: 'BATTERY: DOMESTIC BATTERY SIMPLE' });
    expect(rows[0].attributes).toMatchObject({ case_number: 'JA100001', beat: '1913', domestic: 'true' });
    expect(rows[1]).toMatchObject({ source_id: '102', category: 'larceny', occurred_at: new Date('2015-01-01T19:15:00Z'), hundred_block: '1800 BLOCK W 63RD ST' });
  });

  it('works with per-row foreign-key triggers too (a table with triggers of its own)', async () => {
    await db.exec(`CREATE TABLE import_trigger_hits (n int);
      CREATE FUNCTION import_trigger_hit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO import_trigger_hits VALUES (1); RETURN NEW; END $$;
      CREATE TRIGGER import_trigger_hit AFTER INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION import_trigger_hit();`);
    try {
      const summary = await importIncidents(options(write([HEADER, row('T1'), row('T2'), row('T3')].join('\n')), { sourceSystem: 'triggers', batchSize: 2 }));
      expect(summary.inserted).toBe(3);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_trigger_hits'))[0].n).toBe(3);
    } finally {
      await db.exec('DROP TRIGGER import_trigger_hit ON incidents; DROP FUNCTION import_trigger_hit(); DROP TABLE import_trigger_hits;');
    }
  });
});
