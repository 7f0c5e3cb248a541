/**
 * CompStat table: counts by category and area for the last 7 days, the last 28 days and year to date,
 * each against the same period one year earlier, with the percentage change. Pure: times are instants
 * in epoch milliseconds, "now" is a parameter, and the agency's time zone comes in as a function giving
 * the UTC offset at an instant (so DST is handled by whoever knows the zone's rules).
 */

/** Offset of local time from UTC in minutes at a UTC instant (e.g. −300 for New York in winter). */
export type TimeZoneOffset = (utcMs: number) => number;

/** Inputs of {@link compstat}. */
export interface CompstatInput {
  /** Event instants (epoch ms). */
  t: Float64Array;
  /** Category index of each event (into `categories`). */
  category: Int32Array;
  categories: string[];
  /**
   * Area memberships: for each area layer (e.g. districts), the area index of each event (−1 = none).
   * Omit to get citywide rows only.
   */
  area?: Int32Array;
  areas?: string[];
  /** The report instant (epoch ms); periods end here (exclusive). */
  now: number;
  /** Agency time zone (default UTC). */
  offset?: TimeZoneOffset;
  /**
   * How "a year earlier" is found: 'calendar' (same local date and time last year, default) or '364days'
   * (52 weeks back, which keeps weekdays aligned for the 7- and 28-day periods).
   */
  priorYear?: 'calendar' | '364days';
}

/** One table row. `change` is the percentage change, null when the earlier count is 0. */
export interface CompstatRow {
  category: string;
  area: string;
  week: number;
  weekPrior: number;
  weekChange: number | null;
  days28: number;
  days28Prior: number;
  days28Change: number | null;
  ytd: number;
  ytdPrior: number;
  ytdChange: number | null;
}

const DAY = 86_400_000;

/** Percentage change rounded to 0.1, null when there is nothing to compare with. */
export function percentChange(current: number, prior: number): number | null {
  if (prior === 0) return null;
  return Math.round(((current - prior) / prior) * 1000) / 10;
}

/** UTC instant of a local wall-clock time, given as a UTC-based "local ms" value. */
export function localToUtc(localMs: number, offset: TimeZoneOffset): number {
  // Two passes settle the offset across a DST change.
  let utc = localMs - offset(localMs) * 60_000;
  utc = localMs - offset(utc) * 60_000;
  return utc;
}

/** Period boundaries [from, to) in epoch ms for the current and the prior year. */
export function compstatPeriods(now: number, offset: TimeZoneOffset = () => 0, priorYear: 'calendar' | '364days' = 'calendar') {
  const local = new Date(now + offset(now) * 60_000); // fields read with getUTC* are local wall-clock
  const yearStartLocal = Date.UTC(local.getUTCFullYear(), 0, 1);
  const shiftBack = (utcMs: number): number => {
    if (priorYear === '364days') return utcMs - 364 * DAY;
    const l = new Date(utcMs + offset(utcMs) * 60_000);
    const y = l.getUTCFullYear() - 1;
    // 29 February maps to 28 February of a common year.
    const d = Math.min(l.getUTCDate(), new Date(Date.UTC(y, l.getUTCMonth() + 1, 0)).getUTCDate());
    return localToUtc(Date.UTC(y, l.getUTCMonth(), d, l.getUTCHours(), l.getUTCMinutes(), l.getUTCSeconds(), l.getUTCMilliseconds()), offset);
  };
  const ytdFrom = localToUtc(yearStartLocal, offset);
  const current = { week: [now - 7 * DAY, now], days28: [now - 28 * DAY, now], ytd: [ytdFrom, now] } as const;
  const prior = {
    week: [shiftBack(now - 7 * DAY), shiftBack(now)],
    days28: [shiftBack(now - 28 * DAY), shiftBack(now)],
    ytd: [localToUtc(Date.UTC(local.getUTCFullYear() - 1, 0, 1), offset), shiftBack(now)],
  } as const;
  return { current, prior };
}

/** Builds the CompStat rows: every category × (citywide + every area), categories in input order. */
export function compstat(input: CompstatInput): CompstatRow[] {
  const { current, prior } = compstatPeriods(input.now, input.offset, input.priorYear);
  const windows = [current.week, prior.week, current.days28, prior.days28, current.ytd, prior.ytd];
  const areaNames = input.areas ?? [];
  const A = areaNames.length + 1; // slot 0 = citywide
  const C = input.categories.length;
  const counts = new Float64Array(C * A * windows.length);
  for (let i = 0; i < input.t.length; i++) {
    const c = input.category[i];
    if (c < 0 || c >= C) continue;
    const a = input.area ? input.area[i] : -1;
    for (let w = 0; w < windows.length; w++) {
      if (input.t[i] < windows[w][0] || input.t[i] >= windows[w][1]) continue;
      counts[(c * A + 0) * windows.length + w]++;
      if (a >= 0 && a < areaNames.length) counts[(c * A + a + 1) * windows.length + w]++;
    }
  }
  const rows: CompstatRow[] = [];
  for (let c = 0; c < C; c++) {
    for (let a = 0; a < A; a++) {
      const k = (c * A + a) * windows.length;
      const v = (w: number): number => counts[k + w];
      rows.push({
        category: input.categories[c],
        area: a === 0 ? 'All' : areaNames[a - 1],
        week: v(0),
        weekPrior: v(1),
        weekChange: percentChange(v(0), v(1)),
        days28: v(2),
        days28Prior: v(3),
        days28Change: percentChange(v(2), v(3)),
        ytd: v(4),
        ytdPrior: v(5),
        ytdChange: percentChange(v(4), v(5)),
      });
    }
  }
  return rows;
}
