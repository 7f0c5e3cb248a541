import { AppError } from '../../core/errors.js';
import type { TipsContext } from './context.js';
import { issueAccessToken, parseTipNumber, passphraseMac, sameMac, throttleKey, type PassphraseKind } from './crypto.js';

/** Wrong passphrases allowed before the waiting starts; then 30 s, 1 min, 2 min … up to an hour per try. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 3600;

export const waitAfter = (failures: number) =>
  failures < FREE_FAILURES ? 0 : Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES));

// The same message for a wrong passphrase and an unknown number: the answer never says whether a tip exists.
const denied = () => new AppError(401, 'tip_access_denied', 'That tip number and passphrase do not match. Check both and try again.');
const throttled = (seconds: number) =>
  new AppError(429, 'tip_access_throttled', `Too many tries for this tip number. Wait ${seconds} seconds and try again.`, { retryAfterSeconds: seconds });

// Stands in for the stored MAC of a tip that does not exist, so both paths compute and compare the same.
const ABSENT_MAC = 'A'.repeat(43);

/**
 * Checks a tip number and passphrase and hands out a short-lived access token. Per tip number (known or not)
 * the failures are counted in the database, under an HMAC of the number; each try counts as a failure until it
 * succeeds, inside one transaction that locks the counter row, so parallel guesses cannot slip past the wait.
 * Unknown numbers take the same queries, the same MAC work and get the same answers as wrong passphrases.
 * The check runs in the follow-up group commit (group-commit.ts), which writes its audit row.
 */
export async function accessTip(ctx: TipsContext, tipNumber: string, passphrase: string): Promise<{ accessToken: string; expiresAt: Date }> {
  const parsed = parseTipNumber(tipNumber);
  // A failed check character says only "mistyped": it is computed from the number itself, not looked up.
  if (!parsed.ok) throw new AppError(400, 'tip_number_mistyped', 'tipNumber: that is not a tip number; it looks like T followed by 11 letters and digits. Check for a typo.', { field: 'tipNumber', problem: parsed.reason });
  const key = throttleKey(ctx.keys, parsed.number);
  type Outcome = { kind: 'locked'; wait: number } | { kind: 'ok'; tipId: number } | { kind: 'failed' };
  const outcome = await ctx.followUps.run(async (tx, note): Promise<Outcome> => {
    // One round trip: create or lock this number's counter (ON CONFLICT … DO UPDATE locks the row until COMMIT,
    // so parallel guesses at one number queue up) and look the tip up beside it.
    const [row] = await tx.query<{ failures: number; wait: number; id: number | null; passphrase_mac: string | null; passphrase_kind: PassphraseKind | null }>(
      `WITH counter AS (
         INSERT INTO tip_access_throttle (number_key) VALUES ($1)
         ON CONFLICT (number_key) DO UPDATE SET number_key = EXCLUDED.number_key RETURNING failures, locked_until)
       SELECT c.failures, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (c.locked_until - now()))))::int AS wait, t.id, t.passphrase_mac, t.passphrase_kind
       FROM counter c LEFT JOIN tips t ON t.number = $2`, [key, parsed.number]);
    if (row.wait > 0) return { kind: 'locked', wait: row.wait };
    // Unknown numbers (and text tips, which have no passphrase) compare against a stand-in: same work, no match.
    const candidate = passphraseMac(ctx.keys, parsed.number, passphrase, row.passphrase_kind ?? 'generated');
    const matches = sameMac(candidate, row.passphrase_mac ?? ABSENT_MAC);
    if (matches && row.id !== null && row.passphrase_mac !== null) {
      await tx.query('DELETE FROM tip_access_throttle WHERE number_key = $1', [key]);
      note({ action: 'tips.follow_up', tipId: row.id });
      return { kind: 'ok', tipId: row.id };
    }
    const failures = row.failures + 1;
    const wait = waitAfter(failures);
    await tx.query(
      `UPDATE tip_access_throttle SET failures = $2, last_failure_at = now(),
         locked_until = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3::int) ELSE NULL END
       WHERE number_key = $1`, [key, failures, wait]);
    return { kind: 'failed' };
  });
  if (outcome.kind === 'locked') throw throttled(outcome.wait);
  // Counters of numbers nobody tried for a day are forgotten by the 'tips.forget-counters' job.
  if (outcome.kind === 'failed') throw denied();
  const access = issueAccessToken(ctx.keys, outcome.tipId, ctx.settings.accessMinutes);
  return { accessToken: access.token, expiresAt: access.expiresAt };
}
