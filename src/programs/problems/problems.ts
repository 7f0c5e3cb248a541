/** Problems through SARA: the record, its stage changes (a timeline), linked incidents and the responses taken. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import type { Stage } from './validation.js';

export interface ProblemRow {
  id: number; agency_id: number; area_id: number | null; area_name: string | null; area_kind: string | null; title: string; description: string;
  categories: string[]; stage: Stage; analysis: Record<string, string>; hotspots: unknown[]; response_start: string | null;
  assessment: unknown; is_demo: boolean; created_at: Date; updated_at: Date; incidents: number; responses: number; meetings: number;
}

const SELECT_PROBLEM = `SELECT p.id, p.agency_id, p.area_id, a.name AS area_name, a.kind AS area_kind, p.title, p.description, p.categories, p.stage,
    p.analysis, p.hotspots, p.response_start::text AS response_start, p.assessment, p.is_demo, p.created_at, p.updated_at,
    (SELECT count(*)::int FROM problem_incidents pi WHERE pi.problem_id = p.id) AS incidents,
    (SELECT count(*)::int FROM problem_responses r WHERE r.problem_id = p.id) AS responses,
    (SELECT count(*)::int FROM meeting_problems mp WHERE mp.problem_id = p.id) AS meetings
  FROM problems p LEFT JOIN areas a ON a.id = p.area_id`;

const toView = (r: ProblemRow) => ({
  id: r.id, areaId: r.area_id, areaName: r.area_name, areaKind: r.area_kind, title: r.title, description: r.description, categories: r.categories,
  stage: r.stage, analysis: r.analysis, hotspots: r.hotspots, responseStart: r.response_start, assessment: r.assessment, isDemo: r.is_demo,
  createdAt: r.created_at, updatedAt: r.updated_at, counts: { incidents: r.incidents, responses: r.responses, meetings: r.meetings },
});
export type ProblemView = ReturnType<typeof toView>;

export async function getProblemRow(q: Queryable, agencyId: number, id: number): Promise<ProblemRow> {
  const [row] = await q.query<ProblemRow>(`${SELECT_PROBLEM} WHERE p.id = $1 AND p.agency_id = $2`, [id, agencyId]);
  if (!row) throw notFound(`Problem ${id}`);
  return row;
}

export async function listProblems(q: Queryable, agencyId: number): Promise<ProblemView[]> {
  const rows = await q.query<ProblemRow>(`${SELECT_PROBLEM} WHERE p.agency_id = $1 ORDER BY p.stage = 'closed', p.updated_at DESC, p.id DESC LIMIT 300`, [agencyId]);
  return rows.map(toView);
}

/** One problem with its timeline, responses, meetings and linked incidents (the newest 200). */
export async function getProblem(q: Queryable, agencyId: number, id: number) {
  const row = await getProblemRow(q, agencyId, id);
  const timeline = await q.query<{ at: Date; kind: string; user_name: string | null; details: Record<string, unknown> }>(
    'SELECT e.at, e.kind, u.display_name AS user_name, e.details FROM problem_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.problem_id = $1 ORDER BY e.at, e.id', [id]);
  const responses = await q.query<{ id: number; kind: string; description: string; by_whom: string; is_partner: boolean; started_on: string; ended_on: string | null }>(
    'SELECT id, kind, description, by_whom, is_partner, started_on::text AS started_on, ended_on::text AS ended_on FROM problem_responses WHERE problem_id = $1 ORDER BY started_on, id', [id]);
  const meetings = await q.query<{ id: number; held_at: Date; place: string; attendance: number; issues: string[] }>(
    'SELECT m.id, m.held_at, m.place, m.attendance, m.issues FROM neighborhood_meetings m JOIN meeting_problems mp ON mp.meeting_id = m.id WHERE mp.problem_id = $1 ORDER BY m.held_at', [id]);
  const incidents = await q.query<{ id: number; category: string; occurred_at: Date; hundred_block: string | null; lon: number; lat: number }>(
    `SELECT i.id, i.category, i.occurred_at, i.hundred_block, i.lon, i.lat FROM incidents i JOIN problem_incidents pi ON pi.incident_id = i.id
      WHERE pi.problem_id = $1 ORDER BY i.occurred_at DESC LIMIT 200`, [id]);
  return {
    ...toView(row),
    timeline: timeline.map((e) => ({ at: e.at, kind: e.kind, userName: e.user_name, details: e.details })),
    responses: responses.map((r) => ({ id: r.id, kind: r.kind, description: r.description, byWhom: r.by_whom, isPartner: r.is_partner, startedOn: r.started_on, endedOn: r.ended_on })),
    meetings: meetings.map((m) => ({ id: m.id, heldAt: m.held_at, place: m.place, attendance: m.attendance, issues: m.issues })),
    incidents: incidents.map((i) => ({ id: Number(i.id), category: i.category, occurredAt: i.occurred_at, hundredBlock: i.hundred_block, lon: i.lon, lat: i.lat })),
  };
}

