import type { Queryable } from '../../db/types.js';

const DAY = 24 * 60 * 60 * 1000;
export const SUMMARY_PERIOD_DAYS = 28;

export interface PublicSummary {
  agencies: Array<{
    slug: string;
    name: string;
    periodDays: number;
    currentStart: string;
    currentEnd: string;
    /** False when the agency's records start after the previous period begins: a comparison would mislead. */
    comparable: boolean;
    dataStart: string;
    categories: Array<{ code: string; label: { en: string; es: string }; current: number; previous: number }>;
  }>;
}

/**
 * Counts for residents: the latest 28 days of each police agency's data against the 28 days before.
 * "Latest" ends at the newest incident (or now if sooner), so historical demo data still shows a trend.
 * Counts only: no location leaves the server here.
 */
export async function publicSummary(q: Queryable, now = new Date()): Promise<PublicSummary> {
  const agencies = await q.query<{ id: number; slug: string; name: string; newest: Date | null; oldest: Date | null }>(
    `SELECT a.id, a.slug, a.name, r.newest, r.oldest
       FROM agencies a, LATERAL (SELECT max(occurred_at) AS newest, min(occurred_at) AS oldest FROM incidents i WHERE i.agency_id = a.id) r
      WHERE a.kind = 'police' ORDER BY a.id`);
  const result: PublicSummary = { agencies: [] };
  for (const agency of agencies) {
    if (!agency.newest || !agency.oldest) continue;
    const end = new Date(Math.min(now.getTime(), agency.newest.getTime() + 1));
    const start = new Date(end.getTime() - SUMMARY_PERIOD_DAYS * DAY);
    const previousStart = new Date(start.getTime() - SUMMARY_PERIOD_DAYS * DAY);
    const rows = await q.query<{ code: string; label_en: string; label_es: string; current: number; previous: number }>(
      `SELECT c.code, c.label_en, c.label_es,
              count(i.id) FILTER (WHERE i.occurred_at >= $2 AND i.occurred_at < $3)::int AS current,
              count(i.id) FILTER (WHERE i.occurred_at >= $4 AND i.occurred_at < $2)::int AS previous
         FROM offense_categories c
         LEFT JOIN incidents i ON i.category = c.code AND i.agency_id = $1 AND i.occurred_at >= $4 AND i.occurred_at < $3
        GROUP BY c.code, c.label_en, c.label_es, c.severity
       HAVING count(i.id) > 0
        ORDER BY c.severity`,
      [agency.id, start, end, previousStart],
    );
    result.agencies.push({
      slug: agency.slug, name: agency.name, periodDays: SUMMARY_PERIOD_DAYS,
      currentStart: start.toISOString(), currentEnd: end.toISOString(),
      comparable: agency.oldest.getTime() <= previousStart.getTime(), dataStart: agency.oldest.toISOString(),
      categories: rows.map((r) => ({ code: r.code, label: { en: r.label_en, es: r.label_es }, current: r.current, previous: r.previous })),
    });
  }
  return result;
}
