/**
 * Incidents for the public: never a point where something happened. Non-sensitive incidents are counted
 * per ~150 m grid cell and category and drawn at the cell's centre; sensitive ones (sexual assault, domestic
 * violence, juvenile, other sex offenses: offense_categories.sensitive) are only counted per neighborhood
 * and drawn at the neighborhood's label point, or, outside any neighborhood, only counted city-wide.
 * A sensitive category seen fewer than {@link SENSITIVE_MINIMUM} times in a neighborhood is not published for
 * that neighborhood: a "1" beside a neighborhood and a date range points at one victim. It joins the
 * city-wide (unplaced) count, or, when the question is about that one neighborhood, is left out.
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

/** Smallest count of a sensitive category published for one neighborhood. */
export const SENSITIVE_MINIMUM = 3;

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
  /** Sensitive incidents outside every neighborhood, or too few in theirs: counted, never placed. */
  unplaced: Array<{ category: string; count: number }>;
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

  const sensitiveRows = await q.query<{ category: string; area_id: number | null; area_name: string | null; geometry: unknown; count: number }>(
    `SELECT i.category, n.id AS area_id, n.name AS area_name, n.geometry, count(*)::int AS count
       FROM incidents i JOIN offense_categories c ON c.code = i.category
       LEFT JOIN LATERAL (SELECT a.id, a.name, a.geometry FROM areas a
                           WHERE a.id = ANY(i.area_ids) AND a.kind = 'neighborhood' ORDER BY a.id LIMIT 1) n ON true
      WHERE ${where} AND c.sensitive
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 3`,
    params);

  const labels = new Map<number, [number, number]>();
  const neighborhoods: NeighborhoodCount[] = [];
  const unplaced = new Map<string, number>();
  for (const r of sensitiveRows) {
    const tooFew = r.count < SENSITIVE_MINIMUM;
    // Asked about one neighborhood, its small counts would say the same thing without a position: left out.
    if (tooFew && query.areaId !== undefined) continue;
    if (r.area_id === null || r.area_name === null || tooFew) {
      unplaced.set(r.category, (unplaced.get(r.category) ?? 0) + r.count);
      continue;
    }
    if (!labels.has(r.area_id)) labels.set(r.area_id, labelPoint(toAreaGeometry(r.geometry)));
    const [lon, lat] = labels.get(r.area_id)!;
    neighborhoods.push({ category: r.category, count: r.count, areaId: r.area_id, areaName: r.area_name, lon, lat });
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
    categories,
  };
}
