/**
 * The incident filters (date range, categories, area) applied in memory to a loaded agency, with the same
 * meaning as IncidentFilter in SQL: `from` inclusive, `to` exclusive, any of the categories, membership of
 * the area (the memberships must have been loaded: ensureAreaMemberships).
 */
import type { AgencyEvents, AreaMemberships } from './load.js';
import type { EventSet } from './types.js';

export interface EventFilter {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  categories?: readonly string[];
  areaId?: number;
}

/** The events passing the filter, and where each came from in the agency arrays. */
export interface Selection {
  events: EventSet;
  index: Int32Array;
}

export function selectEvents(all: AgencyEvents, filter: EventFilter): Selection {
  const n = all.x.length;
  const from = filter.from ? filter.from.getTime() : -Infinity;
  const to = filter.to ? filter.to.getTime() : Infinity;
  let wanted: Uint8Array | null = null;
  if (filter.categories?.length) {
    wanted = new Uint8Array(all.categories.length);
    for (const code of filter.categories) {
      const k = all.categories.indexOf(code);
      if (k >= 0) wanted[k] = 1;
    }
  }
  const areas = filter.areaId !== undefined ? requireAreas(all) : null;
  const keep = (i: number): boolean => {
    if (!(all.ms[i] >= from && all.ms[i] < to)) return false;
    if (wanted && !(all.category[i] >= 0 && wanted[all.category[i]])) return false;
    if (areas) {
      let member = false;
      for (let k = areas.start[i]; k < areas.start[i + 1] && !member; k++) member = areas.values[k] === filter.areaId;
      if (!member) return false;
    }
    return true;
  };
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) picked.push(i);
  const index = Int32Array.from(picked);
  const take = (source: Float64Array): Float64Array => {
    const out = new Float64Array(index.length);
    for (let k = 0; k < index.length; k++) out[k] = source[index[k]];
    return out;
  };
  const category = new Int32Array(index.length);
  for (let k = 0; k < index.length; k++) category[k] = all.category[index[k]];
  return {
    events: { x: take(all.x), y: take(all.y), t: take(all.t), ms: take(all.ms), category, categories: all.categories },
    index,
  };
}

/**
 * For each selected event, the position in `areaIds` of the first of its areas that is listed (−1 when it
 * is in none of them): the area layer of a CompStat table (districts, say).
 */
export function areaLayer(all: AgencyEvents, index: Int32Array, areaIds: readonly number[]): Int32Array {
  const areas = requireAreas(all);
  const position = new Map(areaIds.map((id, k) => [id, k]));
  const out = new Int32Array(index.length).fill(-1);
  for (let k = 0; k < index.length; k++) {
    const i = index[k];
    for (let j = areas.start[i]; j < areas.start[i + 1]; j++) {
      const p = position.get(areas.values[j]);
      if (p !== undefined) {
        out[k] = p;
        break;
      }
    }
  }
  return out;
}

/** Memberships are loaded on demand (memberships.ts); asking before they are is a programming error. */
function requireAreas(all: AgencyEvents): AreaMemberships {
  if (!all.areas) throw new Error('area memberships are not loaded: call ensureAreaMemberships first');
  return all.areas;
}
