/**
 * What a walk changed: incidents and tips in the canvass area in the N days before and after it, against
 * the citywide trend over the same days. "Expected after" is the local count before, scaled by how the
 * whole city changed: a canvass area that does better than that did better than the trend.
 */
import type { Queryable } from '../../db/types.js';
import { getWalkRow } from './service.js';

const WEEK_S = 7 * 86_400;

export interface ImpactSeries {
  /** Week offsets from the walk: −N/7 … N/7 − 1 (0 is the week starting at the walk). */
  week: number[];
  local: number[];
  city: number[];
  tips: number[];
}

export interface WalkImpact {
  walkId: number;
  /** The walk's reference instant: when it was done (or planned, or due). */
  at: Date;
  days: number;
  incidentsBefore: number;
  incidentsAfter: number;
  cityBefore: number;
  cityAfter: number;
  /** incidentsBefore × cityAfter / cityBefore; null when the city had nothing before. */
  expectedAfter: number | null;
  tipsBefore: number;
  tipsAfter: number;
  /** Tips neighbors gave the team at their doors. */
  tipsAtDoors: number;
  /** False while the "after" weeks reach past the newest incident on record (data not in yet). */
  complete: boolean;
  series: ImpactSeries;
}

interface WalkGeometry { id: number; incidentId: number | null; at: Date; cx: number; cy: number; lon: number; lat: number; radius: number; areaId: number | null }

/** Whether a tips table exists (the tips program is installed): counted by SQL only, never imported. */
export async function hasTipsTable(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ present: boolean }>("SELECT to_regclass('public.tips') IS NOT NULL AS present");
  return row.present;
}

async function geometryOf(q: Queryable, agencyId: number, walkId: number): Promise<WalkGeometry> {
  const w = await getWalkRow(q, agencyId, walkId);
  const row = await q.query<{ center_x: number; center_y: number }>('SELECT center_x, center_y FROM walks WHERE id = $1', [walkId]);
  return {
    id: w.id, incidentId: w.incident_id === null ? null : Number(w.incident_id), at: w.completed_at ?? w.started_at ?? w.scheduled_for ?? w.due_from,
    cx: row[0].center_x, cy: row[0].center_y, lon: w.center_lon, lat: w.center_lat, radius: w.radius_m, areaId: w.canvass_area_id,
  };
}

/** Impact of one walk over `days` days either side (a whole number of weeks). */
export async function walkImpact(q: Queryable, agencyId: number, walkId: number, days: number, tipsTable?: boolean): Promise<WalkImpact> {
  const g = await geometryOf(q, agencyId, walkId);
  const weeks = Math.ceil(days / 7);
  const from = new Date(g.at.getTime() - weeks * WEEK_S * 1000);
  const to = new Date(g.at.getTime() + weeks * WEEK_S * 1000);
  // The walk's own incident is always in the "before" weeks; counting it would make every walk look good.
  const local = g.areaId ? 'area_ids @> ARRAY[$6::int]' : '((x - $6::float8) ^ 2 + (y - $7::float8) ^ 2) <= $8::float8 ^ 2';
  const params: unknown[] = [agencyId, g.at, from, to, g.incidentId ?? 0];
  params.push(...(g.areaId ? [g.areaId] : [g.cx, g.cy, g.radius]));
  const rows = await q.query<{ week: number; local: number; city: number }>(
    `SELECT floor(extract(epoch FROM (occurred_at - $2::timestamptz)) / ${WEEK_S})::int AS week,
            count(*) FILTER (WHERE ${local})::int AS local, count(*)::int AS city
       FROM incidents WHERE agency_id = $1 AND occurred_at >= $3 AND occurred_at < $4 AND id <> $5 GROUP BY 1`, params);
  const tipRows = (tipsTable ?? (await hasTipsTable(q)))
    ? await q.query<{ week: number; n: number }>(
      // Tips carry lon/lat only: metres by an equirectangular approximation, ample at a few hundred metres.
      `SELECT floor(extract(epoch FROM (created_at - $2::timestamptz)) / ${WEEK_S})::int AS week, count(*)::int AS n
         FROM tips WHERE agency_id = $1 AND created_at >= $3 AND created_at < $4 AND lon IS NOT NULL
          AND ((lon - $5::float8) * 111320 * cos(radians($6::float8))) ^ 2 + ((lat - $6::float8) * 110574) ^ 2 <= $7::float8 ^ 2 GROUP BY 1`,
      [agencyId, g.at, from, to, g.lon, g.lat, g.radius])
    : [];
  const [doors] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM walk_visits WHERE walk_id = $1 AND tip_text IS NOT NULL', [walkId]);
  const [newest] = await q.query<{ at: Date | null }>('SELECT max(occurred_at) AS at FROM incidents WHERE agency_id = $1', [agencyId]);

  const series: ImpactSeries = { week: [], local: [], city: [], tips: [] };
  for (let w = -weeks; w < weeks; w++) {
    const row = rows.find((r) => r.week === w);
    series.week.push(w);
    series.local.push(row?.local ?? 0);
    series.city.push(row?.city ?? 0);
    series.tips.push(tipRows.find((r) => r.week === w)?.n ?? 0);
  }
  const sum = (values: number[], after: boolean) => values.reduce((s, v, i) => s + ((series.week[i] >= 0) === after ? v : 0), 0);
  const cityBefore = sum(series.city, false);
  const cityAfter = sum(series.city, true);
  const incidentsBefore = sum(series.local, false);
  return {
    walkId, at: g.at, days: weeks * 7, incidentsBefore, incidentsAfter: sum(series.local, true), cityBefore, cityAfter,
    expectedAfter: cityBefore > 0 ? Math.round((incidentsBefore * cityAfter / cityBefore) * 10) / 10 : null,
    tipsBefore: sum(series.tips, false), tipsAfter: sum(series.tips, true), tipsAtDoors: doors.n,
    complete: Boolean(newest.at && newest.at >= to), series,
  };
}

