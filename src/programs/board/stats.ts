import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for dashboards and the public results page. */
export async function boardStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ seats: number; filled: number; held: number; answered: number; received: number; attendance: number | null }>(
    `SELECT
       (SELECT count(*)::int FROM board_seats WHERE active) AS seats,
       (SELECT count(DISTINCT s.id)::int FROM board_seats s JOIN board_terms t ON t.seat_id = s.id
          WHERE s.active AND t.term_start <= CURRENT_DATE AND COALESCE(t.ended_early, t.term_end) >= CURRENT_DATE) AS filled,
       (SELECT count(*)::int FROM board_meetings WHERE status = 'held' OR (status = 'scheduled' AND starts_at <= now())) AS held,
       (SELECT count(*)::int FROM board_questions WHERE status = 'answered') AS answered,
       (SELECT count(*)::int FROM board_questions) AS received,
       (SELECT round(100.0 * avg(CASE WHEN present THEN 1 ELSE 0 END))::int FROM board_attendance) AS attendance`);
  return [
    { key: 'seats', label: { en: 'Advisory Board seats', es: 'Puestos de la Junta Asesora' }, value: row.seats },
    { key: 'filledSeats', label: { en: 'Seats filled', es: 'Puestos ocupados' }, value: row.filled },
    { key: 'meetingsHeld', label: { en: 'Board meetings held', es: 'Reuniones de la junta realizadas' }, value: row.held },
    { key: 'attendanceRate', label: { en: 'Member attendance at meetings (%)', es: 'Asistencia de los miembros a las reuniones (%)' }, value: row.attendance ?? 0 },
    { key: 'questionsReceived', label: { en: 'Questions to the Chief received', es: 'Preguntas al Jefe recibidas' }, value: row.received },
    { key: 'questionsAnswered', label: { en: 'Questions answered in public', es: 'Preguntas respondidas en público' }, value: row.answered },
  ];
}
