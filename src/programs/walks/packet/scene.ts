/**
 * The packet's map as vector shapes, so it prints without a tile server: the canvass circle (or area),
 * nearby incidents labelled by hundred block, and the outlines of neighborhoods and districts. Coordinates
 * are metres east and north of the walk's centre; the PDF and the web page draw the same scene.
 */
import type { Queryable } from '../../../db/types.js';
import { agencyProjection } from '../../../core/incidents/import/projection.js';
import { polygonsOf, type AreaGeometry } from '../../../core/places/geometry.js';

export type Ring = Array<[number, number]>;

export interface MapScene {
  /** The map shows [-halfSize, halfSize] metres in both directions. */
  halfSize: number;
  canvass: { kind: 'circle'; radius: number } | { kind: 'area'; name: string; rings: Ring[] };
  /** Incidents of the past year near the walk (points only: the block labels carry the place). */
  incidents: Array<{ x: number; y: number; category: string }>;
  /** Hundred blocks with incidents, labelled once at their mean position. */
  blocks: Array<{ label: string; x: number; y: number; count: number }>;
  areas: Array<{ name: string; kind: string; rings: Ring[] }>;
}

const DAY_MS = 86_400_000;

/** Builds the scene around a walk; `at` is the walk's date (incidents of the year before it are shown). */
export async function buildScene(
  q: Queryable, agencyId: number, walk: { lon: number; lat: number; radiusM: number; canvassAreaId: number | null; at: Date },
): Promise<MapScene> {
  const [agency] = await q.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
  const projection = agencyProjection(agency.projection);
  const [cx, cy] = projection.toXY(walk.lon, walk.lat);
  const toLocal = (lon: number, lat: number): [number, number] => {
    const [x, y] = projection.toXY(lon, lat);
    return [Math.round(x - cx), Math.round(y - cy)];
  };
  const ringsOf = (geometry: AreaGeometry): Ring[] => polygonsOf(geometry).flatMap((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => toLocal(lon, lat))));

  let canvass: MapScene['canvass'] = { kind: 'circle', radius: walk.radiusM };
  let halfSize = walk.radiusM * 1.6;
  if (walk.canvassAreaId) {
    const [area] = await q.query<{ name: string; geometry: AreaGeometry }>('SELECT name, geometry FROM areas WHERE id = $1 AND agency_id = $2', [walk.canvassAreaId, agencyId]);
    if (area) {
      const rings = ringsOf(area.geometry);
      canvass = { kind: 'area', name: area.name, rings };
      halfSize = Math.max(halfSize, ...rings.flat().map(([x, y]) => Math.max(Math.abs(x), Math.abs(y)) * 1.15));
    }
  }
  halfSize = Math.min(halfSize, 5000);

  const incidents = await q.query<{ x: number; y: number; category: string; hundred_block: string | null }>(
    `SELECT x, y, category, hundred_block FROM incidents
      WHERE agency_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND abs(x - $4::float8) <= $6::float8 AND abs(y - $5::float8) <= $6::float8
      ORDER BY occurred_at DESC LIMIT 400`,
    [agencyId, new Date(walk.at.getTime() - 365 * DAY_MS), new Date(walk.at.getTime() + DAY_MS), cx, cy, halfSize]);
  const byBlock = new Map<string, { x: number; y: number; count: number }>();
  for (const i of incidents) {
    if (!i.hundred_block) continue;
    const b = byBlock.get(i.hundred_block) ?? { x: 0, y: 0, count: 0 };
    b.x += i.x - cx;
    b.y += i.y - cy;
    b.count += 1;
    byBlock.set(i.hundred_block, b);
  }
  const blocks = [...byBlock.entries()]
    .map(([label, b]) => ({ label, x: Math.round(b.x / b.count), y: Math.round(b.y / b.count), count: b.count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, 14);

  // Outlines of the areas whose bounding box meets the view (bbox is [min lon, min lat, max lon, max lat]).
  const degLat = halfSize / 110_574;
  const degLon = halfSize / (111_320 * Math.cos((walk.lat * Math.PI) / 180));
  const areaRows = await q.query<{ name: string; kind: string; geometry: AreaGeometry }>(
    `SELECT name, kind, geometry FROM areas WHERE agency_id = $1 AND kind IN ('neighborhood', 'district', 'crt_zone', 'sco_post')
       AND bbox[1] <= $2 AND bbox[3] >= $3 AND bbox[2] <= $4 AND bbox[4] >= $5 ORDER BY kind, name LIMIT 20`,
    [agencyId, walk.lon + degLon, walk.lon - degLon, walk.lat + degLat, walk.lat - degLat]);
  return {
    halfSize: Math.round(halfSize),
    canvass,
    incidents: incidents.map((i) => ({ x: Math.round(i.x - cx), y: Math.round(i.y - cy), category: i.category })),
    blocks,
    areas: areaRows.map((a) => ({ name: a.name, kind: a.kind, rings: ringsOf(a.geometry) })),
  };
}

/** A scale bar length (metres) that is a round number near a fifth of the map's width. */
export function scaleBarMetres(halfSize: number): number {
  const target = (2 * halfSize) / 5;
  const steps = [50, 100, 200, 250, 500, 1000, 2000];
  return steps.reduce((best, s) => (Math.abs(s - target) < Math.abs(best - target) ? s : best), steps[0]);
}
