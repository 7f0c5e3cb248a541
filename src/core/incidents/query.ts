import type { Queryable } from '../../db/types.js';

/** The filters every incident view shares (console map and list, stats, analytics input). */
export interface IncidentFilter {
  agencyId: number;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  categories?: readonly string[];
  areaId?: number;
  /** [west, south, east, north] in degrees */
  bbox?: readonly [number, number, number, number];
}

/** Builds the WHERE clause and its parameters; parameter numbering starts after `offset`. */
export function incidentWhere(filter: IncidentFilter, offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.agencyId];
  const clauses = [`agency_id = $${offset + 1}`];
  const add = (clause: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(offset + params.length));
  };
  if (filter.from) add((n) => `occurred_at >= $${n}`, filter.from);
  if (filter.to) add((n) => `occurred_at < $${n}`, filter.to);
  if (filter.categories?.length) add((n) => `category = ANY($${n}::text[])`, filter.categories);
  if (filter.areaId) add((n) => `area_ids @> ARRAY[$${n}::int]`, filter.areaId);
  if (filter.bbox) {
    const [w, s, e, north] = filter.bbox;
    add((n) => `lon >= $${n}`, w);
    add((n) => `lat >= $${n}`, s);
    add((n) => `lon <= $${n}`, e);
    add((n) => `lat <= $${n}`, north);
  }
  return { sql: clauses.join(' AND '), params };
}

export interface IncidentListItem {
  id: number;
  sourceId: string;
  category: string;
  offenseCode: string | null;
  offenseText: string | null;
  occurredAt: Date;
  timePrecision: 'minute' | 'day';
  hundredBlock: string | null;
  lon: number;
  lat: number;
  victimCount: number | null;
  fatalCount: number | null;
}

interface IncidentRow {
  id: number; source_id: string; category: string; offense_code: string | null; offense_text: string | null;
  occurred_at: Date; time_precision: 'minute' | 'day'; hundred_block: string | null; lon: number; lat: number;
  victim_count: number | null; fatal_count: number | null;
}

const toItem = (r: IncidentRow): IncidentListItem => ({
  id: r.id, sourceId: r.source_id, category: r.category, offenseCode: r.offense_code, offenseText: r.offense_text,
  occurredAt: r.occurred_at, timePrecision: r.time_precision, hundredBlock: r.hundred_block, lon: r.lon, lat: r.lat,
  victimCount: r.victim_count, fatalCount: r.fatal_count,
});

const LIST_COLUMNS = 'id, source_id, category, offense_code, offense_text, occurred_at, time_precision, hundred_block, lon, lat, victim_count, fatal_count';

/** One page of incidents, newest first, with the total matching count. */
export async function listIncidents(q: Queryable, filter: IncidentFilter, page: { limit: number; offset: number }) {
  const where = incidentWhere(filter);
  const n = where.params.length;
  const [rows, total] = await Promise.all([
    q.query<IncidentRow>(`SELECT ${LIST_COLUMNS} FROM incidents WHERE ${where.sql} ORDER BY occurred_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...where.params, page.limit, page.offset]),
    q.query<{ count: number }>(`SELECT count(*)::int AS count FROM incidents WHERE ${where.sql}`, where.params),
  ]);
  return { items: rows.map(toItem), total: total[0].count };
}

/** All matching incidents (up to `limit`) as a GeoJSON FeatureCollection string, built without an object tree. */
export async function incidentsGeoJson(q: Queryable, filter: IncidentFilter, limit: number): Promise<{ json: string; count: number; truncated: boolean }> {
  const where = incidentWhere(filter);
  const rows = await q.query<{ id: number; category: string; occurred_at: Date; hundred_block: string | null; offense_text: string | null; lon: number; lat: number }>(
    `SELECT id, category, occurred_at, hundred_block, offense_text, lon, lat FROM incidents WHERE ${where.sql}
     ORDER BY occurred_at DESC, id DESC LIMIT $${where.params.length + 1}`,
    [...where.params, limit + 1],
  );
  const truncated = rows.length > limit;
  const features = rows.slice(0, limit).map((r) =>
    `{"type":"Feature","id":${r.id},"geometry":{"type":"Point","coordinates":[${r.lon},${r.lat}]},"properties":${JSON.stringify({
      id: r.id, category: r.category, occurredAt: r.occurred_at.toISOString(), hundredBlock: r.hundred_block, offenseText: r.offense_text,
    })}}`);
  return { json: `{"type":"FeatureCollection","features":[${features.join(',')}]}`, count: features.length, truncated };
}

export async function getIncident(q: Queryable, agencyId: number, id: number) {
  const rows = await q.query<IncidentRow & { area_ids: number[]; attributes: Record<string, unknown>; source_system: string; x: number; y: number }>(
    `SELECT ${LIST_COLUMNS}, area_ids, attributes, source_system, x, y FROM incidents WHERE id = $1 AND agency_id = $2`, [id, agencyId]);
  const row = rows[0];
  if (!row) return null;
  const areas = row.area_ids.length
    ? await q.query<{ id: number; kind: string; name: string }>('SELECT id, kind, name FROM areas WHERE id = ANY($1::int[]) ORDER BY kind, name', [row.area_ids])
    : [];
  return { ...toItem(row), sourceSystem: row.source_system, x: row.x, y: row.y, attributes: row.attributes, areas };
}

/** Counts by category and by ISO week for the filter. */
export async function incidentStats(q: Queryable, filter: IncidentFilter) {
  const where = incidentWhere(filter);
  const [byCategory, byWeek] = await Promise.all([
    q.query<{ category: string; count: number }>(`SELECT category, count(*)::int AS count FROM incidents WHERE ${where.sql} GROUP BY category ORDER BY count DESC`, where.params),
    q.query<{ week: Date; count: number }>(`SELECT date_trunc('week', occurred_at) AS week, count(*)::int AS count FROM incidents WHERE ${where.sql} GROUP BY 1 ORDER BY 1`, where.params),
  ]);
  return { byCategory, byWeek: byWeek.map((w) => ({ week: w.week.toISOString().slice(0, 10), count: w.count })) };
}
