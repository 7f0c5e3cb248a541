import type { Queryable } from '../../db/types.js';
import { badRequest } from '../errors.js';
import { geometryBBox, pointInGeometry, toAreaGeometry, type AreaGeometry } from '../places/index.js';

/** Area kinds a resident can filter by; beats and custom zones are working tools of the department. */
export const PUBLIC_AREA_KINDS = ['neighborhood', 'district'] as const;
export type PublicAreaKind = (typeof PUBLIC_AREA_KINDS)[number];

export interface PublicArea {
  id: number;
  kind: PublicAreaKind;
  name: string;
  /** A point inside the area where its counts are drawn. */
  labelPoint: [number, number];
  geometry: AreaGeometry;
}

// Four decimals is ~10 m: plenty for an outline on a city map, and the neighborhoods shrink to a third.
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

function simplify(geometry: AreaGeometry): AreaGeometry {
  const ring = (points: number[][]) => {
    const out: [number, number][] = [];
    for (const [lon, lat] of points) {
      const p: [number, number] = [round4(lon), round4(lat)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/**
 * A point inside the area, near the middle of its bounding box: the box centre when it is inside (most
 * neighborhoods), else the inside point of a 15×15 lattice nearest to that centre (crescent-shaped areas).
 */
export function labelPoint(geometry: AreaGeometry): [number, number] {
  const [w, s, e, n] = geometryBBox(geometry);
  const centre: [number, number] = [(w + e) / 2, (s + n) / 2];
  if (pointInGeometry(centre[0], centre[1], geometry)) return [round4(centre[0]), round4(centre[1])];
  let best = centre;
  let bestDistance = Infinity;
  for (let i = 0; i <= 14; i++) {
    for (let j = 0; j <= 14; j++) {
      const p: [number, number] = [w + ((e - w) * (i + 0.5)) / 15, s + ((n - s) * (j + 0.5)) / 15];
      const distance = Math.hypot(p[0] - centre[0], p[1] - centre[1]);
      if (distance < bestDistance && pointInGeometry(p[0], p[1], geometry)) {
        best = p;
        bestDistance = distance;
      }
    }
  }
  return [round4(best[0]), round4(best[1])];
}

/** Neighborhoods or districts of an agency with simplified outlines (boundaries are public knowledge). */
export async function listPublicAreas(q: Queryable, agencyId: number, kind: PublicAreaKind): Promise<PublicArea[]> {
  const rows = await q.query<{ id: number; name: string; geometry: unknown }>(
    'SELECT id, name, geometry FROM areas WHERE agency_id = $1 AND kind = $2 ORDER BY name', [agencyId, kind]);
  return rows.map((r) => {
    const geometry = toAreaGeometry(r.geometry);
    return { id: r.id, kind, name: r.name, labelPoint: labelPoint(geometry), geometry: simplify(geometry) };
  });
}

/** Checks that a filter's area is a public area of the agency (ids of other agencies' areas are refused). */
export async function checkPublicArea(q: Queryable, agencyId: number, areaId: number | undefined): Promise<{ id: number; name: string } | undefined> {
  if (areaId === undefined) return undefined;
  const rows = await q.query<{ id: number; name: string }>(
    'SELECT id, name FROM areas WHERE id = $1 AND agency_id = $2 AND kind = ANY($3::text[])', [areaId, agencyId, [...PUBLIC_AREA_KINDS]]);
  if (!rows[0]) throw badRequest(`querystring.area: area ${areaId} is not a neighborhood or district of this agency`, { field: 'querystring.area' });
  return rows[0];
}
