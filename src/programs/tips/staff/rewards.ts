import { appendAudit } from '../../../core/audit/audit.js';
import { AppError, notFound } from '../../../core/errors.js';
import type { TipsContext } from '../context.js';
import { newCollectionCode, openCollectionCode, parseTipNumber, sameMac, sealCollectionCode } from '../crypto.js';
import { formatMoney } from '../money.js';
import { addTimeline } from '../timeline.js';
import { deliverToTipster } from './messages.js';
import { triageChange } from './triage.js';
import type { StaffActor } from './scope.js';


/** Proposes a reward for a tip that led to an arrest (closed with outcome 'arrest'). */
export function proposeReward(ctx: TipsContext, staff: StaffActor, tipId: number, input: { amountCents?: number; reason: string }) {
  return triageChange(ctx, staff, tipId, 'tips.reward_propose', async (tx) => {
    const [tip] = await tx.query<{ outcome: string | null }>('SELECT outcome FROM tips WHERE id = $1', [tipId]);
    if (tip.outcome !== 'arrest') throw new AppError(409, 'reward_needs_arrest', 'A reward can be proposed only for a tip closed with the outcome "led to an arrest".');
    const live = await tx.query("SELECT 1 FROM tip_rewards WHERE tip_id = $1 AND status <> 'rejected'", [tipId]);
    if (live.length > 0) throw new AppError(409, 'reward_exists', 'This tip already has a reward proposed or approved.');
    const [reward] = await tx.query<{ id: number }>(
      'INSERT INTO tip_rewards (tip_id, proposed_cents, reason, proposed_by) VALUES ($1,$2,$3,$4) RETURNING id',
      [tipId, input.amountCents ?? null, input.reason, staff.userId]);
    await addTimeline(tx, { tipId, kind: 'reward', author: 'staff', userId: staff.userId, body: input.reason, data: { event: 'proposed', rewardId: reward.id, amountCents: input.amountCents ?? null } });
    return { rewardId: reward.id, amountCents: input.amountCents ?? null };
  });
}

export interface BoardItem {
  rewardId: number;
  tipId: number;
  tipNumber: string;
  category: string;
  status: string;
  proposedCents: number | null;
  approvedCents: number | null;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
}

/** The reward board's list: the agency's rewards by status (proposed ones first to decide). Audited. */
export async function listRewards(ctx: TipsContext, staff: StaffActor, status?: string): Promise<BoardItem[]> {
  const rows = await ctx.db.query<BoardItem>(
    `SELECT r.id AS "rewardId", t.id AS "tipId", t.number AS "tipNumber", t.category, r.status, r.proposed_cents AS "proposedCents",
            r.approved_cents AS "approvedCents", r.reason, u.display_name AS "proposedBy", r.proposed_at AS "proposedAt"
     FROM tip_rewards r JOIN tips t ON t.id = r.tip_id JOIN users u ON u.id = r.proposed_by
     WHERE t.agency_id = $1 AND ($2::text IS NULL OR r.status = $2) ORDER BY r.status = 'proposed' DESC, r.id DESC LIMIT 200`,
    [staff.agencyId, status ?? null]);
  await ctx.db.transaction((tx) => appendAudit(tx, { actor: staff.audit, action: 'tips.rewards_list', targetType: 'tip', outcome: 'success', details: { status: status ?? null, count: rows.length } }));
  return rows;
}

async function rewardOfAgency(ctx: TipsContext, staff: StaffActor, rewardId: number) {
  const [row] = await ctx.db.query<{ tip_id: number; status: string; proposed_by: number }>(
    'SELECT r.tip_id, r.status, r.proposed_by FROM tip_rewards r JOIN tips t ON t.id = r.tip_id WHERE r.id = $1 AND t.agency_id = $2', [rewardId, staff.agencyId]);
  if (!row) throw notFound(`Reward ${rewardId}`);
  return row;
}

/**
 * The board's decision. Someone other than the proposer decides (four eyes). An approval creates the one-time
 * collection code, which only the tipster sees; the tipster is told on the follow-up page (and by text message
 * while a text conversation is open). The amount never goes into the text message, only that there is news.
 */
