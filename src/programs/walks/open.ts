/**
 * Opening walks: automatically from recorded incidents (the 'incidents.recorded' handler), and by hand.
 * One walk per incident is held by a unique constraint, so the rule, a retry and a person can never open two.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import { agencyProjection } from '../../core/incidents/import/projection.js';
import { dueWindow, loadRules, oldestOpenable, opensWalk, type WalkRules } from './rules.js';

export const RULE_ACTOR: AuditActor = { label: 'system:walks-rule' };

interface IncidentRow {
  id: number; category: string; occurred_at: Date; lon: number; lat: number; x: number; y: number;
  hundred_block: string | null; area_ids: number[];
}

const INCIDENT_COLUMNS = 'i.id, i.category, i.occurred_at, i.lon, i.lat, i.x, i.y, i.hundred_block, i.area_ids';

/** The area of the rules' canvass kind containing the incident, when the rules name a kind. */
async function canvassArea(q: Queryable, rules: WalkRules, areaIds: number[]): Promise<number | null> {
  if (!rules.canvassAreaKind || areaIds.length === 0) return null;
  const rows = await q.query<{ id: number }>('SELECT id FROM areas WHERE id = ANY($1::int[]) AND kind = $2 ORDER BY id LIMIT 1', [areaIds, rules.canvassAreaKind]);
  return rows[0]?.id ?? null;
}

const titleOf = (incident: IncidentRow) => incident.hundred_block ?? `${incident.lat.toFixed(4)}, ${incident.lon.toFixed(4)}`;

/** Inserts the walk for one incident unless it has one; returns its id when it was opened now. */
async function insertForIncident(
  tx: Queryable, agencyId: number, incident: IncidentRow, rules: WalkRules, openedBy: 'rule' | 'staff' | 'demo', actor: AuditActor,
  extra: { isDemo?: boolean; demoNote?: string; dueFrom?: Date; dueTo?: Date } = {},
): Promise<number | null> {
  const due = dueWindow(incident.occurred_at, rules);
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO walks (agency_id, incident_id, title, opened_by, center_lon, center_lat, center_x, center_y, radius_m, canvass_area_id,
       hundred_block, due_from, due_to, is_demo, demo_note, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
     ON CONFLICT (incident_id) DO NOTHING RETURNING id`,
    [agencyId, incident.id, titleOf(incident), openedBy, incident.lon, incident.lat, incident.x, incident.y, rules.radiusM,
      await canvassArea(tx, rules, incident.area_ids), incident.hundred_block, extra.dueFrom ?? due.from, extra.dueTo ?? due.to,
      extra.isDemo ?? false, extra.demoNote ?? null, actor.userId ?? null],
  );
  const id = rows[0]?.id;
  if (!id) return null;
  await tx.query("INSERT INTO walk_events (walk_id, user_id, kind, details) VALUES ($1, $2, 'opened', $3)",
    [id, actor.userId ?? null, JSON.stringify({ by: openedBy, incidentId: Number(incident.id), category: incident.category })]);
  await appendAudit(tx, { actor, action: 'walks.open', targetType: 'walk', targetId: id, outcome: 'success', details: { by: openedBy, incidentId: Number(incident.id) } });
  return id;
}

/**
 * The 'incidents.recorded' handler: opens a walk for each qualifying incident whose due window has not
 * passed at `now`. The SQL pre-filter (category, age, no walk yet) keeps a 12,000-row historical import
 * to one cheap query.
 */
export async function openWalksForIncidents(db: Db, agencyId: number, incidentIds: readonly number[], now = new Date()): Promise<number[]> {
  if (incidentIds.length === 0) return [];
  const rules = await loadRules(db, agencyId);
  const candidates = await db.query<IncidentRow>(
    `SELECT ${INCIDENT_COLUMNS} FROM incidents i
      WHERE i.agency_id = $1 AND i.id = ANY($2::bigint[]) AND i.category = ANY($3::text[]) AND i.occurred_at >= $4
        AND NOT EXISTS (SELECT 1 FROM walks w WHERE w.incident_id = i.id)
      ORDER BY i.occurred_at`,
    [agencyId, incidentIds, rules.categories, oldestOpenable(rules, now)],
  );
  const opened: number[] = [];
  for (const incident of candidates) {
    if (!opensWalk({ category: incident.category, occurredAt: incident.occurred_at }, rules, now)) continue;
    const id = await db.transaction((tx) => insertForIncident(tx, agencyId, incident, rules, 'rule', { ...RULE_ACTOR, agencyId }));
    if (id) opened.push(id);
  }
  return opened;
}

export type OpenInput = { incidentId: number } | { title: string; lon: number; lat: number; dueFrom: Date; dueTo: Date };

/** Staff open a walk by hand: for any incident of the agency (whatever the rules say), or for a place. */
export async function openWalkByHand(db: Db, agencyId: number, input: OpenInput, actor: AuditActor): Promise<number> {
  const rules = await loadRules(db, agencyId);
  return db.transaction(async (tx) => {
    if ('incidentId' in input) {
      const rows = await tx.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents i WHERE i.id = $1 AND i.agency_id = $2`, [input.incidentId, agencyId]);
      if (!rows[0]) throw notFound(`Incident ${input.incidentId}`);
      const id = await insertForIncident(tx, agencyId, rows[0], rules, 'staff', actor);
      if (!id) throw conflict(`incidentId: incident ${input.incidentId} already has a walk`);
      return id;
    }
    const [agency] = await tx.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
    const [x, y] = agencyProjection(agency.projection).toXY(input.lon, input.lat);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw badRequest('lon/lat: not a usable location', { field: 'lon' });
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO walks (agency_id, title, opened_by, center_lon, center_lat, center_x, center_y, radius_m, due_from, due_to, created_by)
       VALUES ($1,$2,'staff',$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [agencyId, input.title, input.lon, input.lat, x, y, rules.radiusM, input.dueFrom, input.dueTo, actor.userId ?? null],
    );
    await tx.query("INSERT INTO walk_events (walk_id, user_id, kind, details) VALUES ($1, $2, 'opened', $3)", [row.id, actor.userId ?? null, JSON.stringify({ by: 'staff' })]);
    await appendAudit(tx, { actor, action: 'walks.open', targetType: 'walk', targetId: row.id, outcome: 'success', details: { by: 'staff' } });
    return row.id;
  });
}

/** Demo seeding reuses the same insert, with the demo marks. */
export async function openDemoWalk(db: Db, agencyId: number, incidentId: number, demo: { note: string; dueFrom?: Date; dueTo?: Date }): Promise<number | null> {
  const rules = await loadRules(db, agencyId);
  return db.transaction(async (tx) => {
    const rows = await tx.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents i WHERE i.id = $1 AND i.agency_id = $2`, [incidentId, agencyId]);
    if (!rows[0]) return null;
    return insertForIncident(tx, agencyId, rows[0], rules, 'demo', { label: 'demo-loader', agencyId }, { isDemo: true, demoNote: demo.note, dueFrom: demo.dueFrom, dueTo: demo.dueTo });
  });
}
