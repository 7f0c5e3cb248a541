/** Watch groups: the one SELECT with counts, public and staff views, create and change (audited). */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import { checkBoundary, innerPoint, neighborhoodAt } from './geo.js';
import type { GroupInput, GroupPatch, PublicGroupView, StaffGroupView } from './validation.js';

type Actor = AuditActor & { userId: number; agencyId: number };

interface GroupRow {
  id: number; agency_id: number; name: string; description: Record<string, string>; boundary: unknown; area_id: number | null;
  area_name: string | null; agency_name: string; time_zone: string; status: 'forming' | 'active' | 'inactive'; is_demo: boolean;
  member_count: number; captain_count: number; pending_requests: number; alerts_sent: number;
}

const SELECT_GROUP = `
  SELECT g.id, g.agency_id, g.name, g.description, g.boundary, g.area_id, a.name AS area_name, ag.name AS agency_name, ag.time_zone, g.status, g.is_demo,
    (SELECT count(*)::int FROM watch_members m WHERE m.group_id = g.id AND m.left_at IS NULL) AS member_count,
    (SELECT count(*)::int FROM watch_members m WHERE m.group_id = g.id AND m.left_at IS NULL AND m.role = 'captain') AS captain_count,
    (SELECT count(*)::int FROM watch_requests r WHERE r.group_id = g.id AND r.status = 'pending') AS pending_requests,
    (SELECT count(*)::int FROM watch_alerts w WHERE w.group_id = g.id) AS alerts_sent
  FROM watch_groups g JOIN agencies ag ON ag.id = g.agency_id LEFT JOIN areas a ON a.id = g.area_id`;

async function meetingsOf(q: Queryable, groupId: number, upcomingOnly: boolean): Promise<PublicGroupView['meetings']> {
  return q.query(
    `SELECT event_id AS "eventId", kind, title, starts_at AS "startsAt" FROM watch_meetings
     WHERE group_id = $1 AND (NOT $2 OR starts_at > now() - interval '1 day') ORDER BY starts_at`, [groupId, upcomingOnly]);
}

const publicView = (row: GroupRow, meetings: PublicGroupView['meetings']): PublicGroupView => ({
  id: row.id, name: row.name, areaName: row.area_name, agencyName: row.agency_name, timeZone: row.time_zone, status: row.status, description: row.description,
  boundary: row.boundary, memberCount: row.member_count, captainCount: row.captain_count, isDemo: row.is_demo, meetings,
});

/** Active groups for the public map: boundaries and names only. */
export async function publicGroupCollection(q: Queryable): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
  const rows = await q.query<GroupRow>(`${SELECT_GROUP} WHERE g.status = 'active' ORDER BY a.name NULLS LAST, g.name`);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.boundary, properties: { id: r.id, name: r.name, areaName: r.area_name, agencyName: r.agency_name, status: r.status } })),
  };
}

/** One group residents may see (active or forming; inactive groups are gone for them). */
export async function publicGroup(q: Queryable, id: number): Promise<PublicGroupView> {
  const [row] = await q.query<GroupRow>(`${SELECT_GROUP} WHERE g.id = $1 AND g.status <> 'inactive'`, [id]);
  if (!row) throw notFound(`Watch group ${id}`);
  return publicView(row, await meetingsOf(q, id, true));
}

export async function findAgencyGroup(q: Queryable, agencyId: number, id: number): Promise<StaffGroupView & { agencyId: number }> {
  const [row] = await q.query<GroupRow>(`${SELECT_GROUP} WHERE g.id = $1 AND g.agency_id = $2`, [id, agencyId]);
  if (!row) throw notFound(`Watch group ${id}`);
  return { ...publicView(row, await meetingsOf(q, id, false)), areaId: row.area_id, pendingRequests: row.pending_requests, alertsSent: row.alerts_sent, agencyId: row.agency_id };
}