export async function decideReward(ctx: TipsContext, staff: StaffActor, rewardId: number, input: { decision: 'approve' | 'reject'; amountCents?: number; note?: string }) {
  const reward = await rewardOfAgency(ctx, staff, rewardId);
  if (reward.status !== 'proposed') throw new AppError(409, 'reward_decided', `This reward was already ${reward.status}.`, { problem: reward.status });
  if (reward.proposed_by === staff.userId) throw new AppError(403, 'reward_own_proposal', 'The board decision must come from someone other than the person who proposed the reward.');
  if (input.decision === 'approve' && !input.amountCents) throw new AppError(400, 'reward_amount_required', 'amountCents: an approval needs the amount', { field: 'amountCents' });
  const tipId = reward.tip_id;
  const result = await triageChange(ctx, staff, tipId, `tips.reward_${input.decision}`, async (tx) => {
    const approved = input.decision === 'approve';
    const sealed = approved ? sealCollectionCode(ctx.keys, rewardId, newCollectionCode()) : null;
    await tx.query(
      `UPDATE tip_rewards SET status = $2, approved_cents = $3, collection_enc = $4, decided_by = $5, decided_at = now(), decision_note = $6 WHERE id = $1`,
      [rewardId, approved ? 'approved' : 'rejected', approved ? input.amountCents : null, sealed, staff.userId, input.note ?? null]);
    const [tip] = await tx.query<{ language: string }>('SELECT language FROM tips WHERE id = $1', [tipId]);
    const body = approved
      ? tip.language === 'es'
        ? `La junta aprobó una recompensa de ${formatMoney(input.amountCents!, 'es')} por su pista. Para cobrarla, consulte el código de cobro en la página de seguimiento y presente solo su número de pista.`
        : `The board approved a reward of ${formatMoney(input.amountCents!, 'en')} for your tip. To collect it, see the collection code on your follow-up page and give only your tip number.`
      : '';
    const entryId = await addTimeline(tx, {
      tipId, kind: 'reward', author: 'staff', userId: staff.userId, body: approved ? body : input.note ?? '',
      data: { event: approved ? 'approved' : 'rejected', rewardId, amountCents: approved ? input.amountCents : null }, visibleToTipster: approved,
    });
    return { rewardId, decision: input.decision, amountCents: approved ? input.amountCents! : null, entryId };
  });
  if (input.decision === 'approve') {
    const [tip] = await ctx.db.query<{ language: string; number: string }>('SELECT language, number FROM tips WHERE id = $1', [tipId]);
    const notice = tip.language === 'es'
      ? `Hay novedades sobre una recompensa para la pista ${tip.number}. Responda a este número o use la página de seguimiento.`
      : `There is news about a reward for tip ${tip.number}. Reply here or use the follow-up page.`;
    await deliverToTipster(ctx, tipId, result.entryId, notice);
  }
  return result;
}

/**
 * Records a payout. The person collecting gives the tip number and the collection code, nothing else; the code
 * is compared in constant time, and a wrong code is audited as a failure.
 */
export async function payReward(ctx: TipsContext, staff: StaffActor, input: { tipNumber: string; collectionCode: string }) {
  const parsed = parseTipNumber(input.tipNumber);
  if (!parsed.ok) throw new AppError(400, 'tip_number_mistyped', 'tipNumber: that is not a tip number', { field: 'tipNumber' });
  const [reward] = await ctx.db.query<{ id: number; tip_id: number; collection_enc: string }>(
    `SELECT r.id, r.tip_id, r.collection_enc FROM tip_rewards r JOIN tips t ON t.id = r.tip_id
     WHERE t.number = $1 AND t.agency_id = $2 AND r.status = 'approved'`, [parsed.number, staff.agencyId]);
  if (!reward) throw new AppError(404, 'reward_not_payable', `An approved, unpaid reward for tip ${parsed.number} was not found.`, { tipNumber: parsed.number });
  const expected = openCollectionCode(ctx.keys, reward.id, reward.collection_enc);
  const given = input.collectionCode.toUpperCase().replace(/[\s-]/g, '');
  if (!sameMac(expected, given)) {
    await ctx.db.transaction((tx) => appendAudit(tx, { actor: staff.audit, action: 'tips.reward_pay', targetType: 'tip', targetId: reward.tip_id, outcome: 'failure', details: { rewardId: reward.id, reason: 'wrong_code' } }));
    throw new AppError(400, 'collection_code_mismatch', 'collectionCode: the collection code does not match this tip', { field: 'collectionCode' });
  }
  return triageChange(ctx, staff, reward.tip_id, 'tips.reward_pay', async (tx) => {
    const paid = await tx.query("UPDATE tip_rewards SET status = 'paid', paid_by = $2, paid_at = now() WHERE id = $1 AND status = 'approved' RETURNING id", [reward.id, staff.userId]);
    if (paid.length === 0) throw new AppError(409, 'reward_paid', 'This reward was paid already.');
    const [tip] = await tx.query<{ language: string }>('SELECT language FROM tips WHERE id = $1', [reward.tip_id]);
    const body = tip.language === 'es' ? 'La recompensa fue cobrada. Gracias por su ayuda.' : 'The reward was collected. Thank you for your help.';
    await addTimeline(tx, { tipId: reward.tip_id, kind: 'reward', author: 'staff', userId: staff.userId, body, data: { event: 'paid', rewardId: reward.id }, visibleToTipster: true });
    return { rewardId: reward.id, paid: true };
  });
}
