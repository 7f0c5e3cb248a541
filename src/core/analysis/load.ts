/**
 * Loading an agency's incidents for analysis: every incident once, as typed arrays (see binary.ts for why
 * the columns travel as bytea). Filters are applied afterwards in memory (select.ts), so one load serves
 * every date range, category set and area the analyst tries next (cache.ts keeps it while the data are
 * unchanged).
 */
import type { Queryable } from '../../db/types.js';
import { decodeFloat64, decodeInt32, type ByteaValue } from './binary.js';

/** All incidents of one agency, in id order. */
export interface AgencyEvents {
  agencyId: number;
  /** Changes whenever an incident is added, changed or deleted (see {@link eventsVersion}). */
  version: string;
  /** Category codes in severity order; `category` indexes into it (−1: a code not in the list). */
  categories: string[];
  x: Float64Array;
  y: Float64Array;
  /** Local wall-clock days since 1970-01-01 in the agency's time zone. */
  t: Float64Array;
  /** Epoch milliseconds. */
  ms: Float64Array;
  category: Int32Array;
  /** Area memberships in compressed rows: the areas of event i are areaIds[areaStart[i] .. areaStart[i+1]). */
  areaStart: Int32Array;
  areaIds: Int32Array;
}

/** Agency facts an analysis needs. */
export interface AgencyInfo {
  id: number;
  slug: string;
  timeZone: string;
  projection: string;
}

export async function agencyInfo(q: Queryable, agencyId: number): Promise<AgencyInfo> {
  const rows = await q.query<{ id: number; slug: string; time_zone: string; projection: string }>(
    'SELECT id, slug, time_zone, projection FROM agencies WHERE id = $1', [agencyId]);
  if (!rows[0]) throw new Error(`agency ${agencyId} does not exist`);
  return { id: rows[0].id, slug: rows[0].slug, timeZone: rows[0].time_zone, projection: rows[0].projection };
}

/**
 * A cheap fingerprint of the agency's incidents: count, newest id and latest update (area memberships and
 * re-imports touch updated_at). Deleting one incident and adding another changes the newest id.
 */
export async function eventsVersion(q: Queryable, agencyId: number): Promise<string> {
  const [row] = await q.query<{ n: number; max_id: string | null; updated: string | null }>(
    `SELECT count(*)::int AS n, max(id)::text AS max_id, max(updated_at)::text AS updated FROM incidents WHERE agency_id = $1`,
    [agencyId]);
  return `${row.n}:${row.max_id ?? 0}:${row.updated ?? ''}`;
}

/** Category codes in severity order (the order of every report). */
export async function categoryCodes(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>('SELECT code FROM offense_categories ORDER BY severity, code');
  return rows.map((r) => r.code);
}

interface ColumnsRow {
  n: number;
  x: ByteaValue;
  y: ByteaValue;
  ms: ByteaValue;
  local: ByteaValue;
  cat: ByteaValue;
  area_n: ByteaValue;
}

/** Loads every incident of the agency; `timeZone` turns instants into local days inside the database. */
export async function loadAgencyEvents(q: Queryable, agencyId: number, timeZone: string): Promise<AgencyEvents> {
  const version = await eventsVersion(q, agencyId);
  const categories = await categoryCodes(q);
  const [row] = await q.query<ColumnsRow>(
    `SELECT count(*)::int AS n,
            string_agg(float8send(x), ''::bytea ORDER BY id) AS x,
            string_agg(float8send(y), ''::bytea ORDER BY id) AS y,
            string_agg(float8send(extract(epoch FROM occurred_at)::float8 * 1000), ''::bytea ORDER BY id) AS ms,
            string_agg(float8send(extract(epoch FROM occurred_at AT TIME ZONE $2)::float8), ''::bytea ORDER BY id) AS local,
            string_agg(int4send(COALESCE(array_position($3::text[], category), 0) - 1), ''::bytea ORDER BY id) AS cat,
            string_agg(int4send(cardinality(area_ids)), ''::bytea ORDER BY id) AS area_n
       FROM incidents WHERE agency_id = $1`,
    [agencyId, timeZone, categories],
  );
  const n = row.n;
  const [areaRow] = await q.query<{ ids: ByteaValue; total: number }>(
    `SELECT count(*)::int AS total, string_agg(int4send(u.a), ''::bytea ORDER BY i.id, u.k) AS ids
       FROM incidents i, unnest(i.area_ids) WITH ORDINALITY AS u(a, k) WHERE i.agency_id = $1`,
    [agencyId]);
  const counts = decodeInt32(row.area_n, n);
  const areaStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) areaStart[i + 1] = areaStart[i] + counts[i];
  // Two statements: an import committing between them would misalign the memberships, so say so.
  if (areaStart[n] !== areaRow.total) throw new Error('incidents changed while they were being loaded; run the analysis again');
  const local = decodeFloat64(row.local, n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = local[i] / 86_400;
  return {
    agencyId,
    version,
    categories,
    x: decodeFloat64(row.x, n),
    y: decodeFloat64(row.y, n),
    t,
    ms: decodeFloat64(row.ms, n),
    category: decodeInt32(row.cat, n),
    areaStart,
    areaIds: decodeInt32(areaRow.ids, areaRow.total),
  };
}
