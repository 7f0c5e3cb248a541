/** Walks for staff: the list, one walk with its team and timeline, planning it, and moving it through its states. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import type { WALK_STATUSES } from './codes.js';

export type WalkStatus = (typeof WALK_STATUSES)[number];

export interface WalkSummary {
  id: number; title: string; status: WalkStatus; openedBy: string; incidentId: number | null; incidentCategory: string | null;
  incidentAt: Date | null; hundredBlock: string | null; lon: number; lat: number; radiusM: number; canvassAreaId: number | null;
  canvassAreaName: string | null; dueFrom: Date; dueTo: Date; scheduledFor: Date | null; completedAt: Date | null;
  /** Completed inside its due window (null while not completed). */
  onTime: boolean | null; overdue: boolean; doors: number; conversations: number; isDemo: boolean; demoNote: string | null;
}

export interface TeamMember { id: number; userId: number | null; name: string; role: string; organisation: string | null }
export interface WalkEvent { at: Date; kind: string; userName: string | null; details: Record<string, unknown> }
export interface WalkDetail extends WalkSummary {
  meetingPoint: string | null; talkingPoints: { en: string[]; es: string[] } | null; startedAt: Date | null;
  team: TeamMember[]; timeline: WalkEvent[];
}

interface WalkRow {
  id: number; title: string; status: WalkStatus; opened_by: string; incident_id: string | number | null; category: string | null; occurred_at: Date | null;
  hundred_block: string | null; center_lon: number; center_lat: number; radius_m: number; canvass_area_id: number | null; area_name: string | null;
  due_from: Date; due_to: Date; scheduled_for: Date | null; completed_at: Date | null; started_at: Date | null; meeting_point: string | null;
  talking_points: WalkDetail['talkingPoints']; is_demo: boolean; demo_note: string | null; doors: number; conversations: number;
}

const SELECT_WALK = `SELECT w.*, i.category, i.occurred_at, a.name AS area_name,
    (SELECT count(*)::int FROM walk_visits v WHERE v.walk_id = w.id) AS doors,
    (SELECT count(*)::int FROM walk_visits v WHERE v.walk_id = w.id AND v.outcome = 'conversation') AS conversations
  FROM walks w LEFT JOIN incidents i ON i.id = w.incident_id LEFT JOIN areas a ON a.id = w.canvass_area_id`;

const toSummary = (r: WalkRow, now: Date): WalkSummary => ({
  id: r.id, title: r.title, status: r.status, openedBy: r.opened_by, incidentId: r.incident_id === null ? null : Number(r.incident_id),
  incidentCategory: r.category, incidentAt: r.occurred_at, hundredBlock: r.hundred_block, lon: r.center_lon, lat: r.center_lat,
  radiusM: r.radius_m, canvassAreaId: r.canvass_area_id, canvassAreaName: r.area_name, dueFrom: r.due_from, dueTo: r.due_to,
  scheduledFor: r.scheduled_for, completedAt: r.completed_at,
  // Done by the end of the last due day counts as on time (a walk the evening of day 7 is not late).
  onTime: r.completed_at ? r.completed_at.getTime() <= r.due_to.getTime() + 86_400_000 : null,
  overdue: !['completed', 'cancelled'].includes(r.status) && r.due_to.getTime() < now.getTime(),
  doors: r.doors, conversations: r.conversations, isDemo: r.is_demo, demoNote: r.demo_note,
});

const STATUS_FILTER: Record<string, string> = {
  all: 'true', active: "w.status IN ('open', 'planned', 'in_progress')",
};

/** The agency's walks, the most urgent first (due soonest), completed ones newest first. */
export async function listWalks(q: Queryable, agencyId: number, status: string, now = new Date()): Promise<WalkSummary[]> {
  const where = STATUS_FILTER[status] ?? 'w.status = $2';
  const params: unknown[] = [agencyId];
  if (!STATUS_FILTER[status]) params.push(status);
  const rows = await q.query<WalkRow>(
    `${SELECT_WALK} WHERE w.agency_id = $1 AND ${where}
     ORDER BY CASE WHEN w.status IN ('completed', 'cancelled') THEN 1 ELSE 0 END, CASE WHEN w.status IN ('completed', 'cancelled') THEN NULL ELSE w.due_to END,
       COALESCE(w.completed_at, w.created_at) DESC, w.id DESC LIMIT 500`, params);
  return rows.map((r) => toSummary(r, now));
}

export async function getWalkRow(q: Queryable, agencyId: number, id: number): Promise<WalkRow> {
  const rows = await q.query<WalkRow>(`${SELECT_WALK} WHERE w.id = $1 AND w.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Walk ${id}`);
  return rows[0];
}

export async function getWalk(q: Queryable, agencyId: number, id: number, now = new Date()): Promise<WalkDetail> {
  const row = await getWalkRow(q, agencyId, id);
  const team = await q.query<{ id: number; user_id: number | null; name: string; role: string; organisation: string | null }>(
    'SELECT id, user_id, name, role, organisation FROM walk_team WHERE walk_id = $1 ORDER BY id', [id]);
  const timeline = await q.query<{ at: Date; kind: string; user_name: string | null; details: Record<string, unknown> }>(
    `SELECT e.at, e.kind, u.display_name AS user_name, e.details FROM walk_events e LEFT JOIN users u ON u.id = e.user_id
      WHERE e.walk_id = $1 ORDER BY e.at, e.id`, [id]);
  return {
    ...toSummary(row, now), meetingPoint: row.meeting_point, talkingPoints: row.talking_points, startedAt: row.started_at,
    team: team.map((t) => ({ id: t.id, userId: t.user_id, name: t.name, role: t.role, organisation: t.organisation })),
    timeline: timeline.map((e) => ({ at: e.at, kind: e.kind, userName: e.user_name, details: e.details })),
  };
}

