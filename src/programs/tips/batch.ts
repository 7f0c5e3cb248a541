import type { Db, Queryable } from '../../db/types.js';
import { appendAudit } from '../../core/audit/audit.js';
import { PUBLIC_ACTOR } from './context.js';
import { newTipNumber, passphraseMac, type PassphraseKind, type TipKeys } from './crypto.js';
import { whyNotInserted, type NewTip } from './public-service.js';

/** A web tip waiting for the next group commit; the passphrase stays in memory only until its MAC is made. */
interface Pending {
  tip: Omit<NewTip, 'passphrase'>;
  passphrase: { text: string; kind: PassphraseKind };
  resolve(result: StoredTip): void;
  reject(error: unknown): void;
}

export interface StoredTip {
  id: number;
  agencyId: number;
  number: string;
}

// One statement for a whole batch: each row finds its agency and checks its category; rows that fail either
// are simply not inserted (and answered one by one below). The first timeline entry is written alongside.
const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[],
                       $10::timestamptz[], $11::text[], $12::text[], $13::boolean[]) WITH ORDINALITY
    AS i(agency_slug, number, passphrase_mac, passphrase_kind, category, description, location_text, lon, lat, occurred_at,
         occurred_text, language, suspected_bot, ord)
), tip AS (
  INSERT INTO tips (agency_id, number, passphrase_mac, passphrase_kind, channel, category, description, location_text, lon, lat,
                    occurred_at, occurred_text, language, suspected_bot, last_tipster_at)
  SELECT a.id, i.number, i.passphrase_mac, i.passphrase_kind, 'web', i.category, i.description, i.location_text, i.lon, i.lat,
         i.occurred_at, i.occurred_text, i.language, i.suspected_bot, now()
  FROM input i
  CROSS JOIN LATERAL (SELECT id FROM agencies WHERE kind = 'police' AND (i.agency_slug IS NULL OR slug = i.agency_slug) ORDER BY id LIMIT 1) a
  WHERE EXISTS (SELECT 1 FROM tip_categories c WHERE c.code = i.category AND c.active)
  ORDER BY i.ord
  RETURNING id, agency_id, number
), entry AS (
  INSERT INTO tip_timeline (tip_id, kind, author, visible_to_tipster, data)
  SELECT id, 'submitted', 'tipster', true, '{"channel":"web"}'::jsonb FROM tip
)
SELECT id, agency_id, number FROM tip ORDER BY id`;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Group commit for web tips. Submissions that arrive while a transaction is writing wait for the next one and
 * are written together: one insert for all of them, one audit row naming them all (appendAudit, actor
 * 'public'), one COMMIT. Nothing waits on a timer, so a lone tip is written at once; under load the batches grow by
 * themselves. Each tip is answered only after its COMMIT, so an accepted tip is a stored tip.
 */
export class SubmissionBatcher {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db, private readonly keys: TipKeys, private readonly maxBatch = 100) {}

  submit(tip: Omit<NewTip, 'passphrase'>, passphrase: { text: string; kind: PassphraseKind }): Promise<StoredTip> {
    return new Promise((resolve, reject) => {
      this.queue.push({ tip, passphrase, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // One turn of the event loop first: requests already on their way (read but not yet handled) join this
        // group. Without it, an in-process database (PGlite, which blocks the loop while it works) would
        // write groups of one or two and pay a transaction for each.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.write(this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    let stored: Map<Pending, StoredTip>;
    try {
      stored = await this.commit(batch);
    } catch (error) {
      // A batch fails as a whole; one tip alone gets the error, a larger batch is written again one by one,
      // so a single bad submission never costs the others theirs.
      if (batch.length === 1) batch[0].reject(error);
      else for (const pending of batch) await this.write([pending]);
      return;
    }
    for (const pending of batch) {
      const tip = stored.get(pending);
      if (tip) pending.resolve(tip);
      else await whyNotInserted(this.db, { ...pending.tip }).then(pending.reject, pending.reject);
    }
  }

  /** Inserts and audits a batch in one transaction; on the (astronomically rare) number collision, new numbers. */
  private async commit(batch: Pending[]): Promise<Map<Pending, StoredTip>> {
    for (let tries = 1; ; tries += 1) {
      const numbers = batch.map(() => newTipNumber());
      try {
        const rows = await this.db.transaction((tx) => this.insert(tx, batch, numbers));
        const byNumber = new Map(rows.map((r) => [r.number, r]));
        return new Map(batch.flatMap((pending, i) => (byNumber.has(numbers[i]) ? [[pending, byNumber.get(numbers[i])!] as const] : [])));
      } catch (error) {
        if (!isUniqueViolation(error) || tries >= 3) throw error;
      }
    }
  }

  private async insert(tx: Queryable, batch: Pending[], numbers: string[]): Promise<StoredTip[]> {
    const column = <T>(pick: (p: Pending, i: number) => T) => batch.map(pick);
    const rows = await tx.query<{ id: number; agency_id: number; number: string }>(INSERT_BATCH, [
      column((p) => p.tip.agencySlug ?? null),
      numbers,
      column((p, i) => passphraseMac(this.keys, numbers[i], p.passphrase.text, p.passphrase.kind)),
      column((p) => p.passphrase.kind),
      column((p) => p.tip.category),
      column((p) => p.tip.description),
      column((p) => p.tip.locationText ?? null),
      column((p) => p.tip.lon ?? null),
      column((p) => p.tip.lat ?? null),
      column((p) => p.tip.occurredAt?.toISOString() ?? null),
      column((p) => p.tip.occurredText ?? null),
      column((p) => p.tip.language),
      column((p) => p.tip.suspectedBot ?? false),
    ]);
    // One audit row per commit group, naming every tip it stored (a lone tip gets a row of its own). Per-tip
    // rows would hold the audit chain's lock for three round trips per tip and cap submissions far below the
    // budget; the group row records the same who (public, never an address), what, when and outcome.
    if (rows.length > 0) {
      const category = new Map(batch.map((p, i) => [numbers[i], p.tip.category]));
      await appendAudit(tx, {
        actor: PUBLIC_ACTOR, action: 'tips.submit', targetType: 'tip', targetId: rows.length === 1 ? rows[0].id : undefined, outcome: 'success',
        details: { channel: 'web', tips: rows.map((r) => ({ id: r.id, category: category.get(r.number) })) },
      });
    }
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, number: r.number }));
  }
}
