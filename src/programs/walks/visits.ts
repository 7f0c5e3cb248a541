/**
 * Door visits from the phones. A phone may send the same visit again (its answer was lost on a flaky
 * connection, or it was offline and retries everything); the visit's UUID is the key, so the second copy
 * changes nothing and the phone is told it is stored.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, notFound } from '../../core/errors.js';
import { getWalkRow } from './service.js';
import type { VisitInput } from './validation.js';

export interface SyncResult {
  /** Every id of the batch that is now stored (new or already there): the phone may forget them. */
  stored: string[];
  /** How many were new. */
  inserted: number;
  /**
   * Visits of the batch with a tip not yet handed to the tips program. Only these are handed over, so a
   * batch sent again never hands the same tip over twice.
   */
  tipsToHandOver: string[];
}

/** Stores a batch of visits of one walk; the first visit moves an open or planned walk to in progress. */
export async function syncVisits(db: Db, agencyId: number, walkId: number, visits: readonly VisitInput[], actor: AuditActor & { userId: number }): Promise<SyncResult> {
  return db.transaction(async (tx) => {
    const walk = await getWalkRow(tx, agencyId, walkId);
    if (walk.status === 'cancelled') throw badRequest(`walkId: walk ${walkId} was cancelled; its visits are not recorded`, { field: 'walkId' });
    const ids = visits.map((v) => v.id);
    // A UUID already used for another walk is a client bug, not a retry: refuse rather than misfile it.
    const elsewhere = await tx.query<{ id: string }>('SELECT id FROM walk_visits WHERE id = ANY($1::uuid[]) AND walk_id <> $2', [ids, walkId]);
    if (elsewhere.length > 0) throw badRequest(`visits.id: ${elsewhere[0].id} belongs to another walk`, { field: 'visits.id' });
    let inserted = 0;
    for (const v of visits) {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO walk_visits (id, walk_id, agency_id, visited_at, block, outcome, concerns, concern_note, resources, wants_watch, wants_volunteer,
           consent, contact_name, contact_phone, contact_email, tip_text, language, recorded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [v.id, walkId, agencyId, v.visitedAt, v.block ?? null, v.outcome, v.concerns, v.concernNote ?? null, v.resources, v.wantsWatch, v.wantsVolunteer,
          v.consent, v.consent ? v.contactName ?? null : null, v.consent ? v.contactPhone ?? null : null, v.consent ? v.contactEmail ?? null : null,
          v.tipText ?? null, v.language, actor.userId],
      );
      inserted += rows.length;
    }
    if (inserted > 0 && (walk.status === 'open' || walk.status === 'planned')) {
      const first = visits.reduce((a, v) => (v.visitedAt < a ? v.visitedAt : a), visits[0].visitedAt);
      await tx.query("UPDATE walks SET status = 'in_progress', started_at = COALESCE(started_at, $2), updated_at = now() WHERE id = $1", [walkId, first]);
      await tx.query("INSERT INTO walk_events (walk_id, user_id, kind, details) VALUES ($1,$2,'status',$3)",
        [walkId, actor.userId, JSON.stringify({ statusFrom: walk.status, statusTo: 'in_progress', note: 'first visit recorded' })]);
    }
    // Counts only: what residents said stays in the visit rows, not in the audit log.
    await appendAudit(tx, { actor, action: 'walks.visits_sync', targetType: 'walk', targetId: walkId, outcome: 'success', details: { received: visits.length, inserted } });
    const tips = await tx.query<{ id: string }>('SELECT id FROM walk_visits WHERE id = ANY($1::uuid[]) AND tip_text IS NOT NULL AND tip_number IS NULL', [ids]);
    return { stored: ids, inserted, tipsToHandOver: tips.map((t) => t.id) };
  });
}

export interface VisitView {
  id: string; visitedAt: Date; block: string | null; outcome: string; concerns: string[]; concernNote: string | null; resources: string[];
  wantsWatch: boolean; wantsVolunteer: boolean; consent: boolean; contactName: string | null; contactPhone: string | null; contactEmail: string | null;
  tipText: string | null; tipNumber: string | null; recordedBy: string | null;
}

/** The visits of a walk; contact details only for readers allowed to see them (walks:manage). */
export async function listVisits(q: Queryable, agencyId: number, walkId: number, withContacts: boolean): Promise<VisitView[]> {
  await getWalkRow(q, agencyId, walkId);
  const rows = await q.query<{ id: string; visited_at: Date; block: string | null; outcome: string; concerns: string[]; concern_note: string | null; resources: string[];
    wants_watch: boolean; wants_volunteer: boolean; consent: boolean; contact_name: string | null; contact_phone: string | null; contact_email: string | null;
    tip_text: string | null; tip_number: string | null; recorded_by: string | null }>(
    `SELECT v.*, u.display_name AS recorded_by FROM walk_visits v LEFT JOIN users u ON u.id = v.recorded_by
      WHERE v.walk_id = $1 AND v.agency_id = $2 ORDER BY v.visited_at, v.id`, [walkId, agencyId]);
  return rows.map((r) => ({
    id: r.id, visitedAt: r.visited_at, block: r.block, outcome: r.outcome, concerns: r.concerns, concernNote: r.concern_note, resources: r.resources,
    wantsWatch: r.wants_watch, wantsVolunteer: r.wants_volunteer, consent: r.consent,
    contactName: withContacts ? r.contact_name : null, contactPhone: withContacts ? r.contact_phone : null, contactEmail: withContacts ? r.contact_email : null,
    tipText: r.tip_text, tipNumber: r.tip_number, recordedBy: r.recorded_by,
  }));
}

/**
 * Records that a tip taken at a door was handed to the tips program (its number there). Once set it stays:
 * a second hand-over of the same visit would be a duplicate tip.
 */
export async function recordTipHandover(db: Db, agencyId: number, visitId: string, tipNumber: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ walk_id: number; tip_text: string | null; tip_number: string | null }>(
      'SELECT walk_id, tip_text, tip_number FROM walk_visits WHERE id = $1 AND agency_id = $2', [visitId, agencyId]);
    const visit = rows[0];
    if (!visit) throw notFound(`Visit ${visitId}`);
    if (!visit.tip_text) throw badRequest('tipNumber: this visit recorded no tip', { field: 'tipNumber' });
    if (visit.tip_number && visit.tip_number !== tipNumber) throw badRequest(`tipNumber: the tip was already handed over as ${visit.tip_number}`, { field: 'tipNumber' });
    await tx.query('UPDATE walk_visits SET tip_number = $2 WHERE id = $1', [visitId, tipNumber]);
    await appendAudit(tx, { actor, action: 'walks.tip_handover', targetType: 'walk', targetId: visit.walk_id, outcome: 'success', details: { visitId, tipNumber } });
  });
}
