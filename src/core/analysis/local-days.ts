/**
 * Instants → local wall-clock days in a time zone, in JavaScript rather than with `AT TIME ZONE` on every row
 * (which costs seconds for a city-year inside PGlite). Offsets only change at DST transitions, so they are
 * looked up once per UTC day when the day has no transition, per hour inside a transition day, and per event
 * only inside the transition hour itself.
 */
import { ZonedTime } from '../incidents/import/zoned-time.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function localDays(ms: Float64Array, timeZone: string): Float64Array {
  const zone = new ZonedTime(timeZone);
  // Bucket start → the offset valid through the whole bucket, or null when it changes inside.
  const days = new Map<number, number | null>();
  const hours = new Map<number, number | null>();
  const steady = (cache: Map<number, number | null>, bucket: number, size: number): number | null => {
    let offset = cache.get(bucket);
    if (offset === undefined) {
      const first = zone.offsetAt(bucket * size);
      offset = first === zone.offsetAt(bucket * size + size - 1000) ? first : null;
      cache.set(bucket, offset);
    }
    return offset;
  };
  const out = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const offset = steady(days, Math.floor(m / DAY), DAY) ?? steady(hours, Math.floor(m / HOUR), HOUR) ?? zone.offsetAt(m);
    out[i] = (m + offset) / DAY;
  }
  return out;
}