export interface AggregateImpact {
  walks: number;
  /** Completed walks left out because their "after" weeks are not all in the data yet. */
  excluded: number;
  days: number;
  incidentsBefore: number;
  incidentsAfter: number;
  expectedAfter: number;
  tipsBefore: number;
  tipsAfter: number;
  tipsAtDoors: number;
  /** Summed weekly series over every walk, aligned on each walk's own date. */
  series: ImpactSeries;
}

/**
 * The same figures summed over the agency's completed walks (the latest 200) whose "after" weeks are all in
 * the data: a walk last week would otherwise count as a fall in crime that is only missing data.
 */
export async function aggregateImpact(q: Queryable, agencyId: number, days: number): Promise<AggregateImpact> {
  const walks = await q.query<{ id: number }>(
    "SELECT id FROM walks WHERE agency_id = $1 AND status = 'completed' ORDER BY completed_at DESC LIMIT 200", [agencyId]);
  const tipsTable = await hasTipsTable(q);
  const weeks = Math.ceil(days / 7);
  const total: AggregateImpact = {
    walks: 0, excluded: 0, days: weeks * 7, incidentsBefore: 0, incidentsAfter: 0, expectedAfter: 0, tipsBefore: 0, tipsAfter: 0, tipsAtDoors: 0,
    series: { week: Array.from({ length: 2 * weeks }, (_, i) => i - weeks), local: new Array(2 * weeks).fill(0), city: new Array(2 * weeks).fill(0), tips: new Array(2 * weeks).fill(0) },
  };
  for (const { id } of walks) {
    const one = await walkImpact(q, agencyId, id, days, tipsTable);
    if (!one.complete) {
      total.excluded += 1;
      continue;
    }
    total.walks += 1;
    total.incidentsBefore += one.incidentsBefore;
    total.incidentsAfter += one.incidentsAfter;
    total.expectedAfter += one.expectedAfter ?? one.incidentsBefore;
    total.tipsBefore += one.tipsBefore;
    total.tipsAfter += one.tipsAfter;
    total.tipsAtDoors += one.tipsAtDoors;
    one.series.local.forEach((v, i) => { total.series.local[i] += v; total.series.city[i] += one.series.city[i]; total.series.tips[i] += one.series.tips[i]; });
  }
  total.expectedAfter = Math.round(total.expectedAfter * 10) / 10;
  return total;
}
