import type { Queryable } from '../../db/types.js';
import { numberArray, textArray } from '../incidents/import/pg-arrays.js';
import { AreaIndex, loadAreaIndex } from './area-index.js';

/** Postgres array literal of ids: [3, 7] → '{3,7}' (passed as text and cast, so unnest needs no 2-D arrays). */
export const idsLiteral = (ids: readonly number[]): string => `{${ids.join(',')}}`;

/**
 * Recomputes incidents.area_ids of one agency from its current areas, a page of incidents at a time (keyset
 * by id), writing only rows whose memberships change. Pass a transaction to make it commit with the change
 * of areas that caused it. Returns the number of incidents whose memberships changed.
 */
export async function recomputeAreaMemberships(q: Queryable, agencyId: number, options: { pageSize?: number; index?: AreaIndex } = {}): Promise<number> {
  const pageSize = options.pageSize ?? 20_000;
  const index = options.index ?? (await loadAreaIndex(q, agencyId));
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows = await q.query<{ id: number; lon: number; lat: number; area_ids: number[] }>(
      'SELECT id, lon, lat, area_ids FROM incidents WHERE agency_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [agencyId, lastId, pageSize],
    );
    if (rows.length === 0) return changed;
    lastId = rows[rows.length - 1].id;
    const ids: number[] = [];
    const literals: string[] = [];
    for (const row of rows) {
      const next = index.lookup(row.lon, row.lat);
      const current = row.area_ids ?? [];
      if (next.length === current.length && next.every((id, i) => id === current[i])) continue;
      ids.push(row.id);
      literals.push(idsLiteral(next));
    }
    if (ids.length > 0) {
      await q.query(
        `UPDATE incidents AS i SET area_ids = u.area_ids::int[], updated_at = now()
           FROM unnest($1::bigint[], $2::text[]) AS u(id, area_ids) WHERE i.id = u.id`,
        [numberArray(ids), textArray(literals)],
      );
      changed += ids.length;
    }
  }
}
