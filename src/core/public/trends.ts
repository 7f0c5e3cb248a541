/**
 * CompStat-style trends for residents: weekly counts by category, this year against last year, and the
 * year-to-date totals. "This year" is the year of the agency's latest record (historical data still shows
 * a comparison), up to that day; last year is counted up to the same day of the year. City-wide, sensitive
 * categories are counted like any other; for one neighborhood they are left out, because weekly counts of a
 * sexual assault or a domestic violence call in one neighborhood point at the people involved.
 */
import type { Queryable } from '../../db/types.js';
import type { ResolvedAgency } from './agencies.js';
import { checkPublicArea } from './areas.js';
import { categoryMap, checkCategories } from './categories.js';
import { toCsv } from './csv.js';
import { localDaysClause } from './period.js';

/** 52 weeks: days 1–7 are week 1 … and the last week takes the 1–2 days left over (days 358–366). */
export const WEEKS = 52;
export const weekOfDay = (dayOfYear: number): number => Math.min(WEEKS - 1, Math.floor((dayOfYear - 1) / 7));

export interface TrendSeries {
  code: string;
  label: { en: string; es: string };
  /** Counts per week of this year (weeks after `throughWeek` are null: they have not happened). */
  thisYear: Array<number | null>;
  lastYear: number[];
  ytdThisYear: number;
  ytdLastYear: number;
}

export interface PublicTrends {
  agency: { slug: string; name: string };
  year: number;
  lastYear: number;
  /** Last day counted this year (agency-local) and its week index. */
  through: string;
  throughWeek: number;
  /** Every category with a record in either year, most serious first, and their sum. */
  categories: TrendSeries[];
  total: TrendSeries;
}

export interface TrendQuery {
  agency: ResolvedAgency;
  categories?: readonly string[];
  areaId?: number;
  today?: Date;
}

const dayOfYear = (day: string) => {
  const date = Date.parse(`${day}T00:00:00Z`);
  return Math.round((date - Date.UTC(Number(day.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
};

function emptySeries(code: string, label: { en: string; es: string }, throughWeek: number): TrendSeries {
  return {
    code, label, lastYear: new Array<number>(WEEKS).fill(0),
    thisYear: Array.from({ length: WEEKS }, (_, w) => (w <= throughWeek ? 0 : null)), ytdThisYear: 0, ytdLastYear: 0,
  };
}

export async function publicTrends(q: Queryable, query: TrendQuery): Promise<PublicTrends> {
  const { agency } = query;
  const categories = await categoryMap(q);
  const wanted = checkCategories(categories, query.categories);
  await checkPublicArea(q, agency.id, query.areaId);
  const today = (query.today ?? new Date()).toISOString().slice(0, 10);
  const through = agency.dataEnd && agency.dataEnd < today ? agency.dataEnd : today;
  const year = Number(through.slice(0, 4));
  const throughDoy = dayOfYear(through);
  const throughWeek = weekOfDay(throughDoy);

  const rows = await q.query<{ year: number; doy: number; category: string; count: number }>(
    `SELECT extract(year FROM d)::int AS year, extract(doy FROM d)::int AS doy, category, count(*)::int AS count
       FROM (SELECT (i.occurred_at AT TIME ZONE $2)::date AS d, i.category FROM incidents i
              WHERE i.agency_id = $1 AND ${localDaysClause(2, 3, 4)}
                AND ($5::text[] IS NULL OR i.category = ANY($5::text[])) AND ($6::int IS NULL OR i.area_ids @> ARRAY[$6::int])
                AND ($6::int IS NULL OR NOT EXISTS (SELECT 1 FROM offense_categories c WHERE c.code = i.category AND c.sensitive))) s
      GROUP BY 1, 2, 3`,
    [agency.id, agency.timeZone, `${year - 1}-01-01`, through, wanted ?? null, query.areaId ?? null]);

  const total = emptySeries('total', { en: 'All categories', es: 'Todas las categorías' }, throughWeek);
  const byCode = new Map<string, TrendSeries>();
  for (const r of rows) {
    const category = categories.get(r.category);
    if (!category) continue;
    let series = byCode.get(r.category);
    if (!series) byCode.set(r.category, (series = emptySeries(r.category, category.label, throughWeek)));
    const week = weekOfDay(r.doy);
    for (const s of [series, total]) {
      if (r.year === year) {
        s.thisYear[week] = (s.thisYear[week] ?? 0) + r.count;
        s.ytdThisYear += r.count;
      } else {
        s.lastYear[week] += r.count;
        // Last year to the same day of the year (a leap day shifts this by one day at most).
        if (r.doy <= throughDoy) s.ytdLastYear += r.count;
      }
    }
  }
  const order = [...categories.keys()];
  return {
    agency: { slug: agency.slug, name: agency.name },
    year, lastYear: year - 1, through, throughWeek,
    categories: [...byCode.values()].sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code)),
    total,
  };
}

/** One row per category and week: the data behind the charts, for spreadsheets. */
export function trendsCsv(trends: PublicTrends): string {
  const rows = [trends.total, ...trends.categories].flatMap((s) =>
    s.lastYear.map((last, week) => [trends.agency.slug, s.code, s.label.en, week + 1, trends.year, s.thisYear[week], trends.lastYear, last]));
  return toCsv(['agency', 'category', 'category_label', 'week', 'year', 'count', 'previous_year', 'previous_year_count'], rows);
}
