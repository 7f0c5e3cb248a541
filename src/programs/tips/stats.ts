import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

/** Headline figures for dashboards and the public results page: counts only, nothing about any one tip. */
export async function tipStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ received: number; resolved: number; arrests: number; rewards: number }>(
    `SELECT (SELECT count(*) FROM tips WHERE created_at > now() - interval '365 days')::int AS received,
            (SELECT count(*) FROM tips t JOIN tip_states s ON s.code = t.state
              WHERE s.is_closed AND t.closed_at > now() - interval '365 days')::int AS resolved,
            (SELECT count(*) FROM tips WHERE outcome = 'arrest' AND created_at > now() - interval '365 days')::int AS arrests,
            (SELECT count(*) FROM tip_rewards WHERE status = 'paid' AND paid_at > now() - interval '365 days')::int AS rewards`);
  return [
    { key: 'received', label: { en: 'Tips received in the last year', es: 'Pistas recibidas en el último año' }, value: row.received },
    { key: 'resolved', label: { en: 'Tips resolved (closed with any outcome) in the last year', es: 'Pistas resueltas (cerradas con cualquier resultado) en el último año' }, value: row.resolved },
    { key: 'arrests', label: { en: 'Tips that led to an arrest', es: 'Pistas que llevaron a un arresto' }, value: row.arrests },
    { key: 'rewards', label: { en: 'Rewards paid', es: 'Recompensas pagadas' }, value: row.rewards },
  ];
}
