import Flatbush from 'flatbush';
import type { Queryable } from '../../db/types.js';
import { polygonBBox, polygonsOf, type AreaGeometry, type PolygonCoordinates } from './geometry.js';

/**
 * Which areas contain a point, fast enough for a million incidents: a Flatbush index over the bounding box
 * of every polygon part, then an even-odd crossing test on that polygon. Each polygon's edges are bucketed
 * into horizontal bands, so a test only looks at the edges that cross the point's latitude.
 */

class PreparedPolygon {
  // Edges as x1, y1, x2, y2 quadruples; bands[k] lists the edges whose latitude range meets band k.
  private readonly edges: Float64Array;
  private readonly bands: Uint32Array[];
  private readonly minY: number;
  private readonly bandHeight: number;

  constructor(polygon: PolygonCoordinates) {
    const count = polygon.reduce((n, ring) => n + ring.length, 0);
    this.edges = new Float64Array(count * 4);
    let e = 0;
    let minY = Infinity, maxY = -Infinity;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        this.edges.set([ring[j][0], ring[j][1], ring[i][0], ring[i][1]], e * 4);
        minY = Math.min(minY, ring[i][1]);
        maxY = Math.max(maxY, ring[i][1]);
        e += 1;
      }
    }
    const bandCount = Math.max(1, Math.min(1024, Math.ceil(e / 8)));
    this.minY = minY;
    this.bandHeight = (maxY - minY) / bandCount || 1;
    const lists: number[][] = Array.from({ length: bandCount }, () => []);
    for (let k = 0; k < e; k += 1) {
      const y1 = this.edges[k * 4 + 1], y2 = this.edges[k * 4 + 3];
      const from = this.band(Math.min(y1, y2), bandCount), to = this.band(Math.max(y1, y2), bandCount);
      for (let b = from; b <= to; b += 1) lists[b].push(k);
    }
    this.bands = lists.map((list) => Uint32Array.from(list));
  }

  private band(y: number, bandCount = this.bands.length): number {
    return Math.min(bandCount - 1, Math.max(0, Math.floor((y - this.minY) / this.bandHeight)));
  }

  contains(lon: number, lat: number): boolean {
    let inside = false;
    const edges = this.edges;
    for (const k of this.bands[this.band(lat)]) {
      const xi = edges[k * 4 + 2], yi = edges[k * 4 + 3], xj = edges[k * 4], yj = edges[k * 4 + 1];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

/** An area to index: its id and WGS84 polygon geometry. */
export interface IndexedArea {
  id: number;
  geometry: AreaGeometry;
}

// Shared answer for points in no area (most points when an agency has no areas yet): no allocation per point.
const NO_AREAS: readonly number[] = Object.freeze([]);

/** Point → containing area ids for a fixed set of areas (build once per import or recompute). */
export class AreaIndex {
  private readonly index: Flatbush | null;
  private readonly parts: Array<{ areaId: number; polygon: PreparedPolygon }> = [];

  constructor(areas: readonly IndexedArea[]) {
    const polygons: Array<{ areaId: number; coordinates: PolygonCoordinates }> = [];
    for (const area of areas) for (const coordinates of polygonsOf(area.geometry)) polygons.push({ areaId: area.id, coordinates });
    if (polygons.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(polygons.length);
    for (const { areaId, coordinates } of polygons) {
      const [minX, minY, maxX, maxY] = polygonBBox(coordinates);
      this.index.add(minX, minY, maxX, maxY);
      this.parts.push({ areaId, polygon: new PreparedPolygon(coordinates) });
    }
    this.index.finish();
  }

  /** Number of indexed areas' polygon parts (0: every lookup answers []). */
  get size(): number {
    return this.parts.length;
  }

  /** Ids of the areas containing the point, ascending and without repeats. */
  lookup(lon: number, lat: number): readonly number[] {
    if (!this.index) return NO_AREAS;
    const ids: number[] = [];
    for (const i of this.index.search(lon, lat, lon, lat)) {
      const part = this.parts[i];
      if (!ids.includes(part.areaId) && part.polygon.contains(lon, lat)) ids.push(part.areaId);
    }
    if (ids.length === 0) return NO_AREAS;
    return ids.length > 1 ? ids.sort((a, b) => a - b) : ids;
  }
}

/** Builds the index of every area of an agency. */
export async function loadAreaIndex(q: Queryable, agencyId: number): Promise<AreaIndex> {
  const rows = await q.query<{ id: number; geometry: AreaGeometry }>('SELECT id, geometry FROM areas WHERE agency_id = $1 ORDER BY id', [agencyId]);
  return new AreaIndex(rows);
}
