/**
 * iCalendar feeds of published events: the whole site, one event type, one host program (board meetings,
 * watch-group meetings), or a single event. Subscribed calendars refresh them; cancellations stay in the
 * feed with STATUS:CANCELLED so subscribers' copies are withdrawn rather than silently kept.
 */
import type { Queryable } from '../../db/types.js';
import { escapeText, localDateTime, paramValue, serialize, utcDateTime } from './ics.js';
import { SELECT_EVENT, type EventRow } from './queries.js';
import { vtimezoneLines } from './vtimezone.js';

export interface FeedFilter {
  type?: string;
  program?: string;
  eventId?: number;
}

export interface FeedOptions {
  /** Origin the event pages live at, e.g. https://bridges.example.org: each VEVENT's URL points back. */
  baseUrl: string;
  /** Language of SUMMARY and DESCRIPTION (the text the event was written in). */
  lang: 'en' | 'es';
  /** Calendar name shown by the client. */
  name: string;
  now?: Date;
}

// Past events stay in a feed this long, so last month's meeting does not vanish from a subscriber's calendar.
const PAST_DAYS = 90;

export async function feedEvents(q: Queryable, filter: FeedFilter, now = new Date()): Promise<EventRow[]> {
  return q.query<EventRow>(
    `${SELECT_EVENT}
     WHERE e.status <> 'draft' AND e.ends_at > $1
       AND ($2::text IS NULL OR t.code = $2) AND ($3::text IS NULL OR e.host_program = $3) AND ($4::int IS NULL OR e.id = $4)
     ORDER BY e.starts_at, e.id LIMIT 1000`,
    [new Date(now.getTime() - PAST_DAYS * 86_400_000), filter.type ?? null, filter.program ?? null, filter.eventId ?? null]);
}

const pick = (text: Record<string, string>, lang: string) => text[lang] || text.en || Object.values(text)[0] || '';

const LABELS = {
  en: { accessibility: 'Accessibility', languages: 'Languages', rsvp: 'Details and RSVP', cancelled: 'CANCELLED' },
  es: { accessibility: 'Accesibilidad', languages: 'Idiomas', rsvp: 'Detalles e inscripción', cancelled: 'CANCELADO' },
} as const;

function veventLines(event: EventRow, options: Required<FeedOptions>): string[] {
  const labels = LABELS[options.lang];
  const url = `${options.baseUrl}/events/${event.id}`;
  const access = pick(event.accessibility, options.lang);
  const description = [
    pick(event.description, options.lang),
    access ? `${labels.accessibility}: ${access}` : '',
    `${labels.languages}: ${event.languages.join(', ')}`,
    `${labels.rsvp}: ${url}`,
  ].filter(Boolean).join('\n\n');
  const summary = `${event.status === 'cancelled' ? `${labels.cancelled}: ` : ''}${pick(event.title, options.lang)}`;
  const zone = paramValue(event.time_zone);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}@bridges`,
    `DTSTAMP:${utcDateTime(options.now)}`,
    `DTSTART;TZID=${zone}:${localDateTime(event.starts_at, event.time_zone)}`,
    `DTEND;TZID=${zone}:${localDateTime(event.ends_at, event.time_zone)}`,
    `SUMMARY;LANGUAGE=${options.lang}:${escapeText(summary)}`,
    `DESCRIPTION;LANGUAGE=${options.lang}:${escapeText(description)}`,
    `LOCATION:${escapeText([event.place_name, event.address].filter(Boolean).join(', '))}`,
  ];
  if (event.lat !== null && event.lon !== null) lines.push(`GEO:${event.lat.toFixed(6)};${event.lon.toFixed(6)}`);
  lines.push(
    `URL:${url}`,
    `CATEGORIES:${escapeText(pick(event.type_name, options.lang))}`,
    `STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${event.sequence}`,
    `LAST-MODIFIED:${utcDateTime(event.updated_at)}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  );
  return lines;
}

/** The whole VCALENDAR object as text, CRLF line ends, folded lines. */
export function buildCalendar(events: readonly EventRow[], options: FeedOptions): string {
  const full: Required<FeedOptions> = { ...options, now: options.now ?? new Date() };
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Bridges//Community events//${full.lang.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    `NAME:${escapeText(full.name)}`, `X-WR-CALNAME:${escapeText(full.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H',
  ];
  // One VTIMEZONE per zone used, covering whole years from the earliest start to the latest end.
  const zones = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    const range = zones.get(event.time_zone) ?? { from: Infinity, to: -Infinity };
    range.from = Math.min(range.from, event.starts_at.getUTCFullYear() - 1);
    range.to = Math.max(range.to, event.ends_at.getUTCFullYear() + 1);
    zones.set(event.time_zone, range);
  }
  for (const [zone, range] of zones) {
    lines.push(...vtimezoneLines(zone, new Date(Date.UTC(range.from, 0, 1)), new Date(Date.UTC(range.to, 0, 1))));
  }
  for (const event of events) lines.push(...veventLines(event, full));
  lines.push('END:VCALENDAR');
  return serialize(lines);
}