async function assertArea(q: Queryable, agencyId: number, areaId: number | null | undefined) {
  if (!areaId) return;
  const rows = await q.query('SELECT 1 FROM areas WHERE id = $1 AND agency_id = $2', [areaId, agencyId]);
  if (rows.length === 0) throw badRequest(`areaId: area ${areaId} is not one of your agency's areas`, { field: 'areaId' });
}

const event = (q: Queryable, problemId: number, userId: number | null | undefined, kind: string, details: Record<string, unknown>) =>
  q.query('INSERT INTO problem_events (problem_id, user_id, kind, details) VALUES ($1,$2,$3,$4)', [problemId, userId ?? null, kind, JSON.stringify(details)]);

export async function createProblem(db: Db, agencyId: number, input: { title: string; description: string; areaId?: number | null; categories: string[] }, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    await assertArea(tx, agencyId, input.areaId);
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO problems (agency_id, area_id, title, description, categories, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [agencyId, input.areaId ?? null, input.title, input.description, input.categories, actor.userId ?? null]);
    await event(tx, row.id, actor.userId, 'opened', { stage: 'scanning' });
    await appendAudit(tx, { actor, action: 'problems.create', targetType: 'problem', targetId: row.id, outcome: 'success' });
    return row.id;
  });
}

export interface ProblemPatch {
  title?: string; description?: string; areaId?: number | null; categories?: string[];
  analysis?: Record<string, string | undefined>; responseStart?: string | null;
}

export async function updateProblem(db: Db, agencyId: number, id: number, patch: ProblemPatch, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getProblemRow(tx, agencyId, id);
    await assertArea(tx, agencyId, patch.areaId);
    await tx.query(
      `UPDATE problems SET title = $3, description = $4, area_id = $5, categories = $6, analysis = $7, response_start = $8, updated_at = now()
        WHERE id = $1 AND agency_id = $2`,
      [id, agencyId, patch.title ?? before.title, patch.description ?? before.description, patch.areaId === undefined ? before.area_id : patch.areaId,
        patch.categories ?? before.categories, JSON.stringify({ ...before.analysis, ...patch.analysis }),
        patch.responseStart === undefined ? before.response_start : patch.responseStart]);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof ProblemPatch] !== undefined);
    await event(tx, id, actor.userId, 'updated', { changed });
    await appendAudit(tx, { actor, action: 'problems.update', targetType: 'problem', targetId: id, outcome: 'success', details: { changed } });
  });
}

const ORDER: Stage[] = ['scanning', 'analysis', 'response', 'assessment', 'closed'];

/**
 * SARA moves one stage at a time, forward or back. Response needs an area; assessment needs a response and
 * its start date; closing needs an assessment: each stage rests on the one before.
 */
