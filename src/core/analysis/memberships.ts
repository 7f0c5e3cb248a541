/**
 * Area memberships of a loaded agency, fetched only when an analysis needs them (an area filter, CompStat's
 * area rows): most hot-spot requests never do, and `area_ids` is the most expensive column to transfer.
 * Rows are matched to the loaded events by incident id, so the two statements need not read rows in the
 * same order.
 */
import type { Queryable } from '../../db/types.js';
import type { AgencyEvents, AreaMemberships } from './load.js';

export async function ensureAreaMemberships(q: Queryable, all: AgencyEvents): Promise<AreaMemberships> {
  if (all.areas) return all.areas;
  // Each row: the id as float8, then the int4[] in PostgreSQL's binary array format (array_send).
  const [row] = await q.query<{ bytes: Uint8Array | null; n: number }>(
    `SELECT count(*)::int AS n, string_agg(float8send(id::float8) || array_send(area_ids), ''::bytea) AS bytes
       FROM incidents WHERE agency_id = $1 AND cardinality(area_ids) > 0`,
    [all.agencyId]);
  all.areas = decode(all, row.bytes, row.n);
  return all.areas;
}

function decode(all: AgencyEvents, bytes: Uint8Array | null, rows: number): AreaMemberships {
  const index = new Map<number, number>();
  for (let i = 0; i < all.ids.length; i++) index.set(all.ids[i], i);
  const lists = new Map<number, number[]>();
  if (bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    for (let r = 0; r < rows; r++) {
      const id = view.getFloat64(at, false);
      const ndim = view.getInt32(at + 8, false); // then the has-null flag and the element type
      at += 20;
      const areas: number[] = [];
      if (ndim === 1) {
        const count = view.getInt32(at, false);
        at += 8; // size and lower bound
        for (let k = 0; k < count; k++) {
          const length = view.getInt32(at, false);
          if (length === 4) areas.push(view.getInt32(at + 4, false));
          at += 4 + Math.max(0, length);
        }
      }
      const i = index.get(id);
      if (i !== undefined) lists.set(i, areas);
    }
  }
  const n = all.ids.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + (lists.get(i)?.length ?? 0);
  const values = new Int32Array(start[n]);
  for (const [i, areas] of lists) values.set(areas, start[i]);
  return { start, values };
}
