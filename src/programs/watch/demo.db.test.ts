import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency } from '../../testing/fixtures.js';
import { geometryBBox, pointInGeometry, type AreaGeometry } from '../../core/places/index.js';
import { watch } from './index.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

const NEIGHBORHOODS = new URL('../../../demo/data/philadelphia/boundaries/neighborhoods.geojson', import.meta.url);

describe('demo watch groups', () => {
  it('draws each boundary inside a real Philadelphia neighborhood, and marks everything demo', async () => {
    const agencyId = await insertAgency(db, { slug: 'philadelphia-demo' });
    const fc = JSON.parse(readFileSync(NEIGHBORHOODS, 'utf8')) as { features: Array<{ properties: { neighborhood: string }; geometry: AreaGeometry }> };
    for (const feature of fc.features) {
      await db.query("INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'neighborhood', $2, $3, $4)",
        [agencyId, feature.properties.neighborhood, JSON.stringify(feature.geometry), geometryBBox(feature.geometry)]);
    }
    await watch.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    await watch.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    const groups = await db.query<{ name: string; boundary: AreaGeometry; area: AreaGeometry; is_demo: boolean; status: string; members: number }>(
      `SELECT g.name, g.boundary, a.geometry AS area, g.is_demo, g.status,
         (SELECT count(*)::int FROM watch_members m WHERE m.group_id = g.id) AS members
       FROM watch_groups g JOIN areas a ON a.id = g.area_id WHERE g.agency_id = $1`, [agencyId]);
    expect(groups.length).toBe(6);
    expect(groups.filter((g) => g.status === 'active')).toHaveLength(5);
    for (const group of groups) {
      expect(group.is_demo).toBe(true);
      expect(group.name.startsWith('Demo:')).toBe(true);
      const ring = group.boundary.type === 'Polygon' ? group.boundary.coordinates[0] : [];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      for (const [lon, lat] of ring) expect(pointInGeometry(lon, lat, group.area), group.name).toBe(true);
      const [w, s, e, n] = geometryBBox(group.boundary);
      expect(Math.max(e - w, n - s)).toBeLessThanOrEqual(0.05);
      expect(group.members).toBeGreaterThan(0);
    }
    const requests = await db.query<{ kind: string }>('SELECT kind FROM watch_requests WHERE agency_id = $1 ORDER BY kind', [agencyId]);
    expect(requests.map((r) => r.kind)).toEqual(['join', 'start']);
  });
});
