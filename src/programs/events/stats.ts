import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for dashboards and the public results page (all agencies, demo content included). */
export async function eventStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ held: number; upcoming: number; attendance: number; rsvps: number; rating: number | null; responses: number }>(
    `SELECT
       count(*) FILTER (WHERE e.status = 'published' AND e.ends_at <= now())::int AS held,
       count(*) FILTER (WHERE e.status = 'published' AND e.starts_at > now())::int AS upcoming,
       COALESCE(sum(e.walk_ins + COALESCE(r.checked_in, 0)) FILTER (WHERE e.status = 'published' AND e.ends_at <= now()), 0)::int AS attendance,
       COALESCE(sum(r.rsvps), 0)::int AS rsvps,
       (SELECT round(avg(rating), 1)::float8 FROM event_survey_responses) AS rating,
       (SELECT count(*)::int FROM event_survey_responses) AS responses
     FROM events e
     LEFT JOIN LATERAL (
       SELECT sum(party_size) FILTER (WHERE checked_in_at IS NOT NULL AND status <> 'cancelled') AS checked_in,
              sum(party_size) FILTER (WHERE status <> 'cancelled') AS rsvps
       FROM event_rsvps WHERE event_id = e.id) r ON true
     WHERE e.status <> 'draft'`);
  return [
    { key: 'held', label: { en: 'Community events held', es: 'Eventos comunitarios realizados' }, value: row.held },
    { key: 'attendance', label: { en: 'People who attended', es: 'Personas que asistieron' }, value: row.attendance },
    { key: 'upcoming', label: { en: 'Upcoming events', es: 'Próximos eventos' }, value: row.upcoming },
    { key: 'rsvps', label: { en: 'Places reserved', es: 'Lugares reservados' }, value: row.rsvps },
    { key: 'surveyResponses', label: { en: 'Survey answers', es: 'Respuestas a encuestas' }, value: row.responses },
    { key: 'averageRating', label: { en: 'Average rating (1–5)', es: 'Calificación media (1–5)' }, value: row.rating ?? 0 },
  ];
}
