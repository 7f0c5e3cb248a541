/** Follow-up tasks from what neighbors raised: an owner (a staff member or an organisation) and a due date. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import { concernByCode } from './codes.js';
import { getWalkRow } from './service.js';

export interface TaskView {
  id: number; walkId: number; walkTitle: string; visitId: string | null; concern: string; description: string;
  ownerUserId: number | null; ownerName: string | null; dueOn: string; status: 'open' | 'done' | 'cancelled'; overdue: boolean; completedAt: Date | null;
}

interface TaskRow {
  id: number; walk_id: number; title: string; visit_id: string | null; concern: string; description: string; owner_user_id: number | null;
  owner_name: string | null; owner_display: string | null; due_on: string; status: TaskView['status']; completed_at: Date | null;
}

// due_on comes back as text so no time zone can move the date.
const SELECT_TASK = `SELECT t.id, t.walk_id, w.title, t.visit_id, t.concern, t.description, t.owner_user_id, t.owner_name,
    u.display_name AS owner_display, t.due_on::text AS due_on, t.status, t.completed_at
  FROM walk_tasks t JOIN walks w ON w.id = t.walk_id LEFT JOIN users u ON u.id = t.owner_user_id`;

const toView = (r: TaskRow, today: string): TaskView => ({
  id: r.id, walkId: r.walk_id, walkTitle: r.title, visitId: r.visit_id, concern: r.concern, description: r.description,
  ownerUserId: r.owner_user_id, ownerName: r.owner_display ?? r.owner_name, dueOn: r.due_on, status: r.status,
  overdue: r.status === 'open' && r.due_on < today, completedAt: r.completed_at,
});

const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Tasks of one walk, or every open task of the agency (walkId null). */
export async function listTasks(q: Queryable, agencyId: number, walkId: number | null, now = new Date()): Promise<TaskView[]> {
  const rows = walkId === null
    ? await q.query<TaskRow>(`${SELECT_TASK} WHERE t.agency_id = $1 AND t.status = 'open' ORDER BY t.due_on, t.id`, [agencyId])
    : await q.query<TaskRow>(`${SELECT_TASK} WHERE t.agency_id = $1 AND t.walk_id = $2 ORDER BY t.status, t.due_on, t.id`, [agencyId, walkId]);
  return rows.map((r) => toView(r, todayOf(now)));
}

async function assertOwner(q: Queryable, agencyId: number, userId: number | null | undefined) {
  if (!userId) return;
  const rows = await q.query('SELECT 1 FROM users WHERE id = $1 AND agency_id = $2', [userId, agencyId]);
  if (rows.length === 0) throw badRequest(`ownerUserId: user ${userId} is not in your agency`, { field: 'ownerUserId' });
}

export interface TaskInput { concern: string; description: string; visitId?: string | null; ownerUserId?: number | null; ownerName?: string | null; dueOn?: string }

/** Creates a task; without a due date it gets the concern's usual delay. */
export async function createTask(db: Db, agencyId: number, walkId: number, input: TaskInput, actor: AuditActor, now = new Date()): Promise<TaskView> {
  return db.transaction(async (tx) => {
    await getWalkRow(tx, agencyId, walkId);
    await assertOwner(tx, agencyId, input.ownerUserId);
    if (input.visitId) {
      const visit = await tx.query('SELECT 1 FROM walk_visits WHERE id = $1 AND walk_id = $2', [input.visitId, walkId]);
      if (visit.length === 0) throw badRequest(`visitId: ${input.visitId} is not a visit of walk ${walkId}`, { field: 'visitId' });
    }
    const dueOn = input.dueOn ?? todayOf(new Date(now.getTime() + (concernByCode(input.concern)?.dueDays ?? 7) * 86_400_000));
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO walk_tasks (walk_id, agency_id, visit_id, concern, description, owner_user_id, owner_name, due_on, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [walkId, agencyId, input.visitId ?? null, input.concern, input.description, input.ownerUserId ?? null, input.ownerName ?? null, dueOn, actor.userId ?? null]);
    await appendAudit(tx, { actor, action: 'walks.task_create', targetType: 'walk_task', targetId: row.id, outcome: 'success', details: { walkId, concern: input.concern, dueOn } });
    const [created] = await tx.query<TaskRow>(`${SELECT_TASK} WHERE t.id = $1`, [row.id]);
    return toView(created, todayOf(now));
  });
}

export interface TaskPatch { status?: TaskView['status']; ownerUserId?: number | null; ownerName?: string | null; dueOn?: string }

/** Changes a task: done, cancelled, reassigned or rescheduled. */
export async function updateTask(db: Db, agencyId: number, id: number, patch: TaskPatch, actor: AuditActor, now = new Date()): Promise<TaskView> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<TaskRow>(`${SELECT_TASK} WHERE t.id = $1 AND t.agency_id = $2`, [id, agencyId]);
    if (!before) throw notFound(`Task ${id}`);
    await assertOwner(tx, agencyId, patch.ownerUserId);
    const ownerUserId = patch.ownerUserId === undefined ? before.owner_user_id : patch.ownerUserId;
    const ownerName = patch.ownerName === undefined ? before.owner_name : patch.ownerName;
    if (!ownerUserId && !ownerName) throw badRequest('ownerName: a task needs an owner', { field: 'ownerName' });
    const status = patch.status ?? before.status;
    await tx.query(
      `UPDATE walk_tasks SET status = $2, owner_user_id = $3, owner_name = $4, due_on = $5,
         completed_at = CASE WHEN $2 = 'done' THEN COALESCE(completed_at, $6) ELSE NULL END WHERE id = $1`,
      [id, status, ownerUserId, ownerName, patch.dueOn ?? before.due_on, now]);
    await appendAudit(tx, {
      actor, action: 'walks.task_update', targetType: 'walk_task', targetId: id, outcome: 'success',
      details: { changed: Object.keys(patch), ...(status !== before.status ? { statusFrom: before.status, statusTo: status } : {}) },
    });
    const [after] = await tx.query<TaskRow>(`${SELECT_TASK} WHERE t.id = $1`, [id]);
    return toView(after, todayOf(now));
  });
}
