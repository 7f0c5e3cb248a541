/**
 * Incidents for the public: never a point where something happened. Non-sensitive incidents are counted
 * per ~150 m grid cell and category and drawn at the cell's centre; sensitive ones (sexual assault, domestic
 * violence, juvenile, other sex offenses: offense_categories.sensitive) are only counted per neighborhood
 * and drawn at the neighborhood's label point, or, outside any neighborhood, only counted city-wide.
 * Neighborhood counts of sensitive categories are built from fixed blocks: one calendar month (agency-local)
 * of one category in one neighborhood. A block is published only when the asked period covers the whole
 * month and the block holds at least {@link SENSITIVE_MINIMUM} incidents: a "1" beside a neighborhood and a
 * month points at one victim, and if any range of days were allowed, two overlapping ranges (days 1–10 and
 * 1–11) could be subtracted to find a single incident's day. With fixed blocks every difference of two
 * answers is itself a sum of published blocks. Everything else sensitive joins the city-wide (unplaced)
 * count, or, when the question is about one neighborhood, is left out.
 * The masking happens here, on the server, so no client or download can undo it.
 */
import type { Queryable } from '../../db/types.js';
import type { ResolvedAgency } from './agencies.js';
import { checkPublicArea, labelPoint } from './areas.js';
import { categoryMap, checkCategories, type PublicCategory } from './categories.js';
import { cellCentre, gridFor } from './grid.js';
import { localDaysClause, type DayRange } from './period.js';
import { toAreaGeometry } from '../places/index.js';

export interface PublicIncidentQuery {
  agency: ResolvedAgency;
  days: DayRange;
  categories?: readonly string[];
  areaId?: number;
}

/** Smallest count of a sensitive category published for one neighborhood and month. */
export const SENSITIVE_MINIMUM = 3;

/** Whole calendar months covered by a day range (first and last day), or null when it covers none. */
export function wholeMonths(days: DayRange): DayRange | null {
  const [fy, fm, fd] = days.from.split('-').map(Number);
  const first = fd === 1 ? new Date(Date.UTC(fy, fm - 1, 1)) : new Date(Date.UTC(fy, fm, 1));
  const [ty, tm, td] = days.to.split('-').map(Number);
  const endOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const last = td === endOfMonth ? new Date(Date.UTC(ty, tm - 1, td)) : new Date(Date.UTC(ty, tm - 1, 0));
  if (last < first) return null;
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Non-sensitive incidents of one category in one grid cell. */
export interface CellCount {
  category: string;
  count: number;
  /** The cell's centre, never an incident's own position. */
  lon: number;
  lat: number;
}

/** Sensitive incidents of one category in one neighborhood. */
export interface NeighborhoodCount {
  category: string;
  count: number;
  areaId: number;
  areaName: string;
  lon: number;
  lat: number;
}

export interface PublicIncidents {
  agency: { slug: string; name: string; timeZone: string };
  from: string;
  to: string;
  cellMetres: number;
  cells: CellCount[];
  neighborhoods: NeighborhoodCount[];
  /** Sensitive incidents outside every neighborhood, or not in a published month block: counted, never placed. */
  unplaced: Array<{ category: string; count: number }>;
  /** The whole months whose sensitive counts may be shown per neighborhood, or null (none in the period). */
  sensitiveMonths: DayRange | null;
  categories: Map<string, PublicCategory>;
}

/** Runs the two masked aggregations for a public filter. */
export async function publicIncidents(q: Queryable, query: PublicIncidentQuery): Promise<PublicIncidents> {
  const { agency, days } = query;
  const categories = await categoryMap(q);
  const wanted = checkCategories(categories, query.categories);
  await checkPublicArea(q, agency.id, query.areaId);
  const grid = gridFor(agency.centerLat);
  // $1 agency, $2 tz, $3 from, $4 to, $5 categories or null, $6 area or null.
  const params = [agency.id, agency.timeZone, days.from, days.to, wanted ?? null, query.areaId ?? null];
  const where = `i.agency_id = $1 AND ${localDaysClause(2, 3, 4)}
    AND ($5::text[] IS NULL OR i.category = ANY($5::text[])) AND ($6::int IS NULL OR i.area_ids @> ARRAY[$6::int])`;

  const cellRows = await q.query<{ category: string; col: number; row: number; count: number }>(
    `SELECT i.category, floor(i.lon / $7)::int AS col, floor(i.lat / $8)::int AS row, count(*)::int AS count
       FROM incidents i JOIN offense_categories c ON c.code = i.category
      WHERE ${where} AND NOT c.sensitive
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [...params, grid.cellLon, grid.cellLat]);

  // One row per category, neighborhood and agency-local month: the blocks described above.
  const sensitiveRows = await q.query<{ category: string; area_id: number | null; area_name: string | null; month: string; count: number }>(
    `SELECT i.category, n.id AS area_id, n.name AS area_name,
            to_char(date_trunc('month', i.occurred_at AT TIME ZONE $2), 'YYYY-MM-DD') AS month, count(*)::int AS count
       FROM incidents i JOIN offense_categories c ON c.code = i.category
       LEFT JOIN LATERAL (SELECT a.id, a.name FROM areas a
                           WHERE a.id = ANY(i.area_ids) AND a.kind = 'neighborhood' ORDER BY a.id LIMIT 1) n ON true
      WHERE ${where} AND c.sensitive
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4`,
    params);

  const months = wholeMonths(days);
  const published = new Map<string, NeighborhoodCount>();
  const unplaced = new Map<string, number>();
  for (const r of sensitiveRows) {
    const block = months !== null && r.month >= months.from && r.month <= months.to && r.count >= SENSITIVE_MINIMUM;
    if (r.area_id !== null && r.area_name !== null && block) {
      const key = `${r.category}\u0000${r.area_id}`;
      const entry = published.get(key);
      if (entry) entry.count += r.count;
      else published.set(key, { category: r.category, count: r.count, areaId: r.area_id, areaName: r.area_name, lon: 0, lat: 0 });
      continue;
    }
    // Asked about one neighborhood, its unpublished blocks would say the same thing without a position: left out.
    if (query.areaId !== undefined) continue;
    unplaced.set(r.category, (unplaced.get(r.category) ?? 0) + r.count);
  }
  const neighborhoods = [...published.values()];
  if (neighborhoods.length > 0) {
    const ids = [...new Set(neighborhoods.map((n) => n.areaId))];
    const shapes = await q.query<{ id: number; geometry: unknown }>('SELECT id, geometry FROM areas WHERE id = ANY($1::int[])', [ids]);
    const labels = new Map(shapes.map((a) => [a.id, labelPoint(toAreaGeometry(a.geometry))]));
    for (const n of neighborhoods) [n.lon, n.lat] = labels.get(n.areaId)!;
  }

  return {
    agency: { slug: agency.slug, name: agency.name, timeZone: agency.timeZone },
    from: days.from,
    to: days.to,
    cellMetres: grid.metres,
    cells: cellRows.map((r) => {
      const [lon, lat] = cellCentre(grid, r.col, r.row);
      return { category: r.category, count: r.count, lon, lat };
    }),
    neighborhoods,
    unplaced: [...unplaced].map(([category, count]) => ({ category, count })),
    sensitiveMonths: months,
    categories,
  };
}
