import type { Queryable } from '../../db/types.js';

export const AREA_KINDS = ['city', 'district', 'beat', 'neighborhood', 'crt_zone', 'sco_post', 'custom'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** The agency's areas as a FeatureCollection string; properties carry id, kind, name, code and incident count. */
export async function listAreasGeoJson(q: Queryable, agencyId: number, kind?: AreaKind): Promise<string> {
  const rows = await q.query<{ id: number; kind: string; name: string; code: string | null; geometry: unknown; incident_count: number }>(
    `SELECT a.id, a.kind, a.name, a.code, a.geometry, COALESCE(c.count, 0)::int AS incident_count
       FROM areas a
       LEFT JOIN (SELECT unnest(area_ids) AS area_id, count(*) AS count FROM incidents WHERE agency_id = $1 GROUP BY 1) c ON c.area_id = a.id
      WHERE a.agency_id = $1 AND ($2::text IS NULL OR a.kind = $2)
      ORDER BY a.kind, a.name`,
    [agencyId, kind ?? null],
  );
  const features = rows.map((r) => JSON.stringify({
    type: 'Feature', id: r.id, geometry: r.geometry,
    properties: { id: r.id, kind: r.kind, name: r.name, code: r.code, incidentCount: r.incident_count },
  }));
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}
