/**
 * The people side of problem solving: who covers which CRT zone or SCO post (with history), the neighborhood
 * meetings where problems are defined, and the SCO engagement log (contacts, referrals, activities only).
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';

async function assertArea(q: Queryable, agencyId: number, areaId: number | null | undefined, kinds?: string[]) {
  if (!areaId) return;
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM areas WHERE id = $1 AND agency_id = $2', [areaId, agencyId]);
  if (!row) throw badRequest(`areaId: area ${areaId} is not one of your agency's areas`, { field: 'areaId' });
  if (kinds && !kinds.includes(row.kind)) throw badRequest(`areaId: area ${areaId} is a ${row.kind}, not a ${kinds.join(' or ')}`, { field: 'areaId' });
}

async function assertUser(q: Queryable, agencyId: number, userId: number | null | undefined) {
  if (!userId) return;
  const rows = await q.query('SELECT 1 FROM users WHERE id = $1 AND agency_id = $2', [userId, agencyId]);
  if (rows.length === 0) throw badRequest(`userId: user ${userId} is not in your agency`, { field: 'userId' });
}

/** CRT zones and SCO posts with who covers them now. */
export async function listCoverage(q: Queryable, agencyId: number) {
  const rows = await q.query<{ id: number; kind: string; name: string; current: Array<{ id: number; role: string; team_name: string | null; user_name: string | null; starts_on: string }> | null }>(
    `SELECT a.id, a.kind, a.name,
            (SELECT json_agg(json_build_object('id', s.id, 'role', s.role, 'team_name', s.team_name, 'user_name', u.display_name, 'starts_on', s.starts_on::text) ORDER BY s.starts_on)
               FROM area_assignments s LEFT JOIN users u ON u.id = s.user_id
              WHERE s.area_id = a.id AND (s.ends_on IS NULL OR s.ends_on >= CURRENT_DATE)) AS current
       FROM areas a WHERE a.agency_id = $1 AND a.kind IN ('crt_zone', 'sco_post') ORDER BY a.kind, a.name`, [agencyId]);
  return rows.map((r) => ({ areaId: r.id, kind: r.kind, name: r.name, current: (r.current ?? []).map((c) => ({ id: c.id, role: c.role, teamName: c.team_name, userName: c.user_name, startsOn: c.starts_on })) }));
}

/** Every assignment of the agency, newest first: the history of who covered what. */
export async function listAssignments(q: Queryable, agencyId: number, areaId?: number) {
  const rows = await q.query<{ id: number; area_id: number; area_name: string; role: string; team_name: string | null; user_id: number | null; user_name: string | null; starts_on: string; ends_on: string | null; note: string | null }>(
    `SELECT s.id, s.area_id, a.name AS area_name, s.role, s.team_name, s.user_id, u.display_name AS user_name, s.starts_on::text AS starts_on,
            s.ends_on::text AS ends_on, s.note
       FROM area_assignments s JOIN areas a ON a.id = s.area_id LEFT JOIN users u ON u.id = s.user_id
      WHERE s.agency_id = $1 AND ($2::int IS NULL OR s.area_id = $2) ORDER BY s.starts_on DESC, s.id DESC LIMIT 500`, [agencyId, areaId ?? null]);
  return rows.map((r) => ({ id: r.id, areaId: r.area_id, areaName: r.area_name, role: r.role, teamName: r.team_name, userId: r.user_id, userName: r.user_name, startsOn: r.starts_on, endsOn: r.ends_on, note: r.note }));
}

export async function assign(db: Db, agencyId: number, input: { areaId: number; role: 'crt' | 'sco'; teamName?: string | null; userId?: number | null; startsOn: string; note?: string | null }, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    await assertArea(tx, agencyId, input.areaId, input.role === 'crt' ? ['crt_zone'] : ['sco_post']);
    await assertUser(tx, agencyId, input.userId);
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO area_assignments (agency_id, area_id, role, team_name, user_id, starts_on, note, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
      [agencyId, input.areaId, input.role, input.teamName ?? null, input.userId ?? null, input.startsOn, input.note ?? null, actor.userId ?? null]);
    await appendAudit(tx, { actor, action: 'problems.assign', targetType: 'area', targetId: input.areaId, outcome: 'success', details: { assignmentId: row.id, role: input.role, userId: input.userId ?? null } });
    return row.id;
  });
}

/** Ends an assignment (kept as history). */
export async function endAssignment(db: Db, agencyId: number, id: number, endsOn: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ starts_on: string; area_id: number }>('SELECT starts_on::text AS starts_on, area_id FROM area_assignments WHERE id = $1 AND agency_id = $2', [id, agencyId]);
    if (!row) throw notFound(`Assignment ${id}`);
    if (endsOn < row.starts_on) throw badRequest(`endsOn: must not be before the start (${row.starts_on})`, { field: 'endsOn' });
    await tx.query('UPDATE area_assignments SET ends_on = $2 WHERE id = $1', [id, endsOn]);
    await appendAudit(tx, { actor, action: 'problems.assignment_end', targetType: 'area', targetId: row.area_id, outcome: 'success', details: { assignmentId: id, endsOn } });
  });
}

