/** Boundaries and points: validating a group's polygon, and finding what contains a picked point. */
import type { Queryable } from '../../db/types.js';
import { badRequest } from '../../core/errors.js';
import { geometryBBox, pointInGeometry, toAreaGeometry, type AreaGeometry, type BBox } from '../../core/places/index.js';

// A watch group covers blocks, not a city: anything wider than about 5 km is almost certainly a mistake.
const MAX_SPAN_DEGREES = 0.05;
const MAX_VERTICES = 2000;

/** Checks a boundary (names what is wrong, as `boundary: …`) and returns it with its bounding box. */
export function checkBoundary(value: unknown): { geometry: AreaGeometry; bbox: BBox } {
  let geometry: AreaGeometry;
  try {
    geometry = toAreaGeometry(value);
  } catch (error) {
    throw badRequest(`boundary: ${(error as Error).message.replace(/^geometry:?\s*/, '')}`, { field: 'boundary' });
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const vertices = polygons.flat().reduce((n, ring) => n + ring.length, 0);
  if (vertices > MAX_VERTICES) throw badRequest(`boundary: at most ${MAX_VERTICES} points, got ${vertices}`, { field: 'boundary' });
  const bbox = geometryBBox(geometry);
  if (bbox[2] - bbox[0] > MAX_SPAN_DEGREES || bbox[3] - bbox[1] > MAX_SPAN_DEGREES) {
    throw badRequest('boundary: a watch group covers a few blocks; this outline is wider than 5 km', { field: 'boundary' });
  }
  return { geometry, bbox };
}

/** The neighborhood containing a point (optionally of one agency), or null. */
export async function neighborhoodAt(q: Queryable, lon: number, lat: number, agencyId?: number): Promise<{ id: number; name: string; agencyId: number } | null> {
  const candidates = await q.query<{ id: number; name: string; agency_id: number; geometry: AreaGeometry }>(
    `SELECT id, name, agency_id, geometry FROM areas
     WHERE kind = 'neighborhood' AND ($3::int IS NULL OR agency_id = $3)
       AND bbox[1] <= $1 AND bbox[3] >= $1 AND bbox[2] <= $2 AND bbox[4] >= $2
     ORDER BY id`, [lon, lat, agencyId ?? null]);
  const hit = candidates.find((a) => pointInGeometry(lon, lat, a.geometry));
  return hit ? { id: hit.id, name: hit.name, agencyId: hit.agency_id } : null;
}

/** A representative inner point of a geometry: the middle of its bounding box when inside, else a vertex average. */
export function innerPoint(geometry: AreaGeometry): [number, number] {
  const [w, s, e, n] = geometryBBox(geometry);
  const middle: [number, number] = [(w + e) / 2, (s + n) / 2];
  if (pointInGeometry(middle[0], middle[1], geometry)) return middle;
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  const sum = ring.reduce((acc, [x, y]) => [acc[0] + x, acc[1] + y], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}

/** Ids of active groups whose boundary contains the point. */
export async function groupIdsAt(q: Queryable, lon: number, lat: number): Promise<number[]> {
  const candidates = await q.query<{ id: number; boundary: AreaGeometry }>(
    `SELECT id, boundary FROM watch_groups
     WHERE status = 'active' AND bbox[1] <= $1 AND bbox[3] >= $1 AND bbox[2] <= $2 AND bbox[4] >= $2 ORDER BY name`, [lon, lat]);
  return candidates.filter((g) => pointInGeometry(lon, lat, g.boundary)).map((g) => g.id);
}

const METRES_PER_DEGREE = 111_320;

/** Metres from a point to a boundary's edges (0 inside), on a local flat projection (fine at group scale). */
export function distanceToGeometry(lon: number, lat: number, geometry: AreaGeometry): number {
  if (pointInGeometry(lon, lat, geometry)) return 0;
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i += 1) {
      const ax = (ring[i - 1][0] - lon) * kx, ay = (ring[i - 1][1] - lat) * ky;
      const bx = (ring[i][0] - lon) * kx, by = (ring[i][1] - lat) * ky;
      const dx = bx - ax, dy = by - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/** Active groups not containing the point whose boundary is within `maxMetres` of it, nearest first. */
export async function groupsNear(q: Queryable, lon: number, lat: number, maxMetres: number): Promise<Array<{ id: number; distanceMetres: number }>> {
  const dLat = maxMetres / METRES_PER_DEGREE;
  const dLon = maxMetres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const candidates = await q.query<{ id: number; boundary: AreaGeometry }>(
    `SELECT id, boundary FROM watch_groups
     WHERE status = 'active' AND bbox[1] <= $1::float8 + $3::float8 AND bbox[3] >= $1::float8 - $3::float8
       AND bbox[2] <= $2::float8 + $4::float8 AND bbox[4] >= $2::float8 - $4::float8`, [lon, lat, dLon, dLat]);
  return candidates.map((g) => ({ id: g.id, distanceMetres: distanceToGeometry(lon, lat, g.boundary) }))
    .filter((g) => g.distanceMetres > 0 && g.distanceMetres <= maxMetres)
    .sort((a, b) => a.distanceMetres - b.distanceMetres);
}
