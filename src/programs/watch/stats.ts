import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for dashboards and the public results page. */
export async function watchStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ active: number; forming: number; members: number; captains: number; meetings: number; alerts: number; neighborhoods: number }>(
    `SELECT
       (SELECT count(*)::int FROM watch_groups WHERE status = 'active') AS active,
       (SELECT count(*)::int FROM watch_groups WHERE status = 'forming') AS forming,
       (SELECT count(*)::int FROM watch_members m JOIN watch_groups g ON g.id = m.group_id WHERE m.left_at IS NULL AND g.status <> 'inactive') AS members,
       (SELECT count(*)::int FROM watch_members m JOIN watch_groups g ON g.id = m.group_id WHERE m.left_at IS NULL AND m.role = 'captain' AND g.status <> 'inactive') AS captains,
       (SELECT count(*)::int FROM watch_meetings WHERE starts_at <= now()) AS meetings,
       (SELECT count(*)::int FROM watch_alerts) AS alerts,
       (SELECT count(DISTINCT area_id)::int FROM watch_groups WHERE status = 'active' AND area_id IS NOT NULL) AS neighborhoods`);
  return [
    { key: 'activeGroups', label: { en: 'Active watch groups', es: 'Grupos de vigilancia activos' }, value: row.active },
    { key: 'formingGroups', label: { en: 'Groups getting started', es: 'Grupos en formación' }, value: row.forming },
    { key: 'members', label: { en: 'Watch group members', es: 'Miembros de grupos de vigilancia' }, value: row.members },
    { key: 'captains', label: { en: 'Block captains', es: 'Capitanes de cuadra' }, value: row.captains },
    { key: 'neighborhoods', label: { en: 'Neighborhoods with a group', es: 'Vecindarios con un grupo' }, value: row.neighborhoods },
    { key: 'meetingsHeld', label: { en: 'Group meetings and trainings held', es: 'Reuniones y capacitaciones realizadas' }, value: row.meetings },
    { key: 'alertsSent', label: { en: 'Alerts sent to groups', es: 'Alertas enviadas a grupos' }, value: row.alerts },
  ];
}
