/**
 * Referrals to services and whether people took them up. Staff record them here; other programs record
 * theirs through the same route with their program id and record id (source_program, source_ref), so no
 * program imports another. A referral holds no personal data beyond an optional case reference.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import type { ReferralsGiven } from '../../core/events/bus.js';
import { loadAreaIndex } from '../../core/places/area-index.js';
import type { ReferralInput } from './validation.js';

export type TakenUp = 'yes' | 'no' | 'unknown';

export interface ReferralView {
  id: number; serviceId: number; serviceName: string; need: string; referredOn: string; takenUp: TakenUp; caseRef: string | null;
  sourceProgram: string | null; sourceRef: string | null; createdBy: string | null; isDemo: boolean;
}

interface ReferralRow {
  id: number; service_id: number; service_name: string; need: string; referred_on: string; taken_up: TakenUp; case_ref: string | null;
  source_program: string | null; source_ref: string | null; created_by: string | null; is_demo: boolean;
}

const SELECT_REFERRAL = `SELECT r.id, r.service_id, s.name AS service_name, r.need, to_char(r.referred_on, 'YYYY-MM-DD') AS referred_on, r.taken_up,
    r.case_ref, r.source_program, r.source_ref, u.display_name AS created_by, r.is_demo
  FROM resource_referrals r JOIN resource_services s ON s.id = r.service_id LEFT JOIN users u ON u.id = r.created_by`;

const toView = (r: ReferralRow): ReferralView => ({
  id: r.id, serviceId: r.service_id, serviceName: r.service_name, need: r.need, referredOn: r.referred_on, takenUp: r.taken_up, caseRef: r.case_ref,
  sourceProgram: r.source_program, sourceRef: r.source_ref, createdBy: r.created_by, isDemo: r.is_demo,
});

export interface DayFilter { from?: string; to?: string }

export async function listReferrals(q: Queryable, agencyId: number, days: DayFilter): Promise<ReferralView[]> {
  const rows = await q.query<ReferralRow>(
    `${SELECT_REFERRAL} WHERE r.agency_id = $1 AND ($2::date IS NULL OR r.referred_on >= $2) AND ($3::date IS NULL OR r.referred_on <= $3)
     ORDER BY r.referred_on DESC, r.id DESC LIMIT 500`, [agencyId, days.from ?? null, days.to ?? null]);
  return rows.map(toView);
}

async function findReferral(q: Queryable, agencyId: number, id: number): Promise<ReferralView> {
  const rows = await q.query<ReferralRow>(`${SELECT_REFERRAL} WHERE r.id = $1 AND r.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Referral ${id}`);
  return toView(rows[0]);
}

export async function recordReferral(db: Db, agencyId: number, input: ReferralInput, actor: AuditActor & { userId: number }): Promise<ReferralView> {
  return db.transaction(async (tx) => {
    // Any listed service may be referred to, whichever agency listed it: the directory is shared.
    const [service] = await tx.query<{ needs: string[] }>('SELECT needs FROM resource_services WHERE id = $1 AND active', [input.serviceId]);
    if (!service) throw badRequest(`body.serviceId: service ${input.serviceId} is not in the directory`, { field: 'body.serviceId' });
    if (!service.needs.includes(input.need)) throw badRequest(`body.need: this service does not list "${input.need}"`, { field: 'body.need' });
    if (input.referredOn > new Date().toISOString().slice(0, 10)) throw badRequest('body.referredOn: cannot be in the future', { field: 'body.referredOn' });
    if (input.sourceProgram && input.sourceRef) {
      const [already] = await tx.query('SELECT 1 FROM resource_referrals WHERE source_program = $1 AND source_ref = $2 AND need = $3',
        [input.sourceProgram, input.sourceRef, input.need]);
      if (already) throw conflict(`body.sourceRef: ${input.sourceProgram} ${input.sourceRef} already has a referral for "${input.need}"`);
    }
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO resource_referrals (agency_id, service_id, need, referred_on, taken_up, case_ref, source_program, source_ref, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [agencyId, input.serviceId, input.need, input.referredOn, input.takenUp, input.caseRef ?? null, input.sourceProgram ?? null, input.sourceRef ?? null, actor.userId]);
    await appendAudit(tx, {
      actor, action: 'resources.referral.create', targetType: 'resource_referral', targetId: row.id, outcome: 'success',
      details: { serviceId: input.serviceId, need: input.need, sourceProgram: input.sourceProgram ?? null },
    });
    return findReferral(tx, agencyId, row.id);
  });
}

/**
 * Referrals from another program's records (the core event 'referrals.given', e.g. resources a walk team
 * gave at a door). Each item goes to the best listed service for its need: the agency's own before others',
 * one covering the place before a citywide one. A need no active service lists is skipped. Idempotent: a
 * record sent again (same program, record and need) adds nothing. Answers the ids of new referrals.
 */
