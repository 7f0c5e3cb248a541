/**
 * The CompStat table: counts by category and area for the last 7 days, 28 days and year to date against the
 * same periods a year earlier (the engine's compstat), with an "all categories" line, categories that had
 * nothing in any period left out, and areas in name order after the city-wide rows.
 */
import { compstat, compstatPeriods, type CompstatRow, type TimeZoneOffset } from '../../../analytics/index.js';
import { ZonedTime } from '../../incidents/import/zoned-time.js';
import type { EventSet } from '../types.js';

export interface CompstatReport {
  /** The report instant (periods end here). */
  at: string;
  timeZone: string;
  areaKind: string | null;
  /** Instants [from, to) of each period now and a year earlier. */
  periods: Record<'week' | 'days28' | 'ytd', { current: [string, string]; prior: [string, string] }>;
  /** The same periods as the local dates of their first and last day. */
  days: Record<'week' | 'days28' | 'ytd', { current: [string, string]; prior: [string, string] }>;
  rows: CompstatRow[];
}

/** The zone's UTC offset in minutes at an instant, as the engine wants it. */
export function zoneOffset(timeZone: string): TimeZoneOffset {
  const zone = new ZonedTime(timeZone);
  return (ms) => zone.offsetAt(ms) / 60_000;
}

export const ALL_CATEGORIES = 'all';

export function compstatReport(
  events: EventSet, layer: { kind: string; names: string[]; areaOf: Int32Array } | null, at: number, timeZone: string,
): CompstatReport {
  const offset = zoneOffset(timeZone);
  const base = { t: events.ms, now: at, offset, area: layer?.areaOf, areas: layer?.names };
  const byCategory = compstat({ ...base, category: events.category, categories: [...events.categories] });
  const total = compstat({ ...base, category: new Int32Array(events.ms.length), categories: [ALL_CATEGORIES] });
  const active = new Set(byCategory.filter((r) => r.area === 'All' && (r.week || r.weekPrior || r.days28 || r.days28Prior || r.ytd || r.ytdPrior)).map((r) => r.category));
  const rows = [...total, ...byCategory.filter((r) => active.has(r.category))];
  const areaOrder = (area: string): number => (area === 'All' ? -1 : 0);
  rows.sort((a, b) => areaOrder(a.area) - areaOrder(b.area) || (a.area === b.area ? 0 : a.area.localeCompare(b.area, 'en', { numeric: true })));
  const { current, prior } = compstatPeriods(at, offset);
  const iso = (ms: number): string => new Date(ms).toISOString();
  const period = (k: 'week' | 'days28' | 'ytd') => ({ current: [iso(current[k][0]), iso(current[k][1])] as [string, string], prior: [iso(prior[k][0]), iso(prior[k][1])] as [string, string] });
  // Local date of an instant (the end of a period is exclusive, so its last day is the date just before it).
  const local = (ms: number): string => new Date(ms + offset(ms) * 60_000).toISOString().slice(0, 10);
  const dates = (k: 'week' | 'days28' | 'ytd') => ({
    current: [local(current[k][0]), local(current[k][1] - 1)] as [string, string], prior: [local(prior[k][0]), local(prior[k][1] - 1)] as [string, string],
  });
  return {
    at: iso(at), timeZone, areaKind: layer?.kind ?? null,
    periods: { week: period('week'), days28: period('days28'), ytd: period('ytd') },
    days: { week: dates('week'), days28: dates('days28'), ytd: dates('ytd') },
    rows,
  };
}
