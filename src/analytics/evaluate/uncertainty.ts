/**
 * How sure a backtest's means are. A weekly hit rate swings widely from one week to the next (a week
 * with 20 shootings scores in steps of 5%), so two models' means can differ by a point without either
 * being better. Analysts choosing a model need the interval, and above all the PAIRED difference:
 * both models are scored on the same weeks, so the week-to-week swing that hits both cancels out.
 *
 * Intervals are Student-t intervals of a mean over steps, treating steps as independent. Consecutive
 * weeks are mildly correlated in practice, so read the intervals as a lower bound on the uncertainty.
 */
import { normalQuantile } from '../util/normal.js';

/** A mean with its standard error and a two-sided confidence interval. */
export interface MeanInterval {
  mean: number;
  /** Standard error of the mean (0 when n < 2). */
  se: number;
  /** Interval bounds; equal to the mean when n < 2 (nothing to say). */
  low: number;
  high: number;
  /** Number of values. */
  n: number;
}

/**
 * Quantile of Student's t with `df` degrees of freedom (Cornish–Fisher expansion around the normal
 * quantile; within 0.2% of the exact value for df ≥ 3 at the usual levels, exact in the limit).
 */
export function studentTQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df)) return z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Mean, standard error and `level` (default 95%) t-interval of a list of values. */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: 0, se: 0, low: 0, high: 0, n: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { mean, se: 0, low: mean, high: mean, n };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * se;
  return { mean, se, low: mean - half, high: mean + half, n };
}

/**
 * Interval of the mean difference a − b over paired values (the same steps scored by two models).
 * The arrays must have the same length.
 */
export function pairedDifference(a: readonly number[], b: readonly number[], level = 0.95): MeanInterval {
  if (a.length !== b.length) throw new RangeError(`paired values must have the same length, got ${a.length} and ${b.length}`);
  return meanInterval(a.map((v, i) => v - b[i]), level);
}

/** What {@link compareBacktests} needs of a backtest: its steps (BacktestResult and the API report both fit). */
export interface ScoredSteps {
  steps: readonly { events: number; hitRate: readonly number[] }[];
}

/** One model's hit rates with intervals, and its paired difference from the best model, per coverage. */
export interface HitRateComparison {
  /** Mean hit rate per coverage with its interval (over steps with events). */
  hitRate: MeanInterval[];
  /** Per coverage: this model minus the best model (null for the best model itself). */
  versusBest: (MeanInterval | null)[];
  /** Per coverage: true for the model with the highest mean hit rate (the first one on a tie). */
  best: boolean[];
}

/**
 * Compares models backtested over the same steps: per coverage, the model with the highest mean hit rate
 * and every other model's paired difference from it. A difference whose interval contains 0 means the
 * backtest cannot tell the two apart.
 */
export function compareBacktests(results: readonly ScoredSteps[], level = 0.95): HitRateComparison[] {
  if (results.length === 0) return [];
  const scored = results.map((r) => r.steps.filter((s) => s.events > 0));
  const n = scored[0].length;
  for (const s of scored) if (s.length !== n) throw new RangeError('compareBacktests needs results over the same steps');
  const coverages = scored[0][0]?.hitRate.length ?? 0;
  const column = (m: number, j: number): number[] => scored[m].map((s) => s.hitRate[j]);
  const intervals = results.map((_, m) => Array.from({ length: coverages }, (_, j) => meanInterval(column(m, j), level)));
  const bestOf = Array.from({ length: coverages }, (_, j) => {
    let best = 0;
    for (let m = 1; m < results.length; m++) if (intervals[m][j].mean > intervals[best][j].mean) best = m;
    return best;
  });
  return results.map((_, m) => ({
    hitRate: intervals[m],
    versusBest: bestOf.map((b, j) => (b === m ? null : pairedDifference(column(m, j), column(b, j), level))),
    best: bestOf.map((b) => b === m),
  }));
}
