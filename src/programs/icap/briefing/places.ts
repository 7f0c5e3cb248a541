/**
 * Where things are in the briefing: current hot spots (Getis–Ord Gi* on a 250 m grid of the last 180 days'
 * shootings) and near-repeat risk zones (the last 14 days' shootings with the city's near-repeat radius and
 * window). Places are named by neighborhood and hundred block, never by exact address.
 */
import proj4 from 'proj4';
import type { Queryable } from '../../../db/types.js';
import { buildPolygonMask, cellCentre, getisOrdGiStar, gridCounts, gridCovering } from '../../../analytics/index.js';
import { polygonsOf, type AreaGeometry } from '../../../core/places/geometry.js';
import { loadAreaIndex } from '../../../core/places/area-index.js';
import { SHOOTING_CATEGORIES, type NearRepeatProfile } from '../near-repeat.js';

const DAY_MS = 86_400_000;
const CELL_M = 250;
const BAND_M = 500;
const WINDOW_DAYS = 180;

export interface HotSpot { lon: number; lat: number; x: number; y: number; cellSize: number; z: number; confidence: number; count: number; neighborhood: string | null }
export interface RiskZone {
  incidentId: number; category: string; occurredAt: Date; hundredBlock: string | null; lon: number; lat: number; x: number; y: number;
  radiusM: number; until: Date; active: boolean; nearby: number; neighborhood: string | null;
}

async function namer(q: Queryable, agencyId: number) {
  const index = await loadAreaIndex(q, agencyId);
  const names = new Map((await q.query<{ id: number; name: string }>("SELECT id, name FROM areas WHERE agency_id = $1 AND kind = 'neighborhood'", [agencyId])).map((r) => [r.id, r.name]));
  return (lon: number, lat: number) => index.lookup(lon, lat).map((id) => names.get(id)).find(Boolean) ?? null;
}

/**
 * Up to ten distinct hot spots (95% confidence or more after FDR) of the last 180 days: cells that are the
 * local maximum of Gi* among their neighbours, so one cluster is listed once. The study area is the city
 * outline when the agency has one (empty land outside would inflate every z-score). `count` is the number
 * of shootings within the neighbourhood band, what the statistic is about.
 */
export async function hotSpots(q: Queryable, agencyId: number, asOf: Date): Promise<HotSpot[]> {
  const rows = await q.query<{ x: number; y: number }>(
    'SELECT x, y FROM incidents WHERE agency_id = $1 AND category = ANY($2::text[]) AND occurred_at >= $3 AND occurred_at < $4',
    [agencyId, SHOOTING_CATEGORIES, new Date(asOf.getTime() - WINDOW_DAYS * DAY_MS), asOf]);
  if (rows.length < 10) return [];
  const [agency] = await q.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
  const x = Float64Array.from(rows, (r) => r.x);
  const y = Float64Array.from(rows, (r) => r.y);
  let bbox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < x.length; i++) bbox = { minX: Math.min(bbox.minX, x[i]), minY: Math.min(bbox.minY, y[i]), maxX: Math.max(bbox.maxX, x[i]), maxY: Math.max(bbox.maxY, y[i]) };
  const city = await cityPolygons(q, agencyId, agency.projection);
  for (const ring of city.flat()) for (const [px, py] of ring) bbox = { minX: Math.min(bbox.minX, px), minY: Math.min(bbox.minY, py), maxX: Math.max(bbox.maxX, px), maxY: Math.max(bbox.maxY, py) };
  const grid = gridCovering(bbox, CELL_M, true);
  const counts = gridCounts(grid, x, y);
  const mask = city.length ? buildPolygonMask(grid, city, { rule: 'intersects' }) : undefined;
  const gi = getisOrdGiStar(grid, counts, { distanceBand: BAND_M, mask });
  const r = Math.round(BAND_M / CELL_M);
  const around = (c: number, visit: (n: number) => void) => {
    const cx = c % grid.nx, cy = Math.floor(c / grid.nx);
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const nx = cx + dx, ny = cy + dy;
      if (nx >= 0 && ny >= 0 && nx < grid.nx && ny < grid.ny && Math.hypot(dx, dy) * CELL_M <= BAND_M + 1e-9) visit(ny * grid.nx + nx);
    }
  };
  const toLonLat = proj4(agency.projection, 'WGS84');
  const name = await namer(q, agencyId);
  const cells: HotSpot[] = [];
  for (let c = 0; c < counts.length; c++) {
    if (gi.confidence[c] < 2) continue;
    let peak = true;
    let nearby = 0;
    around(c, (n) => { nearby += counts[n]; if (n !== c && gi.z[n] > gi.z[c]) peak = false; });
    if (!peak || nearby === 0) continue;
    const [cx, cy] = cellCentre(grid, c);
    const [lon, lat] = toLonLat.forward([cx, cy]);
    cells.push({ lon, lat, x: cx, y: cy, cellSize: CELL_M, z: Math.round(gi.z[c] * 100) / 100, confidence: gi.confidence[c], count: nearby, neighborhood: name(lon, lat) });
  }
  return cells.sort((a, b) => b.z - a.z).slice(0, 10);
}

/** The agency's city outline(s) in projected metres, for the study-area mask. */
async function cityPolygons(q: Queryable, agencyId: number, projection: string): Promise<Array<Array<Array<[number, number]>>>> {
  const rows = await q.query<{ geometry: AreaGeometry }>("SELECT geometry FROM areas WHERE agency_id = $1 AND kind = 'city'", [agencyId]);
  const forward = proj4('WGS84', projection);
  return rows.flatMap((r) => polygonsOf(r.geometry).map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => forward.forward([lon, lat]) as [number, number]))));
}

/** A zone around each shooting of the 14 days before `asOf`; active while its window lasts. */
export async function riskZones(q: Queryable, agencyId: number, asOf: Date, profile: NearRepeatProfile): Promise<RiskZone[]> {
  const rows = await q.query<{ id: number; category: string; occurred_at: Date; hundred_block: string | null; lon: number; lat: number; x: number; y: number }>(
    `SELECT id, category, occurred_at, hundred_block, lon, lat, x, y FROM incidents
      WHERE agency_id = $1 AND category = ANY($2::text[]) AND occurred_at >= $3 AND occurred_at < $4 ORDER BY occurred_at DESC LIMIT 300`,
    [agencyId, SHOOTING_CATEGORIES, new Date(asOf.getTime() - 14 * DAY_MS), asOf]);
  const name = await namer(q, agencyId);
  const r2 = profile.radiusM ** 2;
  return rows.map((s) => {
    const until = new Date(s.occurred_at.getTime() + profile.windowDays * DAY_MS);
    const nearby = rows.filter((o) => o.id !== s.id && (o.x - s.x) ** 2 + (o.y - s.y) ** 2 <= r2).length;
    return {
      incidentId: Number(s.id), category: s.category, occurredAt: s.occurred_at, hundredBlock: s.hundred_block, lon: s.lon, lat: s.lat, x: s.x, y: s.y,
      radiusM: profile.radiusM, until, active: until > asOf, nearby, neighborhood: name(s.lon, s.lat),
    };
  });
}
