import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { importIncidents } from '../incidents/import/index.js';
import { SHARED_DATA, TEST_ACTOR, insertTestAgency, tempDir } from '../incidents/import/testing.js';
import { importAreas } from './import-areas.js';
import { recomputeAreaMemberships } from './memberships.js';

const BOUNDARIES = join(SHARED_DATA, 'philadelphia/boundaries');
const SHOOTINGS = join(SHARED_DATA, 'philadelphia/shootings.csv');
let db: TestDatabase;
let agencyId: number;
const dir = tempDir('bridges-areas-');

const membershipCounts = async () => db.query<{ kind: string; name: string; n: number }>(
  `SELECT a.kind, a.name, count(i.id)::int AS n FROM areas a LEFT JOIN incidents i ON a.id = ANY(i.area_ids) AND i.agency_id = a.agency_id
    WHERE a.agency_id = $1 GROUP BY a.kind, a.name ORDER BY a.kind, a.name`, [agencyId]);

beforeAll(async () => {
  db = await createTestDatabase();
  agencyId = await insertTestAgency(db, 'philadelphia');
});
afterAll(async () => { await db.drop(); });

describe('area import', () => {
  it('imports the 22 police districts from a file, then changes nothing the second time', async () => {
    const file = join(BOUNDARIES, 'police_districts.geojson');
    const first = await importAreas({ db, agencyId, file, kind: 'district', nameField: 'police_district', codeField: 'police_district', actor: TEST_ACTOR });
    expect(first).toMatchObject({ read: 22, inserted: 22, updated: 0, unchanged: 0, rejected: 0, incidentsUpdated: 0 });
    const again = await importAreas({ db, agencyId, file, kind: 'district', nameField: 'police_district', actor: TEST_ACTOR, codeField: 'police_district' });
    expect(again).toMatchObject({ read: 22, inserted: 0, updated: 0, unchanged: 22 });
    const [area] = await db.query<{ code: string; bbox: number[]; geometry: { type: string } }>(
      "SELECT code, bbox, geometry FROM areas WHERE agency_id = $1 AND kind = 'district' AND name = '9'", [agencyId]);
    expect(area.code).toBe('9');
    expect(area.geometry.type).toBe('Polygon');
    expect(area.bbox[0]).toBeLessThan(-75.1635);
    expect(area.bbox[2]).toBeGreaterThan(-75.1635);
    const audit = await db.query<{ details: { kind: string; inserted: number } }>("SELECT details FROM audit_log WHERE action = 'areas.import' ORDER BY id");
    expect(audit.map((a) => a.details.inserted)).toEqual([22, 0]);
  });

  it('gives incidents imported afterwards their districts', async () => {
    const summary = await importIncidents({ db, agencyId, file: SHOOTINGS, preset: 'philadelphia-shootings', actor: TEST_ACTOR, rejectsPath: join(dir, 'r.csv') });
    expect(summary.inserted).toBe(12926);
    const [row] = await db.query<{ with_area: number }>('SELECT count(*) FILTER (WHERE cardinality(area_ids) = 1)::int AS with_area FROM incidents WHERE agency_id = $1', [agencyId]);
    expect(row.with_area / 12926).toBeGreaterThan(0.995);
  });

  it('recomputes memberships when areas are imported after the incidents, MultiPolygons included', async () => {
    const file = join(BOUNDARIES, 'neighborhoods.geojson');
    const summary = await importAreas({ db, agencyId, file, kind: 'neighborhood', nameField: 'neighborhood', actor: TEST_ACTOR });
    expect(summary).toMatchObject({ read: 49, inserted: 49, rejected: 0 });
    expect(summary.incidentsUpdated).toBeGreaterThan(12800);
    const [centerCity] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents i JOIN areas a ON a.id = ANY(i.area_ids)
        WHERE i.agency_id = $1 AND a.kind = 'neighborhood' AND a.name = 'Center City East'`, [agencyId]);
    expect(centerCity.n).toBeGreaterThan(0);
    // The same memberships as if the incidents had been imported with every area present.
    const before = await membershipCounts();
    expect(await recomputeAreaMemberships(db, agencyId)).toBe(0);
    await db.query("UPDATE incidents SET area_ids = '{}' WHERE agency_id = $1", [agencyId]);
    await recomputeAreaMemberships(db, agencyId, { pageSize: 1000 });
    expect(await membershipCounts()).toEqual(before);
  });

  it('merges features that share a name, rejects bad features and names the problem', async () => {
    const square = (x: number) => [[[x, 39.9], [x + 0.01, 39.9], [x + 0.01, 39.91], [x, 39.91], [x, 39.9]]];
    const summary = await importAreas({
      db, agencyId, kind: 'custom', nameField: 'name', actor: TEST_ACTOR,
      featureCollection: { features: [
        { type: 'Feature', properties: { name: 'Two parts' }, geometry: { type: 'Polygon', coordinates: square(-75.2) } },
        { type: 'Feature', properties: { name: 'Two parts' }, geometry: { type: 'Polygon', coordinates: square(-75.1) } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(-75.0) } },
        { type: 'Feature', properties: { name: 'A point' }, geometry: { type: 'Point', coordinates: [-75, 39.9] } },
      ] },
    });
    expect(summary).toMatchObject({ read: 4, inserted: 1, rejected: 2 });
    expect(summary.rejects).toEqual([
      { line: 3, reason: 'no "name" property (the --name-field)' },
      { line: 4, reason: 'geometry: expected Polygon or MultiPolygon, got Point' },
    ]);
    const [area] = await db.query<{ geometry: { type: string; coordinates: unknown[] } }>("SELECT geometry FROM areas WHERE agency_id = $1 AND kind = 'custom'", [agencyId]);
    expect(area.geometry.type).toBe('MultiPolygon');
    expect(area.geometry.coordinates).toHaveLength(2);
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, '{"type":"FeatureCollection","features":[');
    await expect(importAreas({ db, agencyId, file: bad, kind: 'custom', nameField: 'name', actor: TEST_ACTOR })).rejects.toThrow(/ends in the middle/);
    const [run] = await db.query<{ kind: string; status: string; error: string }>("SELECT kind, status, error FROM import_runs WHERE agency_id = $1 ORDER BY id DESC LIMIT 1", [agencyId]);
    expect(run).toMatchObject({ kind: 'areas', status: 'failed' });
    const [audit] = await db.query<{ outcome: string }>("SELECT outcome FROM audit_log WHERE action = 'areas.import' ORDER BY id DESC LIMIT 1");
    expect(audit.outcome).toBe('failure');
    await expect(importAreas({ db, agencyId, file: bad, kind: 'ward' as never, nameField: 'name', actor: TEST_ACTOR })).rejects.toThrow(/unknown area kind "ward"/);
  });
});
