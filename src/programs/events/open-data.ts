/**
 * Events as open data: every published or cancelled event, upcoming and past, with its public venue. Only what
 * the public event page shows — no RSVP, attendance, survey or contact data is read here.
 */
import type { Queryable } from '../../db/types.js';
import { toCsv } from '../../core/public/csv.js';

export interface OpenEventRow {
  id: number; agency_slug: string; agency_name: string; type_code: string; host_program: string;
  title: Record<string, string>; status: string; starts_at: Date; ends_at: Date; time_zone: string;
  place_name: string; address: string; lon: number | null; lat: number | null; languages: string[]; is_demo: boolean;
}

/** Non-draft events, oldest first (the whole history and what is planned). */
export async function listOpenDataEvents(q: Queryable): Promise<OpenEventRow[]> {
  return q.query<OpenEventRow>(
    `SELECT e.id, ag.slug AS agency_slug, ag.name AS agency_name, t.code AS type_code, e.host_program, e.title, e.status,
            e.starts_at, e.ends_at, ag.time_zone, e.place_name, e.address, e.lon, e.lat, e.languages, e.is_demo
     FROM events e JOIN event_types t ON t.id = e.type_id JOIN agencies ag ON ag.id = e.agency_id
     WHERE e.status <> 'draft'
     ORDER BY e.starts_at, e.id`);
}

const when = (now: Date, row: OpenEventRow) => (row.ends_at.getTime() <= now.getTime() ? 'past' : 'upcoming');

export const EVENTS_CSV_HEADER = ['id', 'agency', 'type', 'host_program', 'title', 'title_es', 'status', 'when', 'starts_at', 'ends_at',
  'time_zone', 'place', 'address', 'longitude', 'latitude', 'languages', 'page', 'demo'] as const;

export function eventsCsv(rows: readonly OpenEventRow[], now = new Date()): string {
  return toCsv(EVENTS_CSV_HEADER, rows.map((e) => [
    e.id, e.agency_slug, e.type_code, e.host_program, e.title.en, e.title.es, e.status, when(now, e),
    e.starts_at.toISOString(), e.ends_at.toISOString(), e.time_zone, e.place_name, e.address, e.lon, e.lat,
    e.languages.join(' '), `/events/${e.id}`, e.is_demo,
  ]));
}

/** A point per event with a venue position; events without one (online, or not yet placed) are in the CSV only. */
export function eventsGeoJson(rows: readonly OpenEventRow[], now = new Date()) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.filter((e) => e.lon !== null && e.lat !== null).map((e) => ({
      type: 'Feature' as const, id: e.id,
      geometry: { type: 'Point' as const, coordinates: [e.lon!, e.lat!] },
      properties: {
        id: e.id, agency: e.agency_slug, type: e.type_code, hostProgram: e.host_program, title: e.title, status: e.status,
        when: when(now, e), startsAt: e.starts_at.toISOString(), endsAt: e.ends_at.toISOString(), timeZone: e.time_zone,
        place: e.place_name, address: e.address, languages: e.languages, page: `/events/${e.id}`, demo: e.is_demo,
      },
    })),
  };
}
