/**
 * Residents' requests to join a group or start one, and leaving by private link. Nothing is published:
 * staff review every request; an approved join becomes a membership carrying the same consent and contact.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, badRequest, notFound } from '../../core/errors.js';
import { neighborhoodAt } from './geo.js';
import type { Channel, DecisionInput, RequestInput, StaffRequestView } from './validation.js';

const PUBLIC_ACTOR = { label: 'public' };
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
// About 110 m: enough for staff to see which blocks a new group would cover, not which house asked.
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Records a request and returns the private token that withdraws it (or, once a member, leaves the group). */
export async function submitRequest(db: Db, input: RequestInput): Promise<{ requestId: number; token: string }> {
  const token = randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    let agencyId: number;
    let areaId: number | null = null;
    if (input.kind === 'join') {
      const [group] = await tx.query<{ agency_id: number; area_id: number | null }>("SELECT agency_id, area_id FROM watch_groups WHERE id = $1 AND status <> 'inactive'", [input.groupId]);
      if (!group) throw badRequest(`groupId: there is no open watch group ${input.groupId}`, { field: 'groupId' });
      agencyId = group.agency_id;
      areaId = group.area_id;
    } else {
      const area = input.areaId
        ? (await tx.query<{ id: number; agency_id: number }>("SELECT id, agency_id FROM areas WHERE id = $1 AND kind = 'neighborhood'", [input.areaId])).map((a) => ({ id: a.id, agencyId: a.agency_id }))[0]
        : await neighborhoodAt(tx, input.lon!, input.lat!);
      if (!area) throw badRequest('areaId: that place is not in a neighborhood we serve; choose your neighborhood from the list', { field: 'areaId' });
      agencyId = area.agencyId;
      areaId = area.id;
    }
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO watch_requests (agency_id, kind, group_id, area_id, lon, lat, name, email, phone, contact_consent, locale, message, leave_token_hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,true,$10,$11,$12) RETURNING id`,
      [agencyId, input.kind, input.kind === 'join' ? input.groupId : null, areaId,
        input.kind === 'start' && input.lon !== undefined ? round3(input.lon) : null, input.kind === 'start' && input.lat !== undefined ? round3(input.lat) : null,
        input.name ?? null, input.email ?? null, input.phone ?? null, input.locale, input.message ?? null, hashToken(token)]);
    await appendAudit(tx, { actor: PUBLIC_ACTOR, action: `watch.request_${input.kind}`, targetType: 'watch_request', targetId: id, outcome: 'success', details: { groupId: input.groupId ?? null, areaId } });
    return { requestId: id, token };
  });
}

/**
 * The private link: withdraws a pending request, or ends a membership. Either way the name and contact are
 * erased at once. Using the link twice is harmless.
 */
export async function leaveByToken(db: Db, token: string): Promise<{ outcome: 'left' | 'withdrawn' | 'already'; groupName: string | null }> {
  const hash = hashToken(token);
  return db.transaction(async (tx) => {
    const [member] = await tx.query<{ id: number; left_at: Date | null; group_name: string }>(
      'SELECT m.id, m.left_at, g.name AS group_name FROM watch_members m JOIN watch_groups g ON g.id = m.group_id WHERE m.leave_token_hash = $1', [hash]);
    if (member) {
      if (member.left_at) return { outcome: 'already' as const, groupName: member.group_name };
      await tx.query('UPDATE watch_members SET left_at = now(), name = NULL, email = NULL, phone = NULL WHERE id = $1', [member.id]);
      await appendAudit(tx, { actor: PUBLIC_ACTOR, action: 'watch.member_leave', targetType: 'watch_member', targetId: member.id, outcome: 'success' });
      return { outcome: 'left' as const, groupName: member.group_name };
    }
    const [request] = await tx.query<{ id: number; status: string; group_name: string | null }>(
      'SELECT r.id, r.status, g.name AS group_name FROM watch_requests r LEFT JOIN watch_groups g ON g.id = r.group_id WHERE r.leave_token_hash = $1', [hash]);
    if (!request) throw notFound('This link');
    if (request.status !== 'pending') return { outcome: 'already' as const, groupName: request.group_name };
    await tx.query("UPDATE watch_requests SET status = 'withdrawn', name = NULL, email = NULL, phone = NULL, message = NULL WHERE id = $1", [request.id]);
    await appendAudit(tx, { actor: PUBLIC_ACTOR, action: 'watch.request_withdraw', targetType: 'watch_request', targetId: request.id, outcome: 'success' });
    return { outcome: 'withdrawn' as const, groupName: request.group_name };
  });
}

interface RequestRow {
  id: number; kind: 'join' | 'start'; status: StaffRequestView['status']; group_id: number | null; group_name: string | null;
  area_name: string | null; name: string | null; message: string | null; has_email: boolean; has_phone: boolean; created_at: Date; decision_note: string | null;
}

export const channelsOf = (hasEmail: boolean, hasPhone: boolean): Channel[] => [...(hasEmail ? ['email' as const] : []), ...(hasPhone ? ['sms' as const] : [])];

/** Requests for staff review; names and messages are personal data, so the read is audited. */
export async function listRequests(db: Db, actor: AuditActor & { agencyId: number }, status: StaffRequestView['status'] | undefined): Promise<StaffRequestView[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<RequestRow>(
      `SELECT r.id, r.kind, r.status, r.group_id, g.name AS group_name, a.name AS area_name, r.name, r.message,
         r.email IS NOT NULL AS has_email, r.phone IS NOT NULL AS has_phone, r.created_at, r.decision_note
       FROM watch_requests r LEFT JOIN watch_groups g ON g.id = r.group_id LEFT JOIN areas a ON a.id = r.area_id
       WHERE r.agency_id = $1 AND ($2::text IS NULL OR r.status = $2) ORDER BY r.created_at DESC, r.id DESC LIMIT 500`, [actor.agencyId, status ?? null]);
    await appendAudit(tx, { actor, action: 'watch.requests_read', targetType: 'watch_request', outcome: 'success', details: { rows: rows.length, status: status ?? null } });
    return rows.map((r) => ({
      id: r.id, kind: r.kind, status: r.status, groupId: r.group_id, groupName: r.group_name, areaName: r.area_name, name: r.name,
      message: r.message, channels: channelsOf(r.has_email, r.has_phone), createdAt: r.created_at, decisionNote: r.decision_note,
    }));
  });
}

/** What the person is told of the decision; their contact lives only in this answer once the request is decided. */
export interface DecisionOutcome {
  memberId: number | null;
  notify: { email: string | null; phone: string | null; locale: 'en' | 'es'; decision: 'approve' | 'decline'; kind: 'join' | 'start'; groupId: number | null; groupName: string | null };
}

/**
 * Approve or decline. Approving a join makes the person a member; approving a start request makes them the
 * captain of the group staff name (usually one just drawn with status "forming"). The contact details move
 * to the membership and leave the request, so they are stored once. Returns the new member's id.
 */
export async function decideRequest(db: Db, actor: AuditActor & { userId: number; agencyId: number }, id: number, decision: DecisionInput): Promise<DecisionOutcome> {
  return db.transaction(async (tx) => {
    const [request] = await tx.query<{ kind: 'join' | 'start'; status: string; group_id: number | null; name: string | null; email: string | null; phone: string | null; locale: string; leave_token_hash: string }>(
      'SELECT kind, status, group_id, name, email, phone, locale, leave_token_hash FROM watch_requests WHERE id = $1 AND agency_id = $2 FOR UPDATE', [id, actor.agencyId]);
    if (!request) throw notFound(`Request ${id}`);
    if (request.status !== 'pending') throw new AppError(409, 'decided', `Request ${id} is already ${request.status}.`);
    let memberId: number | null = null;
    if (decision.decision === 'approve') {
      const groupId = request.kind === 'join' ? request.group_id : decision.groupId;
      if (!groupId) throw badRequest('groupId: name the group this person will be captain of', { field: 'groupId' });
      const group = await tx.query("SELECT 1 FROM watch_groups WHERE id = $1 AND agency_id = $2 AND status <> 'inactive'", [groupId, actor.agencyId]);
      if (group.length === 0) throw badRequest(`groupId: group ${groupId} is not an open group of your agency`, { field: 'groupId' });
      [{ id: memberId }] = await tx.query<{ id: number }>(
        `INSERT INTO watch_members (group_id, role, name, email, phone, contact_consent, locale, leave_token_hash)
         VALUES ($1, $2, $3, $4, $5, true, $6, $7) RETURNING id`,
        [groupId, request.kind === 'start' ? 'captain' : 'member', request.name, request.email, request.phone, request.locale, request.leave_token_hash]);
    }
    await tx.query(
      `UPDATE watch_requests SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, member_id = $5, group_id = COALESCE(group_id, $6),
         name = NULL, email = NULL, phone = NULL WHERE id = $1`,
      [id, decision.decision === 'approve' ? 'approved' : 'declined', actor.userId, decision.note ?? null, memberId, decision.groupId ?? null]);
    await appendAudit(tx, { actor, action: 'watch.request_decide', targetType: 'watch_request', targetId: id, outcome: 'success', details: { decision: decision.decision, memberId } });
    const groupId = request.group_id ?? decision.groupId ?? null;
    const [group] = groupId ? await tx.query<{ name: string }>('SELECT name FROM watch_groups WHERE id = $1', [groupId]) : [];
    return {
      memberId,
      notify: { email: request.email, phone: request.phone, locale: request.locale === 'es' ? 'es' : 'en', decision: decision.decision, kind: request.kind, groupId, groupName: group?.name ?? null },
    };
  });
}