export interface PlanPatch {
  scheduledFor?: Date | null; meetingPoint?: string | null; radiusM?: number; canvassAreaId?: number | null;
  talkingPoints?: { en: string[]; es: string[] } | null;
  team?: Array<{ userId?: number | null; name: string; role: string; organisation?: string | null }>;
}

/** Plans a walk: date, meeting point, canvass size, talking points, team. An open walk becomes planned. */
export async function planWalk(db: Db, agencyId: number, id: number, patch: PlanPatch, actor: AuditActor): Promise<WalkDetail> {
  await db.transaction(async (tx) => {
    const before = await getWalkRow(tx, agencyId, id);
    if (before.status === 'completed' || before.status === 'cancelled') throw badRequest(`status: walk ${id} is ${before.status} and can no longer be planned`, { field: 'status' });
    if (patch.canvassAreaId) {
      const area = await tx.query('SELECT 1 FROM areas WHERE id = $1 AND agency_id = $2', [patch.canvassAreaId, agencyId]);
      if (area.length === 0) throw badRequest(`canvassAreaId: area ${patch.canvassAreaId} is not one of your agency's areas`, { field: 'canvassAreaId' });
    }
    for (const member of patch.team ?? []) {
      if (!member.userId) continue;
      const user = await tx.query('SELECT 1 FROM users WHERE id = $1 AND agency_id = $2', [member.userId, agencyId]);
      if (user.length === 0) throw badRequest(`team.userId: user ${member.userId} is not in your agency`, { field: 'team' });
    }
    const scheduledFor = patch.scheduledFor === undefined ? before.scheduled_for : patch.scheduledFor;
    const nextStatus = before.status === 'open' && scheduledFor ? 'planned' : before.status;
    await tx.query(
      `UPDATE walks SET scheduled_for = $3, meeting_point = $4, radius_m = $5, canvass_area_id = $6, talking_points = $7, status = $8, updated_at = now()
        WHERE id = $1 AND agency_id = $2`,
      [id, agencyId, scheduledFor, patch.meetingPoint === undefined ? before.meeting_point : patch.meetingPoint, patch.radiusM ?? before.radius_m,
        patch.canvassAreaId === undefined ? before.canvass_area_id : patch.canvassAreaId,
        patch.talkingPoints === undefined ? (before.talking_points ? JSON.stringify(before.talking_points) : null) : patch.talkingPoints ? JSON.stringify(patch.talkingPoints) : null,
        nextStatus],
    );
    if (patch.team) {
      await tx.query('DELETE FROM walk_team WHERE walk_id = $1', [id]);
      for (const m of patch.team) {
        await tx.query('INSERT INTO walk_team (walk_id, user_id, name, role, organisation) VALUES ($1,$2,$3,$4,$5)', [id, m.userId ?? null, m.name, m.role, m.organisation ?? null]);
      }
    }
    const changed = Object.keys(patch).filter((k) => patch[k as keyof PlanPatch] !== undefined);
    await tx.query("INSERT INTO walk_events (walk_id, user_id, kind, details) VALUES ($1,$2,'planned',$3)",
      [id, actor.userId ?? null, JSON.stringify({ changed, ...(nextStatus !== before.status ? { statusFrom: before.status, statusTo: nextStatus } : {}) })]);
    await appendAudit(tx, { actor, action: 'walks.plan', targetType: 'walk', targetId: id, outcome: 'success', details: { changed, teamSize: patch.team?.length } });
  });
  return getWalk(db, agencyId, id);
}

// Which state may follow which; anything else is refused with the allowed ones named.
const NEXT: Record<WalkStatus, WalkStatus[]> = {
  open: ['planned', 'in_progress', 'completed', 'cancelled'],
  planned: ['open', 'in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['in_progress'],
  cancelled: ['open'],
};

/** Moves a walk to another state; the change is an entry on its timeline and an audit row. */
export async function setWalkStatus(db: Db, agencyId: number, id: number, status: WalkStatus, note: string | undefined, actor: AuditActor, now = new Date()): Promise<WalkDetail> {
  await db.transaction(async (tx) => {
    const before = await getWalkRow(tx, agencyId, id);
    if (before.status === status) return;
    if (!NEXT[before.status].includes(status)) throw badRequest(`status: a ${before.status} walk can become ${NEXT[before.status].join(', ')}, not ${status}`, { field: 'status' });
    await tx.query(
      `UPDATE walks SET status = $3, started_at = CASE WHEN $3 = 'in_progress' THEN COALESCE(started_at, $4) ELSE started_at END,
         completed_at = CASE WHEN $3 = 'completed' THEN $4 WHEN $3 = 'in_progress' THEN NULL ELSE completed_at END, updated_at = now()
        WHERE id = $1 AND agency_id = $2`, [id, agencyId, status, now]);
    await tx.query("INSERT INTO walk_events (walk_id, user_id, kind, details) VALUES ($1,$2,'status',$3)",
      [id, actor.userId ?? null, JSON.stringify({ statusFrom: before.status, statusTo: status, note: note ?? null })]);
    await appendAudit(tx, { actor, action: 'walks.status', targetType: 'walk', targetId: id, outcome: 'success', details: { statusFrom: before.status, statusTo: status } });
  });
  return getWalk(db, agencyId, id, now);
}