export async function setStage(db: Db, agencyId: number, id: number, stage: Stage, note: string | undefined, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await getProblemRow(tx, agencyId, id);
    if (p.stage === stage) return;
    const step = ORDER.indexOf(stage) - ORDER.indexOf(p.stage);
    if (Math.abs(step) !== 1) throw badRequest(`stage: from ${p.stage} the next stage is ${ORDER[ORDER.indexOf(p.stage) + 1] ?? 'none'} (or back to ${ORDER[ORDER.indexOf(p.stage) - 1] ?? 'none'})`, { field: 'stage' });
    if (step > 0) {
      if (stage === 'response' && !p.area_id) throw badRequest('stage: choose the problem area before the response', { field: 'areaId' });
      if (stage === 'assessment' && (p.responses === 0 || !p.response_start)) throw badRequest('stage: record at least one response and when it started before the assessment', { field: 'responseStart' });
      if (stage === 'closed' && !p.assessment) throw badRequest('stage: assess the problem before closing it', { field: 'assessment' });
    }
    await tx.query('UPDATE problems SET stage = $2, updated_at = now() WHERE id = $1', [id, stage]);
    await event(tx, id, actor.userId, 'stage', { stageFrom: p.stage, stageTo: stage, note: note ?? null });
    await appendAudit(tx, { actor, action: 'problems.stage', targetType: 'problem', targetId: id, outcome: 'success', details: { stageFrom: p.stage, stageTo: stage } });
  });
}

/** Links incidents by id, or every incident of the problem's categories in its area in the last `days` days. */
export async function linkIncidents(db: Db, agencyId: number, id: number, input: { incidentIds: number[] } | { fromArea: true; days: number }, actor: AuditActor): Promise<number> {
  return db.transaction(async (tx) => {
    const p = await getProblemRow(tx, agencyId, id);
    let rows: Array<{ incident_id: number }>;
    if ('incidentIds' in input) {
      rows = await tx.query(`INSERT INTO problem_incidents (problem_id, incident_id) SELECT $1, id FROM incidents WHERE agency_id = $2 AND id = ANY($3::bigint[])
        ON CONFLICT DO NOTHING RETURNING incident_id`, [id, agencyId, input.incidentIds]);
    } else {
      if (!p.area_id) throw badRequest('areaId: choose the problem area first', { field: 'areaId' });
      rows = await tx.query(`INSERT INTO problem_incidents (problem_id, incident_id)
        SELECT $1, id FROM incidents WHERE agency_id = $2 AND area_ids @> ARRAY[$3::int] AND ($4::text[] = '{}' OR category = ANY($4::text[]))
          AND occurred_at >= (SELECT max(occurred_at) FROM incidents WHERE agency_id = $2) - make_interval(days => $5)
        ON CONFLICT DO NOTHING RETURNING incident_id`, [id, agencyId, p.area_id, p.categories, input.days]);
    }
    await event(tx, id, actor.userId, 'incidents', { linked: rows.length });
    await appendAudit(tx, { actor, action: 'problems.link_incidents', targetType: 'problem', targetId: id, outcome: 'success', details: { linked: rows.length } });
    return rows.length;
  });
}

export interface ResponseInput { kind: string; description: string; byWhom: string; isPartner: boolean; startedOn: string; endedOn?: string | null }

/** Records a response; the first one's start becomes the problem's response start unless one is set. */
export async function addResponse(db: Db, agencyId: number, id: number, input: ResponseInput, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await getProblemRow(tx, agencyId, id);
    if (p.stage === 'closed') throw badRequest('stage: the problem is closed', { field: 'stage' });
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO problem_responses (problem_id, kind, description, by_whom, is_partner, started_on, ended_on, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
      [id, input.kind, input.description, input.byWhom, input.isPartner, input.startedOn, input.endedOn ?? null, actor.userId ?? null]);
    await tx.query('UPDATE problems SET response_start = COALESCE(response_start, $2::date), updated_at = now() WHERE id = $1', [id, input.startedOn]);
    await event(tx, id, actor.userId, 'response', { responseId: row.id, kind: input.kind, byWhom: input.byWhom });
    await appendAudit(tx, { actor, action: 'problems.response', targetType: 'problem', targetId: id, outcome: 'success', details: { responseId: row.id, kind: input.kind } });
  });
}
