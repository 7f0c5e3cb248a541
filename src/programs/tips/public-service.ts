import type { Queryable } from '../../db/types.js';
import { appendAudit } from '../../core/audit/audit.js';
import { AppError } from '../../core/errors.js';
import { PUBLIC_ACTOR, type TipsContext } from './context.js';
import { issueAccessToken, newPassphrase, type PassphraseKind } from './crypto.js';
import { MAX_PASSPHRASE_LENGTH, MIN_CHOSEN_LENGTH, passphraseStrength, strengthMessages } from './strength.js';
import type { TipInput } from './validation.js';

export interface TipReceipt {
  tipNumber: string;
  passphrase: string | null;
  accessToken: string;
  expiresAt: Date;
}

/** The fields of a new tip that both channels share. */
export interface NewTip {
  agencySlug?: string;
  channel: 'web' | 'sms';
  category: string;
  description: string;
  locationText?: string | null;
  lon?: number | null;
  lat?: number | null;
  occurredAt?: Date | null;
  occurredText?: string | null;
  language: string;
  passphrase?: { mac: string; kind: PassphraseKind } | null;
  suspectedBot?: boolean;
}

// One statement: find the agency, check the category, insert the tip and its first timeline entry. Fewer
// round trips inside the transaction is what lets submissions reach hundreds per second.
const INSERT_TIP = `
WITH agency AS (
  SELECT id FROM agencies WHERE kind = 'police' AND ($1::text IS NULL OR slug = $1) ORDER BY id LIMIT 1
), tip AS (
  INSERT INTO tips (agency_id, number, passphrase_mac, passphrase_kind, channel, category, description, location_text,
                    lon, lat, occurred_at, occurred_text, language, suspected_bot, last_tipster_at)
  SELECT agency.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now() FROM agency
  WHERE EXISTS (SELECT 1 FROM tip_categories WHERE code = $6 AND active)
  RETURNING id, agency_id
), entry AS (
  INSERT INTO tip_timeline (tip_id, kind, author, visible_to_tipster, data)
  SELECT id, 'submitted', 'tipster', true, jsonb_build_object('channel', $5::text) FROM tip
)
SELECT id, agency_id FROM tip`;

/** Inserts a tip inside the caller's transaction and audits it with the 'public' actor (never an address). */
export async function insertTip(tx: Queryable, tip: NewTip, number: string): Promise<{ id: number; agencyId: number; number: string }> {
  const rows = await tx.query<{ id: number; agency_id: number }>(INSERT_TIP, [
    tip.agencySlug ?? null, number, tip.passphrase?.mac ?? null, tip.passphrase?.kind ?? null, tip.channel, tip.category, tip.description,
    tip.locationText ?? null, tip.lon ?? null, tip.lat ?? null, tip.occurredAt ?? null, tip.occurredText ?? null, tip.language,
    tip.suspectedBot ?? false,
  ]);
  if (!rows[0]) throw await whyNotInserted(tx, tip);
  // Last, so the audit chain's lock is held for the shortest time before COMMIT.
  await appendAudit(tx, {
    actor: PUBLIC_ACTOR, action: 'tips.submit', targetType: 'tip', targetId: rows[0].id, outcome: 'success',
    details: { channel: tip.channel, category: tip.category },
  });
  return { id: rows[0].id, agencyId: rows[0].agency_id, number };
}

/** Why a tip was not inserted: an unknown agency or an unknown (or retired) category. */
export async function whyNotInserted(q: Queryable, tip: NewTip): Promise<AppError> {
  const agencies = await q.query("SELECT 1 FROM agencies WHERE kind = 'police' AND ($1::text IS NULL OR slug = $1)", [tip.agencySlug ?? null]);
  if (agencies.length === 0) {
    return tip.agencySlug ? new AppError(400, 'unknown_agency', `agency: no police agency "${tip.agencySlug}" takes tips here`, { field: 'agency' })
      : new AppError(503, 'no_agency', 'No police agency is set up to receive tips yet.');
  }
  return new AppError(400, 'unknown_category', `category: "${tip.category}" is not a tip category`, { field: 'category' });
}

/** A tip from the web form: checks a chosen passphrase, or generates one, and answers with the receipt. */
export async function submitWebTip(ctx: TipsContext, input: TipInput): Promise<TipReceipt> {
  const chosen = input.passphrase?.trim() ? input.passphrase : null;
  if (chosen) {
    const strength = passphraseStrength(chosen);
    if (!strength.ok) {
      const message = strengthMessages[strength.problem!];
      throw new AppError(400, 'weak_passphrase', `passphrase: ${input.language === 'es' ? message.es : message.en}`, { field: 'passphrase', problem: strength.problem!, minLength: MIN_CHOSEN_LENGTH, maxLength: MAX_PASSPHRASE_LENGTH });
    }
  }
  const generated = chosen ? null : newPassphrase();
  const tip = await ctx.submissions.submit({
    agencySlug: input.agency,
    channel: 'web',
    category: input.category,
    description: input.description,
    locationText: input.location?.text || null,
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    occurredAt: input.occurredAt ?? null,
    occurredText: input.occurredText || null,
    language: input.language,
    suspectedBot: Boolean(input.website?.trim()),
  }, { text: (chosen ?? generated)!, kind: chosen ? 'chosen' : 'generated' });
  const access = issueAccessToken(ctx.keys, tip.id, ctx.settings.accessMinutes);
  return { tipNumber: tip.number, passphrase: generated, accessToken: access.token, expiresAt: access.expiresAt };
}
