/**
 * Displacement check for an intervention (Bowers & Johnson's weighted displacement quotient): incidents
 * are counted in the target area, a buffer around it and a control area, for equal periods before and after
 * the intervention date, and the engine reads the quotient.
 */
import { pointInPolygons, weightedDisplacementQuotient, type PolygonRings, type WdqInput, type WdqResult } from '../../../analytics/index.js';
import { badRequest } from '../../errors.js';
import type { EventSet } from '../types.js';
import { isoDay } from './forecast.js';

/** The three zones in metres. The buffer may be a ring of a width around the target; control may be "the rest". */
export interface WdqZones {
  target: PolygonRings[];
  buffer: PolygonRings[] | { metres: number };
  control: PolygonRings[] | 'rest';
}

export interface WdqReport extends WdqResult {
  counts: WdqInput;
  before: [string, string];
  after: [string, string];
  /** Incidents counted in none of the zones (outside the control area). */
  elsewhere: number;
}

/** Distance from a point to the nearest edge of any polygon (metres). */
export function distanceToEdges(polygons: readonly PolygonRings[], x: number, y: number): number {
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j];
        const [bx, by] = ring[i];
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const s = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
        const d = Math.hypot(x - (ax + s * dx), y - (ay + s * dy));
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** Zone of a point: 0 target, 1 buffer, 2 control, −1 none. Target wins over buffer, buffer over control. */
function zoneOf(zones: WdqZones, x: number, y: number): number {
  if (pointInPolygons(zones.target, x, y)) return 0;
  const inBuffer = Array.isArray(zones.buffer) ? pointInPolygons(zones.buffer, x, y) : distanceToEdges(zones.target, x, y) <= zones.buffer.metres;
  if (inBuffer) return 1;
  if (zones.control === 'rest' || pointInPolygons(zones.control, x, y)) return 2;
  return -1;
}

/** `date` is the intervention day (local days); periods are `days` long on each side of it. */
export function wdqReport(events: EventSet, zones: WdqZones, date: number, days: number): WdqReport {
  const counts = new Float64Array(6); // [zone * 2 + (after ? 1 : 0)]
  let elsewhere = 0;
  for (let i = 0; i < events.t.length; i++) {
    const t = events.t[i];
    if (t < date - days || t >= date + days) continue;
    const zone = zoneOf(zones, events.x[i], events.y[i]);
    if (zone < 0) elsewhere++;
    else counts[zone * 2 + (t >= date ? 1 : 0)]++;
  }
  const input: WdqInput = {
    targetBefore: counts[0], targetAfter: counts[1], bufferBefore: counts[2], bufferAfter: counts[3], controlBefore: counts[4], controlAfter: counts[5],
  };
  if (!(input.controlBefore > 0 && input.controlAfter > 0)) {
    throw badRequest(`The control area needs incidents in both periods to compare with (it has ${input.controlBefore} before and ${input.controlAfter} after); choose a larger control area or longer periods.`, { field: 'control' });
  }
  return {
    ...weightedDisplacementQuotient(input),
    counts: input,
    before: [isoDay(date - days), isoDay(date)],
    after: [isoDay(date), isoDay(date + days)],
    elsewhere,
  };
}
