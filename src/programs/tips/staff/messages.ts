import type { Queryable } from '../../../db/types.js';
import type { TipsContext } from '../context.js';
import { addTimeline } from '../timeline.js';
import { endConversation } from '../sms/inbound.js';
import { SmsSendError } from '../sms/sender.js';
import { triageChange } from './triage.js';
import type { StaffActor } from './scope.js';

export type Delivery =
  | { channel: 'web' }
  | { channel: 'sms'; status: 'sent'; sender: 'outbox' | 'twilio'; providerId: string }
  | { channel: 'sms'; status: 'not_sent'; reason: 'conversation_ended' | string };

interface OpenConversation { id: number; relay_enc: string; number: string }

async function openConversation(q: Queryable, tipId: number): Promise<OpenConversation | null> {
  const [row] = await q.query<OpenConversation>(
    `SELECT c.id, c.relay_enc, t.number FROM tip_sms_conversations c JOIN tips t ON t.id = c.tip_id
     WHERE c.tip_id = $1 AND c.status = 'open' ORDER BY c.id DESC LIMIT 1`, [tipId]);
  return row ?? null;
}

/**
 * Sends text to the tipster through their channel, after the message is on the timeline: web tipsters read it
 * on the follow-up page; text tipsters get it through the SMS sender while their conversation is open.
 */
export async function deliverToTipster(ctx: TipsContext, tipId: number, entryId: number, body: string): Promise<Delivery> {
  const [tip] = await ctx.db.query<{ channel: 'web' | 'sms' }>('SELECT channel FROM tips WHERE id = $1', [tipId]);
  if (tip.channel === 'web') return { channel: 'web' };
  const conversation = await openConversation(ctx.db, tipId);
  let delivery: Delivery;
  if (!conversation) {
    delivery = { channel: 'sms', status: 'not_sent', reason: 'conversation_ended' };
  } else {
    try {
      const sent = await ctx.sender.send(ctx.db, { conversationId: conversation.id, tipNumber: conversation.number, relay: conversation.relay_enc, body });
      delivery = { channel: 'sms', status: 'sent', sender: ctx.sender.kind, providerId: sent.providerId };
    } catch (error) {
      if (!(error instanceof SmsSendError)) throw error;
      delivery = { channel: 'sms', status: 'not_sent', reason: `provider_${error.code}` };
    }
  }
  await ctx.db.query(`UPDATE tip_timeline SET data = data || jsonb_build_object('delivery', $2::jsonb) WHERE id = $1`, [entryId, JSON.stringify(delivery)]);
  return delivery;
}

/** A message to the tipster (the anonymous chat); `question` marks it as something the department asks. */
export async function messageTipster(ctx: TipsContext, staff: StaffActor, tipId: number, input: { body: string; question: boolean }): Promise<Delivery> {
  const { entryId } = await triageChange(ctx, staff, tipId, 'tips.message', async (tx) => {
    const id = await addTimeline(tx, {
      tipId, kind: 'message_out', author: 'staff', userId: staff.userId, body: input.body, data: { question: input.question }, visibleToTipster: true,
    });
    return { entryId: id, question: input.question };
  });
  return deliverToTipster(ctx, tipId, entryId, input.body);
}

/** Ends a text conversation from the department's side: the phone hash and relay are erased at once. */
export function endSmsConversation(ctx: TipsContext, staff: StaffActor, tipId: number) {
  return triageChange(ctx, staff, tipId, 'tips.sms_end', async (tx) => {
    const conversation = await openConversation(tx, tipId);
    if (!conversation) return { ended: false };
    await endConversation(tx, conversation.id, 'closed');
    await addTimeline(tx, { tipId, kind: 'sms', author: 'staff', userId: staff.userId, data: { event: 'ended_by_staff' } });
    return { ended: true };
  });
}

/**
 * Conversations quiet for `days` are closed and their relay erased, so a number is not kept for a tip nobody
 * works any more. Run on every webhook call and queue read; cheap thanks to the partial index on open rows.
 */
export async function expireQuietConversations(q: Queryable, days: number): Promise<number> {
  const rows = await q.query(
    `UPDATE tip_sms_conversations SET status = 'closed', phone_key = NULL, relay_enc = NULL, ended_at = now()
     WHERE status = 'open' AND last_message_at < now() - make_interval(days => $1::int) RETURNING id`, [days]);
  return rows.length;
}