export interface MeetingInput { heldAt: Date; place: string; areaId?: number | null; attendance: number; issues: string[]; notes?: string | null; problemIds: number[] }

export async function createMeeting(db: Db, agencyId: number, input: MeetingInput, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    await assertArea(tx, agencyId, input.areaId);
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO neighborhood_meetings (agency_id, area_id, held_at, place, attendance, issues, notes, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
      [agencyId, input.areaId ?? null, input.heldAt, input.place, input.attendance, input.issues, input.notes ?? null, actor.userId ?? null]);
    for (const problemId of input.problemIds) {
      const owned = await tx.query('SELECT 1 FROM problems WHERE id = $1 AND agency_id = $2', [problemId, agencyId]);
      if (owned.length === 0) throw badRequest(`problemIds: problem ${problemId} is not one of your agency's`, { field: 'problemIds' });
      await tx.query('INSERT INTO meeting_problems (meeting_id, problem_id) VALUES ($1,$2)', [row.id, problemId]);
      await tx.query("INSERT INTO problem_events (problem_id, user_id, kind, details) VALUES ($1,$2,'meeting',$3)", [problemId, actor.userId ?? null, JSON.stringify({ meetingId: row.id, place: input.place })]);
    }
    await appendAudit(tx, { actor, action: 'problems.meeting', targetType: 'neighborhood_meeting', targetId: row.id, outcome: 'success', details: { attendance: input.attendance, problems: input.problemIds.length } });
    return row.id;
  });
}

export async function listMeetings(q: Queryable, agencyId: number) {
  const rows = await q.query<{ id: number; held_at: Date; place: string; area_name: string | null; attendance: number; issues: string[]; notes: string | null; problem_ids: number[] | null; is_demo: boolean }>(
    `SELECT m.id, m.held_at, m.place, a.name AS area_name, m.attendance, m.issues, m.notes, m.is_demo,
            (SELECT array_agg(problem_id ORDER BY problem_id) FROM meeting_problems WHERE meeting_id = m.id) AS problem_ids
       FROM neighborhood_meetings m LEFT JOIN areas a ON a.id = m.area_id WHERE m.agency_id = $1 ORDER BY m.held_at DESC LIMIT 200`, [agencyId]);
  return rows.map((r) => ({ id: r.id, heldAt: r.held_at, place: r.place, areaName: r.area_name, attendance: r.attendance, issues: r.issues, notes: r.notes, problemIds: r.problem_ids ?? [], isDemo: r.is_demo }));
}

export interface EngagementInput { occurredAt: Date; areaId?: number | null; kind: 'contact' | 'referral' | 'activity'; topic: string; description?: string | null; people: number; referredTo?: string | null }

/** An SCO's own log entry; the officer is the signed-in user. */
export async function logEngagement(db: Db, agencyId: number, userId: number, input: EngagementInput, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    await assertArea(tx, agencyId, input.areaId);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO sco_engagements (agency_id, user_id, area_id, occurred_at, kind, topic, description, people, referred_to)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [agencyId, userId, input.areaId ?? null, input.occurredAt, input.kind, input.topic, input.description ?? null, input.people, input.kind === 'referral' ? input.referredTo ?? null : null]);
    await appendAudit(tx, { actor, action: 'problems.engagement', targetType: 'sco_engagement', targetId: row.id, outcome: 'success', details: { kind: input.kind } });
    return row.id;
  });
}

export async function listEngagements(q: Queryable, agencyId: number) {
  const rows = await q.query<{ id: number; user_name: string; area_name: string | null; occurred_at: Date; kind: string; topic: string; description: string | null; people: number; referred_to: string | null }>(
    `SELECT e.id, u.display_name AS user_name, a.name AS area_name, e.occurred_at, e.kind, e.topic, e.description, e.people, e.referred_to
       FROM sco_engagements e JOIN users u ON u.id = e.user_id LEFT JOIN areas a ON a.id = e.area_id
      WHERE e.agency_id = $1 ORDER BY e.occurred_at DESC LIMIT 300`, [agencyId]);
  const totals = await q.query<{ kind: string; entries: number; people: number }>(
    'SELECT kind, count(*)::int AS entries, sum(people)::int AS people FROM sco_engagements WHERE agency_id = $1 GROUP BY kind ORDER BY kind', [agencyId]);
  return {
    entries: rows.map((r) => ({ id: r.id, userName: r.user_name, areaName: r.area_name, occurredAt: r.occurred_at, kind: r.kind, topic: r.topic, description: r.description, people: r.people, referredTo: r.referred_to })),
    totals,
  };
}
