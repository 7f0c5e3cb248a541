/**
 * What the other programs contribute to the briefing, read by SQL only and only when their tables exist:
 * I-CAP never imports another program (walks, problems, tips may each be installed or not).
 */
import type { Queryable } from '../../../db/types.js';

const DAY_MS = 86_400_000;

async function tableExists(q: Queryable, name: string): Promise<boolean> {
  const [row] = await q.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [`public.${name}`]);
  return row.ok;
}

export interface WalksSection {
  /** Walks due in the week from asOf (or overdue), not yet done. */
  due: Array<{ id: number; title: string; status: string; dueFrom: Date; dueTo: Date; scheduledFor: Date | null; overdue: boolean }>;
  doneLastWeek: number;
  doneOnTimeLastWeek: number;
  doorsLastWeek: number;
}

export async function walksSection(q: Queryable, agencyId: number, asOf: Date): Promise<WalksSection | null> {
  if (!(await tableExists(q, 'walks'))) return null;
  const due = await q.query<{ id: number; title: string; status: string; due_from: Date; due_to: Date; scheduled_for: Date | null }>(
    `SELECT id, title, status, due_from, due_to, scheduled_for FROM walks
      WHERE agency_id = $1 AND status IN ('open', 'planned', 'in_progress') AND due_from < $2 ORDER BY due_to, id LIMIT 30`,
    [agencyId, new Date(asOf.getTime() + 7 * DAY_MS)]);
  const [done] = await q.query<{ done: number; on_time: number; doors: number }>(
    `SELECT count(*)::int AS done, count(*) FILTER (WHERE completed_at <= due_to + interval '1 day')::int AS on_time,
            (SELECT count(*)::int FROM walk_visits v JOIN walks w2 ON w2.id = v.walk_id WHERE w2.agency_id = $1 AND v.visited_at >= $2 AND v.visited_at < $3) AS doors
       FROM walks WHERE agency_id = $1 AND status = 'completed' AND completed_at >= $2 AND completed_at < $3`,
    [agencyId, new Date(asOf.getTime() - 7 * DAY_MS), asOf]);
  return {
    due: due.map((w) => ({ id: w.id, title: w.title, status: w.status, dueFrom: w.due_from, dueTo: w.due_to, scheduledFor: w.scheduled_for, overdue: w.due_to < asOf })),
    doneLastWeek: done.done, doneOnTimeLastWeek: done.on_time, doorsLastWeek: done.doors,
  };
}

export interface ProblemsSection {
  open: Array<{ id: number; title: string; stage: string; areaName: string | null; responses: number; updatedAt: Date }>;
}

export async function problemsSection(q: Queryable, agencyId: number): Promise<ProblemsSection | null> {
  if (!(await tableExists(q, 'problems'))) return null;
  const rows = await q.query<{ id: number; title: string; stage: string; area_name: string | null; responses: number; updated_at: Date }>(
    `SELECT p.id, p.title, p.stage, a.name AS area_name, p.updated_at,
            (SELECT count(*)::int FROM problem_responses r WHERE r.problem_id = p.id) AS responses
       FROM problems p LEFT JOIN areas a ON a.id = p.area_id
      WHERE p.agency_id = $1 AND p.stage <> 'closed' ORDER BY p.updated_at DESC LIMIT 20`, [agencyId]);
  return { open: rows.map((r) => ({ id: r.id, title: r.title, stage: r.stage, areaName: r.area_name, responses: r.responses, updatedAt: r.updated_at })) };
}

export interface TipsSection { lastWeek: number; last28: number; prior28: number; byCategory: Array<{ category: string; count: number }> }

/** Tip counts only (no content): the tips program's table, when it is installed. */
export async function tipsSection(q: Queryable, agencyId: number, asOf: Date): Promise<TipsSection | null> {
  if (!(await tableExists(q, 'tips'))) return null;
  const [c] = await q.query<{ week: number; d28: number; prior: number }>(
    `SELECT count(*) FILTER (WHERE created_at >= $2)::int AS week, count(*) FILTER (WHERE created_at >= $3)::int AS d28,
            count(*) FILTER (WHERE created_at < $3)::int AS prior
       FROM tips WHERE agency_id = $1 AND created_at >= $4 AND created_at < $5`,
    [agencyId, new Date(asOf.getTime() - 7 * DAY_MS), new Date(asOf.getTime() - 28 * DAY_MS), new Date(asOf.getTime() - 56 * DAY_MS), asOf]);
  const byCategory = await q.query<{ category: string; count: number }>(
    `SELECT category, count(*)::int AS count FROM tips WHERE agency_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY category ORDER BY count DESC, category LIMIT 8`,
    [agencyId, new Date(asOf.getTime() - 28 * DAY_MS), asOf]);
  return { lastWeek: c.week, last28: c.d28, prior28: c.prior, byCategory };
}
