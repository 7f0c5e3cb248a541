import { appendAudit } from '../../../core/audit/audit.js';
import { listAttachments, type AttachmentView } from '../attachments.js';
import type { TipsContext } from '../context.js';
import { tipAccess, type StaffActor, type TipAccess } from './scope.js';

type Labelled = { code: string; label: Record<string, string> };

export interface TipDetail {
  id: number;
  number: string;
  access: TipAccess;
  channel: 'web' | 'sms';
  category: Labelled;
  description: string;
  location: { text: string | null; lon: number | null; lat: number | null };
  occurredAt: Date | null;
  occurredText: string | null;
  language: string;
  state: Labelled;
  outcome: Labelled | null;
  priority: string;
  assignedTo: { id: number; name: string } | null;
  primaryUnit: (Labelled & { id: number }) | null;
  copies: Array<Labelled & { id: number }>;
  forwards: Array<{ agencyId: number; agencyName: string; note: string; at: Date }>;
  duplicateOf: { id: number; number: string } | null;
  isPrank: boolean;
  suspectedBot: boolean;
  isDemo: boolean;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  sms: { status: 'open' | 'stopped' | 'closed' } | null;
  timeline: Array<{ id: number; at: Date; kind: string; author: string; userName: string | null; body: string; data: Record<string, unknown>; visibleToTipster: boolean }>;
  attachments: Array<AttachmentView & { createdAt: Date }>;
  rewards: Array<{ id: number; status: string; proposedCents: number | null; approvedCents: number | null; reason: string; proposedBy: string; proposedAt: Date; decidedBy: string | null; decidedAt: Date | null; decisionNote: string | null; paidAt: Date | null }>;
}

/** One tip with everything staff need to work it. Every read is audited (one row per request). */
export async function readTip(ctx: TipsContext, staff: StaffActor, tipId: number): Promise<TipDetail> {
  const access = await tipAccess(ctx.db, staff, tipId);
  const q = ctx.db;
  const [t] = await q.query<Omit<TipDetail, 'access' | 'copies' | 'forwards' | 'sms' | 'timeline' | 'attachments' | 'rewards'>>(
    `SELECT t.id, t.number, t.channel, json_build_object('code', t.category, 'label', c.label) AS category, t.description,
            json_build_object('text', t.location_text, 'lon', t.lon, 'lat', t.lat) AS location,
            t.occurred_at AS "occurredAt", t.occurred_text AS "occurredText", t.language,
            json_build_object('code', t.state, 'label', s.label) AS state,
            CASE WHEN o.code IS NULL THEN NULL ELSE json_build_object('code', o.code, 'label', o.label) END AS outcome,
            t.priority, CASE WHEN au.id IS NULL THEN NULL ELSE json_build_object('id', au.id, 'name', au.display_name) END AS "assignedTo",
            CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'code', un.code, 'label', un.label) END AS "primaryUnit",
            CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'number', d.number) END AS "duplicateOf",
            t.is_prank AS "isPrank", t.suspected_bot AS "suspectedBot", t.is_demo AS "isDemo", t.created_at AS "createdAt",
            t.first_response_at AS "firstResponseAt", t.closed_at AS "closedAt"
     FROM tips t JOIN tip_categories c ON c.code = t.category JOIN tip_states s ON s.code = t.state
       LEFT JOIN tip_outcomes o ON o.code = t.outcome LEFT JOIN users au ON au.id = t.assigned_to
       LEFT JOIN tip_units un ON un.id = t.primary_unit_id LEFT JOIN tips d ON d.id = t.duplicate_of
     WHERE t.id = $1`, [tipId]);
  const copies = await q.query<Labelled & { id: number }>(
    'SELECT u.id, u.code, u.label FROM tip_copies c JOIN tip_units u ON u.id = c.unit_id WHERE c.tip_id = $1 ORDER BY u.code', [tipId]);
  const forwards = await q.query<TipDetail['forwards'][number]>(
    `SELECT f.agency_id AS "agencyId", a.name AS "agencyName", f.note, f.at FROM tip_forwards f JOIN agencies a ON a.id = f.agency_id
     WHERE f.tip_id = $1 ORDER BY f.id`, [tipId]);
  const [sms] = await q.query<{ status: 'open' | 'stopped' | 'closed' }>(
    'SELECT status FROM tip_sms_conversations WHERE tip_id = $1 ORDER BY id DESC LIMIT 1', [tipId]);
  const timeline = await q.query<TipDetail['timeline'][number]>(
    `SELECT e.id, e.at, e.kind, e.author, u.display_name AS "userName", e.body, e.data, e.visible_to_tipster AS "visibleToTipster"
     FROM tip_timeline e LEFT JOIN users u ON u.id = e.user_id WHERE e.tip_id = $1 ORDER BY e.id`, [tipId]);
  const rewards = await q.query<TipDetail['rewards'][number]>(
    `SELECT r.id, r.status, r.proposed_cents AS "proposedCents", r.approved_cents AS "approvedCents", r.reason,
            p.display_name AS "proposedBy", r.proposed_at AS "proposedAt", d.display_name AS "decidedBy", r.decided_at AS "decidedAt",
            r.decision_note AS "decisionNote", r.paid_at AS "paidAt"
     FROM tip_rewards r JOIN users p ON p.id = r.proposed_by LEFT JOIN users d ON d.id = r.decided_by WHERE r.tip_id = $1 ORDER BY r.id`, [tipId]);
  const attachments = await listAttachments(q, tipId);
  await ctx.db.transaction((tx) => appendAudit(tx, { actor: staff.audit, action: 'tips.read', targetType: 'tip', targetId: tipId, outcome: 'success', details: { access } }));
  return { ...t, access, copies, forwards, sms: sms ?? null, timeline, attachments, rewards };
}
