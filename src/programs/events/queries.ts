/** The one SELECT of an event with its type, agency and RSVP counts, and its mapping to the API views. */
import type { Queryable } from '../../db/types.js';
import { notFound } from '../../core/errors.js';
import type { EventStatus, PublicEventView, StaffEventView } from './validation.js';

/** How long after the end the follow-up survey accepts answers. */
export const SURVEY_DAYS = 30;
const DAY = 86_400_000;

export interface EventRow {
  id: number; agency_id: number; type_id: number; type_code: string; type_name: Record<string, string>; type_agency_id: number | null;
  host_program: string; title: Record<string, string>; description: Record<string, string>;
  starts_at: Date; ends_at: Date; place_name: string; address: string; lon: number | null; lat: number | null;
  accessibility: Record<string, string>; languages: string[]; capacity: number | null; status: EventStatus;
  reminder_hours: number; walk_ins: number; uid: string; sequence: number; is_demo: boolean; updated_at: Date;
  agency_name: string; agency_slug: string; time_zone: string;
  confirmed: number; waitlisted: number; checked_in: number; survey_count: number; average_rating: number | null;
}

export const SELECT_EVENT = `
  SELECT e.id, e.agency_id, e.type_id, t.code AS type_code, t.name AS type_name, t.agency_id AS type_agency_id,
    e.host_program, e.title, e.description, e.starts_at, e.ends_at, e.place_name, e.address, e.lon, e.lat,
    e.accessibility, e.languages, e.capacity, e.status, e.reminder_hours, e.walk_ins, e.uid::text AS uid, e.sequence,
    e.is_demo, e.updated_at, ag.name AS agency_name, ag.slug AS agency_slug, ag.time_zone,
    COALESCE(r.confirmed, 0)::int AS confirmed, COALESCE(r.waitlisted, 0)::int AS waitlisted,
    COALESCE(r.checked_in, 0)::int AS checked_in, COALESCE(s.survey_count, 0)::int AS survey_count,
    s.average_rating::float8 AS average_rating
  FROM events e
  JOIN event_types t ON t.id = e.type_id
  JOIN agencies ag ON ag.id = e.agency_id
  LEFT JOIN LATERAL (
    SELECT sum(party_size) FILTER (WHERE status = 'confirmed') AS confirmed,
           sum(party_size) FILTER (WHERE status = 'waitlisted') AS waitlisted,
           sum(party_size) FILTER (WHERE checked_in_at IS NOT NULL AND status <> 'cancelled') AS checked_in
    FROM event_rsvps WHERE event_id = e.id) r ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS survey_count, round(avg(rating), 2) AS average_rating
    FROM event_survey_responses WHERE event_id = e.id) s ON true`;

export function toPublicView(row: EventRow, now = new Date()): PublicEventView {
  const open = row.status === 'published';
  return {
    id: row.id,
    type: { id: row.type_id, code: row.type_code, name: row.type_name, agencyId: row.type_agency_id },
    hostProgram: row.host_program, title: row.title, description: row.description,
    startsAt: row.starts_at, endsAt: row.ends_at, timeZone: row.time_zone,
    placeName: row.place_name, address: row.address, lon: row.lon, lat: row.lat,
    accessibility: row.accessibility, languages: row.languages, capacity: row.capacity,
    spotsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.confirmed),
    status: row.status, agencyName: row.agency_name, agencySlug: row.agency_slug, isDemo: row.is_demo,
    rsvpOpen: open && row.starts_at > now,
    surveyOpen: open && row.starts_at <= now && now.getTime() < row.ends_at.getTime() + SURVEY_DAYS * DAY,
  };
}

export function toStaffView(row: EventRow, now = new Date()): StaffEventView {
  return {
    ...toPublicView(row, now),
    typeId: row.type_id, reminderHours: row.reminder_hours, confirmed: row.confirmed, waitlisted: row.waitlisted,
    checkedIn: row.checked_in, walkIns: row.walk_ins, attendance: row.checked_in + row.walk_ins,
    surveyCount: row.survey_count, averageRating: row.average_rating, sequence: row.sequence,
  };
}

/** One event of one agency (staff), or 404. */
export async function findAgencyEvent(q: Queryable, agencyId: number, id: number): Promise<EventRow> {
  const rows = await q.query<EventRow>(`${SELECT_EVENT} WHERE e.id = $1 AND e.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Event ${id}`);
  return rows[0];
}

/** One event residents may see (published or cancelled; drafts do not exist for them), or 404. */
export async function findPublicEvent(q: Queryable, id: number): Promise<EventRow> {
  const rows = await q.query<EventRow>(`${SELECT_EVENT} WHERE e.id = $1 AND e.status <> 'draft'`, [id]);
  if (!rows[0]) throw notFound(`Event ${id}`);
  return rows[0];
}
