import type { WallTime } from './dates.js';

/**
 * Wall-clock time in an IANA time zone → instant, with Intl only (no time-zone database of our own).
 *
 * DST follows Temporal's 'compatible' rule: a wall time that happens twice (the hour repeated when clocks
 * fall back) resolves to the earlier instant; a wall time that never happens (the hour skipped when clocks
 * spring forward) moves forward by the gap, so 02:30 on a spring-forward night becomes 03:30 daylight time.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Throws a clear error for a zone name Intl does not know. */
export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`unknown time zone "${zone}" (use an IANA name such as America/Chicago)`);
  }
}

/** Converter for one zone. Keeps a per-day cache: offsets only change on a few days a year. */
export class ZonedTime {
  private readonly formatter: Intl.DateTimeFormat;
  // Wall day (days since epoch of the wall date) → offset in ms valid for the whole wall day, or null when
  // a transition is near and hours are resolved one by one.
  private readonly dayOffsets = new Map<number, number | null>();
  // Wall hour → offset for the hours of those transition days that contain no transition themselves.
  private readonly hourOffsets = new Map<number, number | null>();

  constructor(readonly zone: string) {
    assertTimeZone(zone);
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  }

  /** Offset of the zone from UTC (ms, east positive) at an instant. */
  offsetAt(instantMs: number): number {
    const whole = Math.floor(instantMs / 1000) * 1000;
    const parts = this.formatter.formatToParts(new Date(whole));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wallAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
    return wallAsUtc - whole;
  }

  /** The instant (epoch ms) of a wall time; an offset carried by the value itself wins over the zone. */
  toInstant(w: WallTime): number {
    const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
    if (w.offsetMinutes !== undefined) return wallMs - w.offsetMinutes * 60_000;
    const day = Math.floor(wallMs / DAY_MS);
    let offset = this.dayOffsets.get(day);
    if (offset === undefined) {
      offset = this.stableOffsetForDay(day);
      if (this.dayOffsets.size > 100_000) this.dayOffsets.clear();
      this.dayOffsets.set(day, offset);
    }
    if (offset !== null) return wallMs - offset;
    // A transition day: hours without the transition are cached; the transition hour is resolved exactly.
    const hour = Math.floor(wallMs / HOUR_MS);
    let hourOffset = this.hourOffsets.get(hour);
    if (hourOffset === undefined) {
      const start = hour * HOUR_MS;
      const first = start - this.resolveExactly(start);
      const last = start + HOUR_MS - 1000 - this.resolveExactly(start + HOUR_MS - 1000);
      hourOffset = first === last ? first : null;
      if (this.hourOffsets.size > 100_000) this.hourOffsets.clear();
      this.hourOffsets.set(hour, hourOffset);
    }
    return hourOffset === null ? this.resolveExactly(wallMs) : wallMs - hourOffset;
  }

  /**
   * The offset when it is the same from two days before to two days after this wall day (no transition near),
   * else null. Transition days then take the exact path for each value.
   */
  private stableOffsetForDay(day: number): number | null {
    const start = day * DAY_MS;
    const before = this.offsetAt(start - 2 * DAY_MS);
    const after = this.offsetAt(start + 3 * DAY_MS);
    return before === after ? before : null;
  }

  private resolveExactly(wallMs: number): number {
    const early = this.offsetAt(wallMs - DAY_MS);
    const late = this.offsetAt(wallMs + DAY_MS);
    const candidates: number[] = [];
    for (const offset of early === late ? [early] : [early, late]) {
      const instant = wallMs - offset;
      if (this.offsetAt(instant) === offset) candidates.push(instant);
    }
    if (candidates.length > 0) return Math.min(...candidates);
    // Skipped wall time: read it with the offset in force before the jump, which lands after the gap.
    return wallMs - early;
  }
}
