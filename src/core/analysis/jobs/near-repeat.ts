/**
 * The near-repeat (Knox) test as the product runs it: band edges as analysts write them, the permutations
 * split into shards that can run on separate threads, and the shards merged into one table.
 *
 * Sharding: shard k runs its share of the permutations with its own seed deriveSeed(seed, k). The number
 * of shards is fixed (KNOX_SHARDS), not the number of threads, so a given seed gives the same table whether
 * the shards ran side by side or one after the other (the API's pool may have one worker, the CLI two).
 */
import { deriveSeed, knoxTest, summarizeKnox, type DistanceMetric, type KnoxOptions, type KnoxResult, type KnoxSummary } from '../../../analytics/index.js';
import { badRequest } from '../../errors.js';

/** Permutation shards of every Knox run. Two: the speed budget asked for two threads. */
export const KNOX_SHARDS = 2;

/** Equal bands given by their upper edges ("100,200,300"): width and count. */
export interface Bands {
  width: number;
  count: number;
}

/**
 * Reads upper band edges. The Knox table has bands of one width (as the Near Repeat Calculator does), so
 * the edges must be w, 2w, 3w…; anything else is refused with the edges that would work.
 */
export function bandsFromEdges(edges: readonly number[], field: string, unit: string): Bands {
  if (edges.length === 0 || edges.some((e) => !(Number.isFinite(e) && e > 0))) {
    throw badRequest(`${field}: give positive upper edges in ${unit}, e.g. 100,200,300.`, { field });
  }
  const width = edges[0];
  edges.forEach((edge, k) => {
    if (Math.abs(edge - width * (k + 1)) > 1e-9 * width) {
      const example = edges.map((_, j) => width * (j + 1)).join(',');
      throw badRequest(`${field}: bands must all be ${width} ${unit} wide (upper edges ${example}); ${edges.join(',')} is not.`, { field });
    }
  });
  if (edges.length > 20) throw badRequest(`${field}: at most 20 bands.`, { field });
  return { width, count: edges.length };
}

export interface NearRepeatParams {
  distance: Bands;
  time: Bands;
  iterations: number;
  seed: number;
  metric: DistanceMetric;
  nrcCompatible: boolean;
}

/** The options of each shard: its share of the iterations and its own seed. */
export function knoxShardOptions(params: NearRepeatParams, shards = KNOX_SHARDS): KnoxOptions[] {
  return Array.from({ length: shards }, (_, k) => ({
    spatialBandwidth: params.distance.width,
    spatialBands: params.distance.count,
    temporalBandwidth: params.time.width,
    temporalBands: params.time.count,
    distance: params.metric,
    iterations: Math.floor(params.iterations / shards) + (k < params.iterations % shards ? 1 : 0),
    seed: deriveSeed(params.seed, k),
    nrcCompatible: params.nrcCompatible,
  }));
}

/**
 * Merges shard results. Observed tables are identical (same events); expected counts are averaged over all
 * permutations; the count of permutations at least as large as observed is recovered from each shard's
 * p = (1 + count) / (iterations + 1) and summed, giving the p-value of the whole run.
 */
export function mergeKnox(parts: readonly KnoxResult[]): KnoxResult {
  const ran = parts.filter((p) => p.iterations > 0);
  const first = parts[0];
  const total = ran.reduce((n, p) => n + p.iterations, 0);
  const rows = first.observed.length;
  const cols = first.observed[0].length;
  const cell = (f: (r: number, c: number) => number): number[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
  const expectedMean = cell((r, c) => (total > 0 ? ran.reduce((s, p) => s + p.expectedMean[r][c] * p.iterations, 0) / total : 0));
  const atLeast = cell((r, c) => ran.reduce((s, p) => s + Math.round(p.pValue[r][c] * (p.iterations + 1) - 1), 0));
  return {
    ...first,
    expectedMean,
    knoxRatio: cell((r, c) => (expectedMean[r][c] > 0 ? first.observed[r][c] / expectedMean[r][c] : Number.NaN)),
    pValue: cell((r, c) => (1 + atLeast[r][c]) / (total + 1)),
    iterations: total,
  };
}

/** Times as whole local dates, as the Near Repeat Calculator reads them ("2 days" = calendar days apart). */
export function wholeDays(t: Float64Array): Float64Array {
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = Math.floor(t[i]);
  return out;
}

/** The report: the table, how it was run, and the plain-language summary. */
export interface NearRepeatReport extends KnoxResult {
  seed: number;
  shards: number;
  metric: DistanceMetric;
  alpha: number;
  summary: KnoxSummary;
}

export function nearRepeatReport(merged: KnoxResult, params: NearRepeatParams, alpha = 0.05): NearRepeatReport {
  return { ...merged, seed: params.seed, shards: KNOX_SHARDS, metric: params.metric, alpha, summary: summarizeKnox(merged, { alpha }) };
}

/** Runs every shard in this thread (tests, tiny inputs); the service runs them through the pool. */
export function knoxInline(x: Float64Array, y: Float64Array, t: Float64Array, params: NearRepeatParams): KnoxResult {
  return mergeKnox(knoxShardOptions(params).map((options) => knoxTest(x, y, t, options)));
}
