/**
 * Polygon geometry in WGS84 lon/lat as GeoJSON writes it: a Polygon is rings (the first the outline, the
 * rest holes); a MultiPolygon is a list of Polygons.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

/** [min lon, min lat, max lon, max lat] */
export type BBox = [number, number, number, number];

/** The polygons of a geometry (one for a Polygon). */
export const polygonsOf = (geometry: AreaGeometry): PolygonCoordinates[] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/** Bounding box of one polygon's outline (holes lie inside it). */
export function polygonBBox(polygon: PolygonCoordinates): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of polygon[0]) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Bounding box of a whole geometry. */
export function geometryBBox(geometry: AreaGeometry): BBox {
  const boxes = polygonsOf(geometry).map(polygonBBox);
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}

/**
 * Even-odd ray casting over every ring of the polygon: a point inside the outline and inside a hole crosses
 * an even number of edges and is outside, which is exactly the GeoJSON meaning of holes.
 */
export function pointInPolygon(lon: number, lat: number, polygon: PolygonCoordinates): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** True when any polygon of the geometry contains the point. */
export function pointInGeometry(lon: number, lat: number, geometry: AreaGeometry): boolean {
  return polygonsOf(geometry).some((polygon) => pointInPolygon(lon, lat, polygon));
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1])
  && Math.abs(value[0] as number) <= 180 && Math.abs(value[1] as number) <= 90;

function checkPolygon(value: unknown, where: string): PolygonCoordinates {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where}: a polygon needs at least one ring`);
  return value.map((ring, r) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new Error(`${where}: ring ${r + 1} needs at least 4 positions`);
    return ring.map((position, p) => {
      if (!isPosition(position)) throw new Error(`${where}: ring ${r + 1} position ${p + 1} is not a WGS84 [lon, lat]`);
      return [position[0], position[1]] as Position;
    });
  });
}

/**
 * Validates a GeoJSON geometry as a Polygon or MultiPolygon in lon/lat and returns it with positions trimmed
 * to two numbers. Throws a message that names what is wrong.
 */
export function toAreaGeometry(geometry: unknown): AreaGeometry {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') throw new Error('geometry: missing');
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: checkPolygon(g.coordinates, 'geometry') };
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new Error('geometry: a MultiPolygon needs polygons');
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((p, i) => checkPolygon(p, `geometry polygon ${i + 1}`)) };
  }
  throw new Error(`geometry: expected Polygon or MultiPolygon, got ${String(g.type)}`);
}
