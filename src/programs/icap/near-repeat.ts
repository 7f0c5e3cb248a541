/**
 * How far and how long the risk of another shooting is raised after one, from the city's own shootings:
 * a Knox test (100 m × 4 bands, 7 days × 4 bands) over the two years before, as in Ratcliffe & Rengert's
 * study of Philadelphia shootings (2008), which found raised risk within about a block for two weeks.
 * The radius is the farthest band with a significant, meaningful excess starting in the first week; the
 * window is how many consecutive weeks it lasts.
 */
import type { Db, Queryable } from '../../db/types.js';
import { knoxTest, summarizeKnox, type KnoxResult } from '../../analytics/index.js';

export const SHOOTING_CATEGORIES = ['shooting', 'homicide'];
const BAND_M = 100;
const BANDS = 4;
const WEEK_DAYS = 7;
const WEEKS = 4;
const ALPHA = 0.05;
const MIN_RATIO = 1.2;
/** Used when the data show no pattern (or are too few): one block, two weeks. */
export const DEFAULT_RISK = { radiusM: 100, windowDays: 14 };
const DAY_MS = 86_400_000;
const STALE_MS = 7 * DAY_MS;

export interface NearRepeatProfile {
  computedAt: Date;
  dataFrom: Date;
  dataTo: Date;
  events: number;
  radiusM: number;
  windowDays: number;
  significant: boolean;
  sentences: string[];
  table: Pick<KnoxResult, 'distanceBands' | 'timeBands' | 'knoxRatio' | 'pValue'>;
}

/** Radius and window from a Knox table: the farthest band whose first weeks are significant, and how long. */
export function riskFromKnox(result: KnoxResult): { radiusM: number; windowDays: number; significant: boolean } {
  let radiusM = 0;
  let windowDays = 0;
  // Rows: 0 same location, 1..BANDS distance bands, last "more than" (never counts).
  for (let row = 0; row <= BANDS; row++) {
    let weeks = 0;
    while (weeks < WEEKS && result.pValue[row][weeks] <= ALPHA && result.knoxRatio[row][weeks] >= MIN_RATIO) weeks++;
    if (weeks === 0) continue;
    radiusM = Math.max(radiusM, Math.max(1, row) * BAND_M);
    windowDays = Math.max(windowDays, weeks * WEEK_DAYS);
  }
  if (radiusM === 0) return { ...DEFAULT_RISK, significant: false };
  return { radiusM, windowDays, significant: true };
}

/** Runs the Knox test on the agency's shootings of the two years before `asOf`. */
export async function computeProfile(q: Queryable, agencyId: number, asOf: Date): Promise<NearRepeatProfile> {
  const dataFrom = new Date(asOf.getTime() - 730 * DAY_MS);
  const rows = await q.query<{ x: number; y: number; t: number }>(
    `SELECT x, y, extract(epoch FROM occurred_at) / 86400 AS t FROM incidents
      WHERE agency_id = $1 AND category = ANY($2::text[]) AND occurred_at >= $3 AND occurred_at < $4`,
    [agencyId, SHOOTING_CATEGORIES, dataFrom, asOf]);
  const base = { computedAt: new Date(), dataFrom, dataTo: asOf, events: rows.length };
  if (rows.length < 30) {
    return { ...base, ...DEFAULT_RISK, significant: false, sentences: ['Too few shootings to test for a near-repeat pattern; using one block and two weeks.'], table: { distanceBands: [], timeBands: [], knoxRatio: [], pValue: [] } };
  }
  const result = knoxTest(
    Float64Array.from(rows, (r) => r.x), Float64Array.from(rows, (r) => r.y), Float64Array.from(rows, (r) => Math.floor(Number(r.t))),
    { spatialBandwidth: BAND_M, spatialBands: BANDS, temporalBandwidth: WEEK_DAYS, temporalBands: WEEKS, iterations: 99, seed: 1 },
  );
  const risk = riskFromKnox(result);
  const { sentences } = summarizeKnox(result, { alpha: ALPHA, minRatio: MIN_RATIO });
  return {
    ...base, ...risk, sentences,
    table: { distanceBands: result.distanceBands, timeBands: result.timeBands, knoxRatio: result.knoxRatio, pValue: result.pValue },
  };
}

interface ProfileRow { computed_at: Date; data_from: Date; data_to: Date; events: number; radius_m: number; window_days: number; significant: boolean; details: Pick<NearRepeatProfile, 'sentences' | 'table'> }

export async function loadProfile(q: Queryable, agencyId: number): Promise<NearRepeatProfile | null> {
  const [r] = await q.query<ProfileRow>('SELECT * FROM icap_near_repeat WHERE agency_id = $1', [agencyId]);
  if (!r) return null;
  return { computedAt: r.computed_at, dataFrom: r.data_from, dataTo: r.data_to, events: r.events, radiusM: r.radius_m, windowDays: r.window_days, significant: r.significant, ...r.details };
}

export async function saveProfile(q: Queryable, agencyId: number, p: NearRepeatProfile): Promise<void> {
  await q.query(
    `INSERT INTO icap_near_repeat (agency_id, computed_at, data_from, data_to, events, radius_m, window_days, significant, details)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (agency_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, data_from = EXCLUDED.data_from, data_to = EXCLUDED.data_to,
       events = EXCLUDED.events, radius_m = EXCLUDED.radius_m, window_days = EXCLUDED.window_days, significant = EXCLUDED.significant, details = EXCLUDED.details`,
    [agencyId, p.computedAt, p.dataFrom, p.dataTo, p.events, p.radiusM, p.windowDays, p.significant, JSON.stringify({ sentences: p.sentences, table: p.table })]);
}

/**
 * The stored profile, recomputed when missing or a week old. `asOf` is the end of the data to use: the
 * newest incident when the data stop before today (as the demo's do), so the test is not run on nothing.
 */
export async function ensureProfile(db: Db, agencyId: number, now = new Date()): Promise<NearRepeatProfile> {
  const stored = await loadProfile(db, agencyId);
  if (stored && now.getTime() - stored.computedAt.getTime() < STALE_MS) return stored;
  const [newest] = await db.query<{ at: Date | null }>('SELECT max(occurred_at) AS at FROM incidents WHERE agency_id = $1 AND category = ANY($2::text[])', [agencyId, SHOOTING_CATEGORIES]);
  const asOf = newest.at && newest.at < now ? new Date(newest.at.getTime() + 1000) : now;
  const profile = await computeProfile(db, agencyId, asOf);
  await saveProfile(db, agencyId, profile);
  return profile;
}
