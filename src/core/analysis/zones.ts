/**
 * Areas as analysis inputs: the CompStat area layer (every area of one kind) and the three zones of a
 * displacement check, given as area ids, GeoJSON geometries, a buffer width or "the rest".
 */
import type { PolygonRings } from '../../analytics/index.js';
import type { Queryable } from '../../db/types.js';
import { badRequest } from '../errors.js';
import { toAreaGeometry } from '../places/geometry.js';
import { compstatReport, type CompstatReport } from './jobs/compstat.js';
import { wdqReport, type WdqReport, type WdqZones } from './jobs/wdq.js';
import { areaLayer } from './select.js';
import { ensureAreaMemberships } from './memberships.js';
import { defaultReportInstant, type AnalysisInput } from './service.js';
import { projectGeometry, projector } from './study-area.js';

/** A zone as callers give it. */
export type ZoneSpec = { areaId: number } | { geometry: unknown } | { metres: number } | 'rest';

export async function compstatFor(q: Queryable | null, input: AnalysisInput, areaKind: string | null, at: number | undefined, nowMs: number): Promise<CompstatReport> {
  let layer: { kind: string; names: string[]; areaOf: Int32Array } | null = null;
  if (areaKind && q && input.agency && input.selection) {
    const areas = await q.query<{ id: number; name: string }>('SELECT id, name FROM areas WHERE agency_id = $1 AND kind = $2 ORDER BY name', [input.agency.id, areaKind]);
    await ensureAreaMemberships(q, input.selection.all);
    layer = { kind: areaKind, names: areas.map((a) => a.name), areaOf: areaLayer(input.selection.all, input.selection.index, areas.map((a) => a.id)) };
  }
  const instant = at ?? defaultReportInstant(input.events.t, nowMs, input.area.timeZone);
  return compstatReport(input.events, layer, instant, input.area.timeZone);
}

async function zonePolygons(q: Queryable | null, input: AnalysisInput, spec: ZoneSpec, field: string): Promise<PolygonRings[]> {
  if (typeof spec === 'object' && 'areaId' in spec) {
    if (!q || !input.agency) throw badRequest(`${field}: area ids need the database; give a GeoJSON file instead.`, { field });
    const rows = await q.query<{ geometry: unknown }>('SELECT geometry FROM areas WHERE id = $1 AND agency_id = $2', [spec.areaId, input.agency.id]);
    if (!rows[0]) throw badRequest(`${field}: area ${spec.areaId} is not one of the agency's areas.`, { field });
    return projectGeometry(toAreaGeometry(rows[0].geometry), projector(input.agency.projection));
  }
  if (typeof spec === 'object' && 'geometry' in spec) {
    if (!input.area.projection) throw badRequest(`${field}: GeoJSON is in lon/lat, but the incidents' projection is unknown; give --crs lonlat or a proj4/EPSG definition.`, { field });
    let geometry;
    try {
      geometry = toAreaGeometry(spec.geometry);
    } catch (error) {
      throw badRequest(`${field}: ${(error as Error).message}`, { field });
    }
    return projectGeometry(geometry, projector(input.area.projection));
  }
  throw badRequest(`${field}: give an area id or a GeoJSON polygon.`, { field });
}

export interface WdqRequest {
  target: ZoneSpec;
  buffer: ZoneSpec;
  control: ZoneSpec;
  /** Intervention day in local days. */
  date: number;
  /** Length of each period in days. */
  days: number;
}

export async function wdqFor(q: Queryable | null, input: AnalysisInput, request: WdqRequest): Promise<WdqReport> {
  const target = await zonePolygons(q, input, request.target, 'target');
  let buffer: WdqZones['buffer'];
  if (typeof request.buffer === 'object' && 'metres' in request.buffer) {
    if (!(request.buffer.metres > 0)) throw badRequest('buffer: the width must be a positive number of metres.', { field: 'buffer' });
    buffer = { metres: request.buffer.metres };
  } else buffer = await zonePolygons(q, input, request.buffer, 'buffer');
  const control: WdqZones['control'] = request.control === 'rest' ? 'rest' : await zonePolygons(q, input, request.control, 'control');
  return wdqReport(input.events, { target, buffer, control }, request.date, request.days);
}
