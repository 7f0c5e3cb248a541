import { describe, expect, it } from 'vitest';
import type { WallTime } from './dates.js';
import { ZonedTime, assertTimeZone } from './zoned-time.js';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0): WallTime =>
  ({ year, month, day, hour, minute, second: 0, millisecond: 0, hasTime: true });
const iso = (ms: number) => new Date(ms).toISOString();

describe('wall time in a zone → instant', () => {
  const newYork = new ZonedTime('America/New_York');

  it('uses standard time in winter and daylight time in summer', () => {
    expect(iso(newYork.toInstant(wall(2021, 1, 15, 12)))).toBe('2021-01-15T17:00:00.000Z');
    expect(iso(newYork.toInstant(wall(2021, 7, 15, 12)))).toBe('2021-07-15T16:00:00.000Z');
  });

  it('moves a skipped spring-forward time past the gap (02:30 → 03:30 EDT)', () => {
    // 14 March 2021: clocks jump from 02:00 EST to 03:00 EDT.
    expect(iso(newYork.toInstant(wall(2021, 3, 14, 1, 59)))).toBe('2021-03-14T06:59:00.000Z');
    expect(iso(newYork.toInstant(wall(2021, 3, 14, 2, 30)))).toBe('2021-03-14T07:30:00.000Z');
    expect(iso(newYork.toInstant(wall(2021, 3, 14, 3, 0)))).toBe('2021-03-14T07:00:00.000Z');
  });

  it('takes the earlier instant of a repeated fall-back time (01:30 EDT, not EST)', () => {
    // 7 November 2021: clocks fall back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
    expect(iso(newYork.toInstant(wall(2021, 11, 7, 1, 30)))).toBe('2021-11-07T05:30:00.000Z');
    expect(iso(newYork.toInstant(wall(2021, 11, 7, 2, 30)))).toBe('2021-11-07T07:30:00.000Z');
  });

  it('keeps dates-only values at local midnight (Chicago) and respects other zones', () => {
    expect(iso(new ZonedTime('America/Chicago').toInstant({ ...wall(2014, 1, 1), hasTime: false }))).toBe('2014-01-01T06:00:00.000Z');
    expect(iso(new ZonedTime('America/Los_Angeles').toInstant(wall(2006, 1, 1, 0, 0)))).toBe('2006-01-01T08:00:00.000Z');
    expect(iso(new ZonedTime('Europe/London').toInstant(wall(2021, 3, 28, 1, 30)))).toBe('2021-03-28T01:30:00.000Z');
    expect(iso(new ZonedTime('Asia/Kolkata').toInstant(wall(2021, 6, 1, 5, 30)))).toBe('2021-06-01T00:00:00.000Z');
    // Lord Howe Island shifts by half an hour.
    expect(iso(new ZonedTime('Australia/Lord_Howe').toInstant(wall(2021, 1, 1, 12)))).toBe('2021-01-01T01:00:00.000Z');
  });

  it('lets an offset carried by the value win over the zone', () => {
    expect(iso(newYork.toInstant({ ...wall(2021, 7, 15, 12), offsetMinutes: 0 }))).toBe('2021-07-15T12:00:00.000Z');
  });

  it('agrees, hour by hour over a whole year, with reading the instant back in the zone', () => {
    const zone = new ZonedTime('America/New_York');
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    for (let t = Date.UTC(2021, 0, 1); t < Date.UTC(2022, 0, 1); t += 3_600_000 + 17 * 60_000) {
      const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, Number(p.value)]));
      const instant = zone.toInstant(wall(parts.year, parts.month, parts.day, parts.hour, parts.minute));
      // Equal, or the earlier of the two readings of a repeated fall-back hour.
      expect(instant === Math.floor(t / 60_000) * 60_000 || instant === Math.floor(t / 60_000) * 60_000 - 3_600_000).toBe(true);
    }
  });

  it('rejects unknown zones by name', () => {
    expect(() => assertTimeZone('America/Atlantis')).toThrow(/unknown time zone "America\/Atlantis"/);
  });
});