export async function listAgencyGroups(q: Queryable, agencyId: number): Promise<StaffGroupView[]> {
  const rows = await q.query<GroupRow>(`${SELECT_GROUP} WHERE g.agency_id = $1 ORDER BY g.status, g.name`, [agencyId]);
  return Promise.all(rows.map(async (row) => ({
    ...publicView(row, await meetingsOf(q, row.id, false)), areaId: row.area_id, pendingRequests: row.pending_requests, alertsSent: row.alerts_sent,
  })));
}

/** The neighborhood a group belongs to: the one given (must be the agency's), else the one its outline sits in. */
async function resolveArea(q: Queryable, agencyId: number, areaId: number | null | undefined, boundary: ReturnType<typeof checkBoundary>['geometry']): Promise<number | null> {
  if (areaId) {
    const rows = await q.query("SELECT 1 FROM areas WHERE id = $1 AND agency_id = $2 AND kind = 'neighborhood'", [areaId, agencyId]);
    if (rows.length === 0) throw badRequest(`areaId: area ${areaId} is not one of your agency's neighborhoods`, { field: 'areaId' });
    return areaId;
  }
  const [lon, lat] = innerPoint(boundary);
  return (await neighborhoodAt(q, lon, lat, agencyId))?.id ?? null;
}

async function assertNameFree(q: Queryable, agencyId: number, name: string, exceptId = 0): Promise<void> {
  const rows = await q.query('SELECT 1 FROM watch_groups WHERE agency_id = $1 AND lower(name) = lower($2) AND id <> $3', [agencyId, name, exceptId]);
  if (rows.length > 0) throw conflict(`name: a group called "${name}" already exists`);
}

export async function createGroup(db: Db, actor: Actor, input: GroupInput): Promise<StaffGroupView> {
  const { geometry, bbox } = checkBoundary(input.boundary);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.agencyId, input.name);
    const areaId = await resolveArea(tx, actor.agencyId, input.areaId, geometry);
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO watch_groups (agency_id, name, description, boundary, bbox, area_id, status, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [actor.agencyId, input.name, JSON.stringify(input.description), JSON.stringify(geometry), bbox, areaId, input.status, actor.userId]);
    await appendAudit(tx, { actor, action: 'watch.group_create', targetType: 'watch_group', targetId: id, outcome: 'success', details: { status: input.status, areaId } });
    return findAgencyGroup(tx, actor.agencyId, id);
  });
}

export async function updateGroup(db: Db, actor: Actor, id: number, patch: GroupPatch): Promise<StaffGroupView> {
  const checked = patch.boundary ? checkBoundary(patch.boundary) : null;
  return db.transaction(async (tx) => {
    const before = await findAgencyGroup(tx, actor.agencyId, id);
    if (patch.name) await assertNameFree(tx, actor.agencyId, patch.name, id);
    const geometry = checked?.geometry ?? checkBoundary(before.boundary).geometry;
    const areaId = patch.areaId !== undefined || checked ? await resolveArea(tx, actor.agencyId, patch.areaId === undefined ? null : patch.areaId, geometry) : before.areaId;
    await tx.query(
      `UPDATE watch_groups SET name = $3, description = $4, boundary = $5, bbox = $6, area_id = $7, status = $8, updated_at = now()
       WHERE id = $1 AND agency_id = $2`,
      [id, actor.agencyId, patch.name ?? before.name, JSON.stringify(patch.description ?? before.description), JSON.stringify(geometry),
        checked?.bbox ?? checkBoundary(before.boundary).bbox, areaId, patch.status ?? before.status]);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof GroupPatch] !== undefined);
    await appendAudit(tx, {
      actor, action: 'watch.group_update', targetType: 'watch_group', targetId: id, outcome: 'success',
      details: { changed, ...(patch.status && patch.status !== before.status ? { statusFrom: before.status, statusTo: patch.status } : {}) },
    });
    return findAgencyGroup(tx, actor.agencyId, id);
  });
}