export async function recordReferralsGiven(db: Db, given: ReferralsGiven): Promise<number[]> {
  if (given.items.length === 0) return [];
  const areas = given.items.some((i) => i.lon !== null) ? await loadAreaIndex(db, given.agencyId) : null;
  const created: number[] = [];
  for (const item of given.items) {
    const areaIds = areas && item.lon !== null && item.lat !== null ? [...areas.lookup(item.lon, item.lat)] : [];
    await db.transaction(async (tx) => {
      const [service] = await tx.query<{ id: number }>(
        `SELECT id FROM resource_services
          WHERE active AND needs @> ARRAY[$1::text] AND (citywide OR area_ids && $3::int[])
          ORDER BY (agency_id = $2) DESC, (NOT citywide AND area_ids && $3::int[]) DESC, id
          LIMIT 1`, [item.need, given.agencyId, areaIds]);
      if (!service) return;
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO resource_referrals (agency_id, service_id, need, referred_on, source_program, source_ref, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (source_program, source_ref, need) WHERE source_program IS NOT NULL AND source_ref IS NOT NULL DO NOTHING
         RETURNING id`,
        [given.agencyId, service.id, item.need, item.on, given.sourceProgram, item.sourceRef, given.actor.userId]);
      if (!row) return;
      created.push(row.id);
      await appendAudit(tx, {
        actor: { userId: given.actor.userId, agencyId: given.agencyId, label: given.actor.label },
        action: 'resources.referral.create', targetType: 'resource_referral', targetId: row.id, outcome: 'success',
        details: { serviceId: service.id, need: item.need, sourceProgram: given.sourceProgram },
      });
    });
  }
  return created;
}

export async function updateTakenUp(db: Db, agencyId: number, id: number, takenUp: TakenUp, actor: AuditActor): Promise<ReferralView> {
  return db.transaction(async (tx) => {
    const before = await findReferral(tx, agencyId, id);
    await tx.query('UPDATE resource_referrals SET taken_up = $3, updated_at = now() WHERE id = $1 AND agency_id = $2', [id, agencyId, takenUp]);
    await appendAudit(tx, { actor, action: 'resources.referral.update', targetType: 'resource_referral', targetId: id, outcome: 'success', details: { takenUpFrom: before.takenUp, takenUpTo: takenUp } });
    return findReferral(tx, agencyId, id);
  });
}

export interface ReferralCounts { total: number; yes: number; no: number; unknown: number }
export interface ReferralStats {
  from: string | null; to: string | null; total: ReferralCounts;
  byNeed: Array<ReferralCounts & { need: string }>;
  byService: Array<ReferralCounts & { serviceId: number; serviceName: string }>;
}

const COUNTS = `count(*)::int AS total, count(*) FILTER (WHERE r.taken_up = 'yes')::int AS yes,
  count(*) FILTER (WHERE r.taken_up = 'no')::int AS no, count(*) FILTER (WHERE r.taken_up = 'unknown')::int AS unknown`;

/** How many referrals the agency made and how many were taken up, by need and by service. */
export async function referralStats(q: Queryable, agencyId: number, days: DayFilter): Promise<ReferralStats> {
  const where = `r.agency_id = $1 AND ($2::date IS NULL OR r.referred_on >= $2) AND ($3::date IS NULL OR r.referred_on <= $3)`;
  const params = [agencyId, days.from ?? null, days.to ?? null];
  const [total] = await q.query<ReferralCounts>(`SELECT ${COUNTS} FROM resource_referrals r WHERE ${where}`, params);
  const byNeed = await q.query<ReferralCounts & { need: string }>(
    `SELECT r.need, ${COUNTS} FROM resource_referrals r JOIN resource_needs n ON n.code = r.need WHERE ${where} GROUP BY r.need, n.sort ORDER BY n.sort`, params);
  const byService = await q.query<ReferralCounts & { serviceId: number; serviceName: string }>(
    `SELECT r.service_id AS "serviceId", s.name AS "serviceName", ${COUNTS} FROM resource_referrals r JOIN resource_services s ON s.id = r.service_id
      WHERE ${where} GROUP BY r.service_id, s.name ORDER BY total DESC, s.name`, params);
  return { from: days.from ?? null, to: days.to ?? null, total, byNeed, byService };
}
