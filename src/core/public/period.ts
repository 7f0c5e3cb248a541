import { badRequest } from '../errors.js';
import type { ResolvedAgency } from './agencies.js';

/** A span of agency-local days, both ends included (what a resident types into two date fields). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The map opens on the latest three months of data: recent enough to matter, long enough to show a pattern. */
export const DEFAULT_DAYS = 90;
/** Longer spans only make the map a blur and the query slow; open-data users can page by year. */
export const MAX_DAYS = 5 * 366;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The requested days, defaulting to the latest 90 days that have records (historical data still shows
 * something), checked so the message names the parameter that is wrong.
 */
export function resolveDays(agency: ResolvedAgency, from: string | undefined, to: string | undefined, today = new Date()): DayRange {
  const latest = agency.dataEnd ?? today.toISOString().slice(0, 10);
  const end = to ?? (from ? addDays(from, DEFAULT_DAYS - 1) : latest);
  const start = from ?? addDays(end, -(DEFAULT_DAYS - 1));
  if (start > end) throw badRequest('querystring.from: must be on or before querystring.to', { field: 'querystring.from' });
  if (daysBetween(start, end) > MAX_DAYS) throw badRequest(`querystring.to: the period may be at most ${MAX_DAYS} days`, { field: 'querystring.to' });
  return { from: start, to: end };
}

/**
 * SQL that keeps incidents of the agency-local days [$from, $to]; the bounds become instants so the
 * (agency_id, occurred_at) index is used. Parameters: $tz, $from, $to at the given positions.
 */
export const localDaysClause = (tz: number, from: number, to: number) =>
  `i.occurred_at >= ($${from}::date::timestamp AT TIME ZONE $${tz}) AND i.occurred_at < (($${to}::date + 1)::timestamp AT TIME ZONE $${tz})`;
