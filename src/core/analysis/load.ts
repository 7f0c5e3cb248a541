/**
 * Loading an agency's incidents for analysis: every incident once, as typed arrays (binary.ts says why the
 * columns travel as bytea, local-days.ts why local time is computed in JavaScript). Filters are applied
 * afterwards in memory (select.ts), so one load serves every date range, category set and area the analyst
 * tries next (cache.ts keeps it while the data are unchanged). Area memberships come on demand (memberships.ts).
 */
import type { Queryable } from '../../db/types.js';
import { decodeFloat64, decodeInt32, type ByteaValue } from './binary.js';
import { localDays } from './local-days.js';

/** Area memberships in compressed rows: the areas of event i are values[start[i] .. start[i+1]). */
export interface AreaMemberships {
  start: Int32Array;
  values: Int32Array;
}

/** All incidents of one agency (in no particular order). */
export interface AgencyEvents {
  agencyId: number;
  /** Incident ids (as doubles: exact up to 2^53). */
  ids: Float64Array;
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
  /** Filled by ensureAreaMemberships when an analysis needs them. */
  areas?: AreaMemberships;
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
  ids: ByteaValue;
  x: ByteaValue;
  y: ByteaValue;
  ms: ByteaValue;
  cat: ByteaValue;
}

/** Loads every incident of the agency in one statement (all aggregates read the rows of the same scan). */
export async function loadAgencyEvents(q: Queryable, agencyId: number, timeZone: string): Promise<AgencyEvents> {
  const version = await eventsVersion(q, agencyId);
  const categories = await categoryCodes(q);
  const [row] = await q.query<ColumnsRow>(
    `SELECT count(*)::int AS n,
            string_agg(float8send(id::float8), ''::bytea) AS ids,
            string_agg(float8send(x), ''::bytea) AS x,
            string_agg(float8send(y), ''::bytea) AS y,
            string_agg(float8send(date_part('epoch', occurred_at) * 1000), ''::bytea) AS ms,
            string_agg(int4send(COALESCE(array_position($2::text[], category), 0) - 1), ''::bytea) AS cat
       FROM incidents WHERE agency_id = $1`,
    [agencyId, categories],
  );
  const n = row.n;
  const ms = decodeFloat64(row.ms, n);
  return {
    agencyId,
    version,
    categories,
    ids: decodeFloat64(row.ids, n),
    x: decodeFloat64(row.x, n),
    y: decodeFloat64(row.y, n),
    t: localDays(ms, timeZone),
    ms,
    category: decodeInt32(row.cat, n),
  };
}
