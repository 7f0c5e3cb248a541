/**
 * Where an analysis happens: the agency's city limits (its 'city' area, projected to the agency's metres)
 * when it has one, else the bounding box of the events. Cells touching the city limits form the study
 * area, as in the engine's backtest ('intersects' mask), so hit rates and Gi* means are taken over the
 * city and not over the empty corners of its bounding box.
 */
import proj4 from 'proj4';
import { buildPolygonMask, gridCovering, polygonsBBox, type PolygonRings, type Unproject } from '../../analytics/index.js';
import type { Queryable } from '../../db/types.js';
import { polygonsOf, type AreaGeometry } from '../places/geometry.js';
import { badRequest } from '../errors.js';
import type { AgencyInfo } from './load.js';
import type { GridWithMask, StudyArea } from './types.js';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** Grids larger than this are refused: they mean a cell size far too small for the area. */
export const MAX_CELLS = 1_000_000;

/** lon/lat → metres in a projection. */
export function projector(projection: string): (lon: number, lat: number) => [number, number] {
  const converter = proj4(WGS84, projection);
  return (lon, lat) => {
    const [x, y] = converter.forward([lon, lat]);
    return [x, y];
  };
}

/** metres → lon/lat (the inverse the GeoJSON output needs). */
export function unprojector(projection: string): Unproject {
  const converter = proj4(WGS84, projection);
  return (x, y) => {
    const [lon, lat] = converter.inverse([x, y]);
    return [lon, lat];
  };
}

/** GeoJSON polygons in lon/lat → rings in metres. */
export function projectGeometry(geometry: AreaGeometry, project: (lon: number, lat: number) => [number, number]): PolygonRings[] {
  return polygonsOf(geometry).map((rings) => rings.map((ring) => ring.map(([lon, lat]) => project(lon, lat))));
}

/** The agency's study area: its 'city' areas (all of them, as one multipolygon), or none. */
export async function agencyStudyArea(q: Queryable, agency: AgencyInfo): Promise<StudyArea> {
  const rows = await q.query<{ geometry: AreaGeometry }>("SELECT geometry FROM areas WHERE agency_id = $1 AND kind = 'city' ORDER BY id", [agency.id]);
  const project = projector(agency.projection);
  const polygons = rows.flatMap((r) => projectGeometry(r.geometry, project));
  return { projection: agency.projection, polygons: polygons.length ? polygons : null, timeZone: agency.timeZone };
}

/** Bounding box of events, or null when there are none. */
function eventsBBox(x: Float64Array, y: Float64Array): { minX: number; minY: number; maxX: number; maxY: number } | null {
  if (x.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The grid of `cellSize` metres over the study area with its mask. Without city limits the grid covers the
 * events' bounding box plus one cell on each side (so a kernel at the edge is not cut at once), unmasked.
 */
export function gridForStudyArea(area: StudyArea, events: { x: Float64Array; y: Float64Array }, cellSize: number): GridWithMask {
  if (!(cellSize > 0)) throw badRequest(`The cell size must be a positive number of metres, got ${cellSize}.`, { field: 'cell' });
  let bbox = area.polygons ? polygonsBBox(area.polygons) : eventsBBox(events.x, events.y);
  if (!bbox) throw badRequest('No incidents match these filters, so there is nothing to analyse.');
  if (!area.polygons) bbox = { minX: bbox.minX - cellSize, minY: bbox.minY - cellSize, maxX: bbox.maxX + cellSize, maxY: bbox.maxY + cellSize };
  const cells = Math.ceil((bbox.maxX - bbox.minX) / cellSize + 1) * Math.ceil((bbox.maxY - bbox.minY) / cellSize + 1);
  if (cells > MAX_CELLS) {
    throw badRequest(`Cells of ${cellSize} m would make about ${cells.toLocaleString('en')} cells over this area (at most ${MAX_CELLS.toLocaleString('en')}); use larger cells.`, { field: 'cell' });
  }
  const grid = gridCovering(bbox, cellSize);
  const mask = area.polygons ? buildPolygonMask(grid, area.polygons, { rule: 'intersects' }) : null;
  return { grid, mask };
}
