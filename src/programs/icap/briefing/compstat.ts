/** The briefing's CompStat table: week, 28 days and year to date against a year earlier, citywide and by district. */
import type { Queryable } from '../../../db/types.js';
import { compstat, type CompstatRow, type TimeZoneOffset } from '../../../analytics/index.js';

/** UTC offset (minutes) of a time zone at an instant, from the runtime's own zone rules. */
export function zoneOffset(timeZone: string): TimeZoneOffset {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return (utcMs: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(utcMs)).map((p) => [p.type, Number(p.value)]));
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((local - Math.floor(utcMs / 1000) * 1000) / 60_000);
  };
}

export interface CompstatSection {
  categories: string[];
  citywide: CompstatRow[];
  /** The districts with the most incidents in the last 28 days (all categories together). */
  districts: CompstatRow[];
}

/** CompStat as of `asOf` for the categories the agency records, the five busiest districts. */
export async function compstatSection(q: Queryable, agencyId: number, asOf: Date, timeZone: string): Promise<CompstatSection> {
  const from = new Date(Date.UTC(asOf.getUTCFullYear() - 1, 0, 1) - 86_400_000);
  const rows = await q.query<{ t: number; category: string; district: number | null }>(
    `SELECT extract(epoch FROM i.occurred_at) * 1000 AS t, i.category,
            (SELECT a.id FROM areas a WHERE a.id = ANY(i.area_ids) AND a.kind = 'district' LIMIT 1) AS district
       FROM incidents i WHERE i.agency_id = $1 AND i.occurred_at >= $2 AND i.occurred_at < $3`, [agencyId, from, asOf]);
  const districts = await q.query<{ id: number; name: string }>("SELECT id, name FROM areas WHERE agency_id = $1 AND kind = 'district' ORDER BY name", [agencyId]);
  const order = await q.query<{ code: string }>('SELECT code FROM offense_categories ORDER BY severity');
  const present = new Set(rows.map((r) => r.category));
  const categories = order.map((o) => o.code).filter((c) => present.has(c));
  const districtIndex = new Map(districts.map((d, i) => [d.id, i]));
  const table = compstat({
    t: Float64Array.from(rows, (r) => Number(r.t)),
    category: Int32Array.from(rows, (r) => categories.indexOf(r.category)),
    categories,
    area: Int32Array.from(rows, (r) => (r.district === null ? -1 : districtIndex.get(r.district) ?? -1)),
    areas: districts.map((d) => d.name),
    now: asOf.getTime(),
    offset: zoneOffset(timeZone),
  });
  const citywide = table.filter((r) => r.area === 'All');
  // Districts ranked by their 28-day total over every category.
  const totals = new Map<string, number>();
  for (const r of table) if (r.area !== 'All') totals.set(r.area, (totals.get(r.area) ?? 0) + r.days28);
  const busiest = [...totals.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([name]) => name);
  return { categories, citywide, districts: table.filter((r) => busiest.includes(r.area) && (r.days28 > 0 || r.days28Prior > 0)).sort((a, b) => busiest.indexOf(a.area) - busiest.indexOf(b.area)) };
}
