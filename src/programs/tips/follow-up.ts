import { AppError, notFound } from '../../core/errors.js';
import type { TipsContext } from './context.js';
import { openCollectionCode, readAccessToken } from './crypto.js';
import type { TipsterView } from './validation.js';

/** The tip id an access token grants, or 401. Tokens come in the Authorization header (never a cookie or URL). */
export function tipFromToken(ctx: TipsContext, authorization: string | undefined): number {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const tipId = token ? readAccessToken(ctx.keys, token) : null;
  if (tipId === null) throw new AppError(401, 'tip_access_expired', 'Enter your tip number and passphrase again to continue.');
  return tipId;
}

interface ViewRow {
  number: string; category: string; category_label: Record<string, string>; created_at: Date; state: string;
  public_label: Record<string, string>; channel: 'web' | 'sms'; description: string;
}

/**
 * What a tipster sees: their tip, the public form of its state, the conversation with the department (never a
 * staff member's name), how many files they sent, and a reward once the board approved one.
 */
export async function tipsterView(ctx: TipsContext, tipId: number): Promise<TipsterView> {
  const [tip] = await ctx.db.query<ViewRow>(
    `SELECT t.number, t.category, c.label AS category_label, t.created_at, t.state, s.public_label, t.channel, t.description
     FROM tips t JOIN tip_categories c ON c.code = t.category JOIN tip_states s ON s.code = t.state WHERE t.id = $1`, [tipId]);
  if (!tip) throw notFound('Tip');
  const entries = await ctx.db.query<{ id: number; at: Date; kind: string; author: string; body: string; data: Record<string, unknown> }>(
    'SELECT id, at, kind, author, body, data FROM tip_timeline WHERE tip_id = $1 AND visible_to_tipster ORDER BY id', [tipId]);
  const [files] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tip_attachments WHERE tip_id = $1', [tipId]);
  const [reward] = await ctx.db.query<{ id: number; status: 'approved' | 'paid'; approved_cents: number; collection_enc: string }>(
    "SELECT id, status, approved_cents, collection_enc FROM tip_rewards WHERE tip_id = $1 AND status IN ('approved', 'paid') ORDER BY id DESC LIMIT 1", [tipId]);
  return {
    tipNumber: tip.number,
    category: { code: tip.category, label: tip.category_label },
    submittedOn: tip.created_at.toISOString().slice(0, 10),
    status: { code: tip.state === 'closed' ? 'closed' : tip.state === 'new' ? 'received' : 'reviewing', label: tip.public_label },
    channel: tip.channel,
    messages: entries.map((e) => ({
      id: e.id,
      at: e.at,
      from: e.author === 'tipster' ? 'you' as const : 'department' as const,
      kind: e.kind,
      body: e.kind === 'submitted' ? tip.description : e.body,
      question: e.data.question === true,
    })),
    files: files.n,
    reward: reward
      ? {
          status: reward.status,
          amountCents: reward.approved_cents,
          // Only the tipster ever sees the code; a paid reward no longer needs it.
          collectionCode: reward.status === 'approved' ? openCollectionCode(ctx.keys, reward.id, reward.collection_enc) : null,
        }
      : { status: 'none', amountCents: null, collectionCode: null },
  };
}

export type TipsterMessageKind = 'info' | 'answer' | 'reward_question';

/** More information, an answer to the department's question, or a question about a reward. */
export async function addTipsterMessage(ctx: TipsContext, tipId: number, body: string, kind: TipsterMessageKind): Promise<void> {
  await ctx.followUps.run(async (tx, note) => {
    // One statement for both writes: fewer round trips inside the transaction.
    const updated = await tx.query(
      `WITH tip AS (UPDATE tips SET last_tipster_at = now(), updated_at = now() WHERE id = $1 RETURNING id)
       INSERT INTO tip_timeline (tip_id, kind, author, body, data, visible_to_tipster)
       SELECT id, 'message_in', 'tipster', $2, jsonb_build_object('kind', $3::text), true FROM tip RETURNING id`, [tipId, body, kind]);
    if (updated.length === 0) throw notFound('Tip');
    note({ action: 'tips.tipster_message', tipId, details: { kind } });
  });
}
