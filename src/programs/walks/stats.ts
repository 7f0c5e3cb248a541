/** Headline figures: are walks done on time, and what do they produce. */
import type { Db, Queryable } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';

export interface WalkOutputs {
  walks: { open: number; planned: number; inProgress: number; completed: number; cancelled: number; overdue: number };
  /** Completed by the end of the last due day, out of completed walks; null before the first. */
  onTimeRate: number | null;
  doors: number;
  conversations: number;
  concerns: Array<{ code: string; count: number }>;
  resources: Array<{ code: string; count: number }>;
  watchSignUps: number;
  volunteerSignUps: number;
  tipsAtDoors: number;
  tasks: { open: number; done: number; overdue: number };
}

/** One agency's (or, with null, every agency's) walk outputs. */
export async function walkOutputs(q: Queryable, agencyId: number | null, now = new Date()): Promise<WalkOutputs> {
  const scope = agencyId === null ? 'true' : 'agency_id = $2';
  const params = agencyId === null ? [now] : [now, agencyId];
  const [w] = await q.query<{ open: number; planned: number; in_progress: number; completed: number; cancelled: number; overdue: number; on_time: number }>(
    `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'planned')::int AS planned,
            count(*) FILTER (WHERE status = 'in_progress')::int AS in_progress, count(*) FILTER (WHERE status = 'completed')::int AS completed,
            count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
            count(*) FILTER (WHERE status IN ('open', 'planned', 'in_progress') AND due_to < $1)::int AS overdue,
            count(*) FILTER (WHERE status = 'completed' AND completed_at <= due_to + interval '1 day')::int AS on_time
       FROM walks WHERE ${scope}`, params);
  const [v] = await q.query<{ doors: number; conversations: number; watch: number; volunteer: number; tips: number }>(
    `SELECT count(*)::int AS doors, count(*) FILTER (WHERE outcome = 'conversation')::int AS conversations,
            count(*) FILTER (WHERE wants_watch)::int AS watch, count(*) FILTER (WHERE wants_volunteer)::int AS volunteer,
            count(*) FILTER (WHERE tip_text IS NOT NULL)::int AS tips
       FROM walk_visits WHERE ${agencyId === null ? 'true' : 'agency_id = $1'}`, agencyId === null ? [] : [agencyId]);
  const codes = (column: 'concerns' | 'resources') => q.query<{ code: string; count: number }>(
    `SELECT c AS code, count(*)::int AS count FROM walk_visits, unnest(${column}) AS c
      WHERE ${agencyId === null ? 'true' : 'agency_id = $1'} GROUP BY c ORDER BY count DESC, c`, agencyId === null ? [] : [agencyId]);
  const [t] = await q.query<{ open: number; done: number; overdue: number }>(
    `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'done')::int AS done,
            count(*) FILTER (WHERE status = 'open' AND due_on < $1::date)::int AS overdue
       FROM walk_tasks WHERE ${scope}`, params);
  return {
    walks: { open: w.open, planned: w.planned, inProgress: w.in_progress, completed: w.completed, cancelled: w.cancelled, overdue: w.overdue },
    onTimeRate: w.completed > 0 ? Math.round((w.on_time / w.completed) * 1000) / 10 : null,
    doors: v.doors, conversations: v.conversations, concerns: await codes('concerns'), resources: await codes('resources'),
    watchSignUps: v.watch, volunteerSignUps: v.volunteer, tipsAtDoors: v.tips, tasks: t,
  };
}

/** The manifest's stats: platform-wide headline figures. */
export async function walkStats(db: Db): Promise<ProgramStat[]> {
  const o = await walkOutputs(db, null);
  return [
    { key: 'completed', label: { en: 'Walks done', es: 'Caminatas realizadas' }, value: o.walks.completed },
    { key: 'onTimeRate', label: { en: 'Walks done on time (%)', es: 'Caminatas a tiempo (%)' }, value: o.onTimeRate ?? 0 },
    { key: 'doors', label: { en: 'Doors knocked', es: 'Puertas tocadas' }, value: o.doors },
    { key: 'conversations', label: { en: 'Conversations with neighbors', es: 'Conversaciones con vecinos' }, value: o.conversations },
    { key: 'watchSignUps', label: { en: 'Neighbors interested in watch', es: 'Vecinos interesados en vigilancia' }, value: o.watchSignUps },
    { key: 'tipsAtDoors', label: { en: 'Tips received at the door', es: 'Pistas recibidas en la puerta' }, value: o.tipsAtDoors },
  ];
}
