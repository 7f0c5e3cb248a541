/**
 * VTIMEZONE components (RFC 5545 §3.6.5) generated from the IANA database the JavaScript runtime carries,
 * so any agency's zone works without a table of rules. Each daylight-saving change in the years the feed
 * covers becomes its own STANDARD or DAYLIGHT observance with its exact onset, which every calendar client
 * understands (no RRULE to interpret).
 */
import { formatOffset, localDateTime } from './ics.js';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();

function part(format: Intl.DateTimeFormat, date: Date): string {
  return format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Minutes east of UTC in the zone at the instant ("GMT-05:00" → -300). */
export function offsetMinutes(timeZone: string, date: Date): number {
  let format = offsetFormats.get(timeZone);
  if (!format) offsetFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part(format, date));
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The zone's abbreviation at the instant (EST, EDT), or the offset when the runtime knows none. */
function zoneName(timeZone: string, date: Date): string {
  let format = nameFormats.get(timeZone);
  if (!format) nameFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })));
  return part(format, date).replace(/^GMT$/, 'UTC');
}

export interface Transition { at: Date; from: number; to: number }

// Zones change offset at most a few times a year, never twice within a day: daily steps find every change.
const STEP = 86_400_000;

/** Offset changes between two instants: daily steps find them, a binary search pins each to the minute. */
export function transitions(timeZone: string, start: Date, end: Date): Transition[] {
  const found: Transition[] = [];
  let previous = offsetMinutes(timeZone, start);
  for (let t = start.getTime() + STEP; t <= end.getTime(); t += STEP) {
    const offset = offsetMinutes(timeZone, new Date(t));
    if (offset === previous) continue;
    let low = t - STEP;
    let high = t;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(timeZone, new Date(middle)) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: new Date(high), from: previous, to: offset });
    previous = offset;
  }
  return found;
}

// Feeds ask for whole years, so a handful of keys serve every request.
const cache = new Map<string, string[]>();

/**
 * The VTIMEZONE lines for a zone over [start, end]. The first observance starts at `start` with the offset
 * then in force, so times before the first change in the range are defined too.
 */
export function vtimezoneLines(timeZone: string, start: Date, end: Date): string[] {
  const key = `${timeZone}|${start.toISOString()}|${end.toISOString()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const changes = transitions(timeZone, start, end);
  const initial = offsetMinutes(timeZone, start);
  const offsets = [initial, ...changes.map((c) => c.to)];
  const standardOffset = Math.min(...offsets);
  const observance = (onset: Date, from: number, to: number, localStart: string) => {
    const kind = to > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`, `DTSTART:${localStart}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`,
      `TZNAME:${zoneName(timeZone, onset)}`, `END:${kind}`,
    ];
  };
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${timeZone}`];
  lines.push(...observance(start, initial, initial, localDateTime(start, timeZone)));
  for (const change of changes) {
    // The onset is written in the local time that was in force just before the change (RFC 5545 §3.6.5).
    // The onset is the instant shifted by the old offset, read as UTC fields: 2025-03-09 07:00Z → 20250309T020000.
    const onsetLocal = localDateTime(new Date(change.at.getTime() + change.from * 60_000), 'UTC');
    lines.push(...observance(change.at, change.from, change.to, onsetLocal));
  }
  lines.push('END:VTIMEZONE');
  if (cache.size > 100) cache.clear();
  cache.set(key, lines);
  return lines;
}
