import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for dashboards and the public results page: totals only, nobody's name or hours. */
export async function volunteerStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ active: number; hours: string; applications: number; shifts: number }>(
    `SELECT (SELECT count(*) FROM volunteers v JOIN volunteer_states s ON s.code = v.state WHERE s.serving)::int AS active,
            (SELECT COALESCE(sum(hours), 0) FROM volunteer_hours WHERE status = 'approved' AND worked_on > current_date - 365)::text AS hours,
            (SELECT count(*) FROM volunteers WHERE created_at > now() - interval '365 days')::int AS applications,
            (SELECT count(*) FROM volunteer_shifts WHERE ends_at < now() AND ends_at > now() - interval '365 days')::int AS shifts`);
  return [
    { key: 'hours', label: { en: 'Volunteer hours served in the last year', es: 'Horas de voluntariado en el último año' }, value: Math.round(Number(row.hours)) },
    { key: 'active', label: { en: 'Active volunteers', es: 'Voluntarios activos' }, value: row.active },
    { key: 'applications', label: { en: 'Volunteer applications in the last year', es: 'Solicitudes de voluntariado en el último año' }, value: row.applications },
    { key: 'shifts', label: { en: 'Volunteer shifts held in the last year', es: 'Turnos de voluntariado realizados en el último año' }, value: row.shifts },
  ];
}
