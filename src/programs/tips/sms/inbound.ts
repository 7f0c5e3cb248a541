import type { Queryable } from '../../../db/types.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { SMS_ACTOR, type TipsContext } from '../context.js';
import { messageSidKey, newTipNumber, phoneKey, sealRelay } from '../crypto.js';
import { insertTip } from '../public-service.js';
import { addTimeline } from '../timeline.js';
import { addTipsterFile } from '../attachments.js';
import { guessLanguage, isStopWord, smsReplies } from './language.js';

/** The parts of Twilio's inbound-message webhook this program uses; every other field is ignored. */
export interface InboundSms {
  messageSid: string;
  from: string;
  body: string;
  mediaUrls: string[];
}

/** What happened, and the reply to put in the TwiML answer (null: answer nothing). */
export interface InboundResult {
  outcome: 'opened' | 'joined' | 'stopped' | 'ignored' | 'duplicate';
  tipId: number | null;
  reply: string | null;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Handles one inbound text. The number is turned into a keyed hash (to find the open conversation) and, for a
 * new conversation, sealed into the relay entry; it is never passed to SQL or to a log. The first text opens a
 * tip and answers its number; later texts join the same tip; STOP ends the conversation and erases the relay.
 */
export async function handleInboundSms(ctx: TipsContext, sms: InboundSms): Promise<InboundResult> {
  let result: InboundResult;
  try {
    result = await ctx.db.transaction((tx) => handleInTransaction(ctx, tx, sms));
  } catch (error) {
    // Two first texts from one phone at the same moment: the second finds the conversation the first opened
    // (and a tip number collision simply draws a new number).
    if (!isUniqueViolation(error)) throw error;
    result = await ctx.db.transaction((tx) => handleInTransaction(ctx, tx, sms));
  }
  if (result.tipId !== null && sms.mediaUrls.length > 0 && (result.outcome === 'opened' || result.outcome === 'joined')) {
    await addMedia(ctx, result.tipId, sms.mediaUrls);
  }
  return result;
}

async function handleInTransaction(ctx: TipsContext, tx: Queryable, sms: InboundSms): Promise<InboundResult> {
  // Twilio retries a webhook it thinks failed; the same MessageSid is handled once.
  const fresh = await tx.query('INSERT INTO tip_sms_seen (sid_key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING sid_key', [messageSidKey(ctx.keys, sms.messageSid)]);
  if (fresh.length === 0) return { outcome: 'duplicate', tipId: null, reply: null };
  const key = phoneKey(ctx.keys, sms.from);
  const [open] = await tx.query<{ id: number; tip_id: number; language: 'en' | 'es' }>(
    `SELECT c.id, c.tip_id, t.language FROM tip_sms_conversations c JOIN tips t ON t.id = c.tip_id
     WHERE c.phone_key = $1 AND c.status = 'open' FOR UPDATE OF c`, [key]);

  if (isStopWord(sms.body)) {
    if (!open) return { outcome: 'ignored', tipId: null, reply: null };
    await endConversation(tx, open.id, 'stopped');
    await addTimeline(tx, { tipId: open.tip_id, kind: 'sms', author: 'tipster', data: { event: 'stopped' } });
    await appendAudit(tx, { actor: SMS_ACTOR, action: 'tips.sms_stop', targetType: 'tip', targetId: open.tip_id, outcome: 'success' });
    return { outcome: 'stopped', tipId: open.tip_id, reply: smsReplies(open.language).stopped };
  }

  const body = sms.body.trim();
  if (open) {
    await tx.query('UPDATE tip_sms_conversations SET last_message_at = now() WHERE id = $1', [open.id]);
    await tx.query('UPDATE tips SET last_tipster_at = now(), updated_at = now() WHERE id = $1', [open.tip_id]);
    if (body) await addTimeline(tx, { tipId: open.tip_id, kind: 'message_in', author: 'tipster', body, data: { kind: 'info', channel: 'sms' }, visibleToTipster: true });
    await appendAudit(tx, { actor: SMS_ACTOR, action: 'tips.tipster_message', targetType: 'tip', targetId: open.tip_id, outcome: 'success', details: { channel: 'sms' } });
    return { outcome: 'joined', tipId: open.tip_id, reply: null };
  }

  const language = guessLanguage(body);
  const tip = await insertSmsTip(ctx, tx, body, language);
  await tx.query(
    'INSERT INTO tip_sms_conversations (tip_id, phone_key, relay_enc) VALUES ($1, $2, $3)',
    [tip.id, key, sealRelay(ctx.keys, tip.number, sms.from)]);
  return { outcome: 'opened', tipId: tip.id, reply: smsReplies(language).opened(tip.number) };
}

// A text tip has no passphrase (the phone thread is its channel) and no category until staff set one. A tip
// number collision raises a unique violation, which handleInboundSms answers by running once more.
function insertSmsTip(ctx: TipsContext, tx: Queryable, body: string, language: 'en' | 'es') {
  return insertTip(tx, {
    agencySlug: ctx.settings.smsAgency, channel: 'sms', category: 'other', language,
    description: body || (language === 'es' ? '(solo archivos, sin texto)' : '(files only, no text)'),
  }, newTipNumber());
}

/** Erases the phone hash and the relay: afterwards nothing links the conversation to a phone. */
export async function endConversation(q: Queryable, conversationId: number, status: 'stopped' | 'closed'): Promise<void> {
  await q.query(
    `UPDATE tip_sms_conversations SET status = $2, phone_key = NULL, relay_enc = NULL, ended_at = now() WHERE id = $1`,
    [conversationId, status]);
}

/** Fetches and cleans MMS media after the text was recorded; a failure is noted on the timeline, never the URL. */
async function addMedia(ctx: TipsContext, tipId: number, urls: string[]): Promise<void> {
  if (!ctx.media) {
    await addTimeline(ctx.db, { tipId, kind: 'sms', author: 'system', data: { event: 'media_not_fetched', count: urls.length, reason: 'no_credentials' } });
    return;
  }
  for (const url of urls) {
    try {
      await addTipsterFile(ctx, tipId, await ctx.media.fetch(url), SMS_ACTOR);
    } catch (error) {
      const reason = (error as { code?: string }).code ?? 'fetch_failed';
      await addTimeline(ctx.db, { tipId, kind: 'sms', author: 'system', data: { event: 'media_not_added', reason } });
    }
  }
}
