/**
 * The Knox test for near-repeat victimisation, as in Ratcliffe's Near Repeat Calculator (NRC): every pair
 * of events is classified by spatial and temporal distance; the observed table is compared with tables
 * from Monte Carlo permutations of the event times across locations.
 *
 * Why it is fast: permuting times keeps the multiset of times, so the temporal distribution of ALL pairs
 * is the same in every permutation. Only pairs within the largest spatial band change table cells; the
 * "more than" spatial row is (all pairs in that time column) − (close pairs in that column). So the close
 * pairs are enumerated once (grid bucketing) and each permutation re-bins only their time differences.
 */
import { createRng, deriveSeed, shuffleInPlace } from '../util/prng.js';
import {
  type BandSpec,
  maxCloseDistance,
  spatialBandOf,
  spatialLabels,
  spatialRowCount,
  temporalBandOf,
  temporalColumnCount,
  temporalLabels,
  temporalUpperBounds,
} from './bands.js';
import { closePairs, type DistanceMetric } from './pairs.js';

/** Options of {@link knoxTest}. */
export interface KnoxOptions {
  /** Width of each spatial band (metres). */
  spatialBandwidth: number;
  /** Number of spatial bands besides "same location" and "more than". */
  spatialBands: number;
  /** Width of each temporal band (days). */
  temporalBandwidth: number;
  /** Number of temporal bands besides "more than". */
  temporalBands: number;
  /** 'euclidean' (default) or 'manhattan'. */
  distance?: DistanceMetric;
  /** Monte Carlo permutations (default 999, so the smallest p-value is 0.001). */
  iterations?: number;
  /** Seed of the permutations (default 1). Results do not depend on input order or machine. */
  seed?: number;
  /** Reproduce the NRC's boundary conventions (see bands.ts). Default false. */
  nrcCompatible?: boolean;
  /** Distances up to this count as the same location (default 0, as in the NRC). */
  sameLocationTolerance?: number;
}

/** Result of {@link knoxTest}; rows are spatial bands, columns temporal bands. */
export interface KnoxResult {
  distanceBands: string[];
  timeBands: string[];
  observed: number[][];
  expectedMean: number[][];
  /** observed / expectedMean (NaN where nothing is expected). */
  knoxRatio: number[][];
  /** (1 + #{permutations ≥ observed}) / (iterations + 1), as the NRC computes it. */
  pValue: number[][];
  iterations: number;
  events: number;
  /** Pairs within the largest spatial band (the work per permutation). */
  closePairs: number;
  nrcCompatible: boolean;
}

/**
 * Runs the Knox test. `t` is in days (integer dates as the NRC uses them, or fractional days).
 * Deterministic for a given seed: events are put in a canonical order first, and permutation k always
 * uses the stream deriveSeed(seed, k).
 */
export function knoxTest(x: Float64Array, y: Float64Array, t: Float64Array, options: KnoxOptions): KnoxResult {
  const n = x.length;
  if (y.length !== n || t.length !== n) throw new RangeError('x, y and t must have the same length');
  const spec: BandSpec = {
    spatialBandwidth: options.spatialBandwidth,
    spatialBands: options.spatialBands,
    temporalBandwidth: options.temporalBandwidth,
    temporalBands: options.temporalBands,
    nrcCompatible: options.nrcCompatible ?? false,
    sameLocationTolerance: options.sameLocationTolerance ?? 0,
  };
  if (!(spec.spatialBandwidth > 0 && spec.temporalBandwidth > 0) || spec.spatialBands < 1 || spec.temporalBands < 1) {
    throw new RangeError('bandwidths must be positive and there must be at least one band of each kind');
  }
  const iterations = options.iterations ?? 999;
  const seed = options.seed ?? 1;
  const rows = spatialRowCount(spec);
  const cols = temporalColumnCount(spec);
  const closeRows = rows - 1; // every row but "more than" is counted pair by pair

  const { cx, cy, ct } = canonicalOrder(x, y, t);
  const pairs = closePairs(cx, cy, maxCloseDistance(spec), options.distance ?? 'euclidean');
  // Keep only pairs that land in a close row (NRC mode excludes d = S·h exactly), stored compactly as
  // CSR by first event: the hot loop then reads 5 bytes per pair and each first event's time once.
  const offsets = new Int32Array(n + 1);
  for (let p = 0; p < pairs.count; p++) if (spatialBandOf(spec, pairs.distance[p]) < closeRows) offsets[pairs.a[p] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const m = offsets[n];
  const pb = new Int32Array(m);
  const prow = new Uint8Array(m);
  const fill = offsets.slice(0, n);
  for (let p = 0; p < pairs.count; p++) {
    const row = spatialBandOf(spec, pairs.distance[p]);
    if (row >= closeRows) continue;
    const k = fill[pairs.a[p]]++;
    pb[k] = pairs.b[p];
    prow[k] = row * cols;
  }
  if ((closeRows + 1) * cols > 255) throw new RangeError('too many bands (at most 255 table cells)');

  const columnTotals = allPairsByColumn(ct, spec);
  const rule = columnRule(ct, spec);
  const observedClose = tallyClose(rule, offsets, pb, prow, spec, cols, closeRows);
  const observed = fullTable(observedClose, columnTotals, rows, cols);

  const sum = new Float64Array(rows * cols);
  const atLeast = new Float64Array(rows * cols);
  const base = rule.times;
  const permuted: ColumnRule = { times: base instanceof Int32Array ? new Int32Array(n) : new Float64Array(n), lookup: rule.lookup };
  for (let k = 0; k < iterations; k++) {
    permuted.times.set(base);
    shuffleInPlace(permuted.times, createRng(deriveSeed(seed, k)));
    const table = fullTable(tallyClose(permuted, offsets, pb, prow, spec, cols, closeRows), columnTotals, rows, cols);
    for (let c = 0; c < rows * cols; c++) {
      sum[c] += table[c];
      if (table[c] >= observed[c]) atLeast[c]++;
    }
  }

  const toMatrix = (f: (c: number) => number): number[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, j) => f(r * cols + j)));
  const expected = (c: number): number => sum[c] / Math.max(1, iterations);
  return {
    distanceBands: spatialLabels(spec),
    timeBands: temporalLabels(spec),
    observed: toMatrix((c) => observed[c]),
    expectedMean: toMatrix(expected),
    knoxRatio: toMatrix((c) => (expected(c) > 0 ? observed[c] / expected(c) : Number.NaN)),
    pValue: toMatrix((c) => (1 + atLeast[c]) / (iterations + 1)),
    iterations,
    events: n,
    closePairs: m,
    nrcCompatible: spec.nrcCompatible,
  };
}

/**
 * Sorts events by (x, y, t). Identical events are interchangeable, so any input order of the same events
 * yields the same arrays and hence the same permutations: the result is invariant to input order.
 */
function canonicalOrder(x: Float64Array, y: Float64Array, t: Float64Array): { cx: Float64Array; cy: Float64Array; ct: Float64Array } {
  const n = x.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((i, j) => x[i] - x[j] || y[i] - y[j] || t[i] - t[j]);
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  const ct = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    cx[k] = x[idx[k]];
    cy[k] = y[idx[k]];
    ct[k] = t[idx[k]];
  }
  return { cx, cy, ct };
}

/**
 * How a time difference maps to a column. When every time is a whole number of days (the NRC's input),
 * differences are small integers and a lookup table replaces the division in the hot loop.
 */
interface ColumnRule {
  times: Float64Array | Int32Array;
  lookup: Int32Array | null;
}

function columnRule(t: Float64Array, spec: BandSpec): ColumnRule {
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < t.length; i++) {
    if (t[i] < min) min = t[i];
    if (t[i] > max) max = t[i];
    if (integral && !Number.isInteger(t[i])) integral = false;
  }
  if (!integral || max - min > 5_000_000) return { times: t, lookup: null };
  const lookup = new Int32Array(max - min + 1);
  for (let dt = 0; dt < lookup.length; dt++) lookup[dt] = temporalBandOf(spec, dt);
  const times = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) times[i] = t[i] - min;
  return { times, lookup };
}

/** Close-pair counts per (row, column) for one assignment of times. Rows ≥ closeRows stay zero. */
function tallyClose(
  rule: ColumnRule,
  offsets: Int32Array,
  pb: Int32Array,
  prow: Uint8Array,
  spec: BandSpec,
  cols: number,
  closeRows: number,
): Float64Array {
  const counts = new Int32Array(closeRows * cols);
  if (rule.lookup && rule.times instanceof Int32Array) tallyLookup(rule.times, rule.lookup, offsets, pb, prow, counts);
  else if (rule.times instanceof Float64Array) tallyDivide(rule.times, offsets, pb, prow, spec, counts);
  const out = new Float64Array((closeRows + 1) * cols);
  for (let c = 0; c < counts.length; c++) out[c] = counts[c];
  return out;
}

// The two loops below are the whole cost of the test; each is kept monomorphic (one array type) so V8
// compiles it to tight machine code.
function tallyLookup(t: Int32Array, lookup: Int32Array, offsets: Int32Array, pb: Int32Array, prow: Uint8Array, counts: Int32Array): void {
  const n = offsets.length - 1;
  for (let a = 0; a < n; a++) {
    const ta = t[a];
    const end = offsets[a + 1];
    for (let k = offsets[a]; k < end; k++) {
      let dt = ta - t[pb[k]];
      if (dt < 0) dt = -dt;
      counts[prow[k] + lookup[dt]]++;
    }
  }
}

/** bands.ts temporalBandOf, inlined for both conventions. */
function tallyDivide(t: Float64Array, offsets: Int32Array, pb: Int32Array, prow: Uint8Array, spec: BandSpec, counts: Int32Array): void {
  const T = spec.temporalBands;
  const h = spec.temporalBandwidth;
  const nrc = spec.nrcCompatible;
  const n = offsets.length - 1;
  for (let a = 0; a < n; a++) {
    const ta = t[a];
    const end = offsets[a + 1];
    for (let k = offsets[a]; k < end; k++) {
      const dt = Math.abs(ta - t[pb[k]]);
      let c = nrc ? Math.floor(dt / h) : Math.ceil(dt / h) - 1;
      if (c < 0) c = 0;
      counts[prow[k] + (c > T ? T : c)]++;
    }
  }
}

/** Adds the "more than" row: all pairs in each column minus the close pairs in it. */
function fullTable(close: Float64Array, columnTotals: Float64Array, rows: number, cols: number): Float64Array {
  const table = close;
  for (let j = 0; j < cols; j++) {
    let closeSum = 0;
    for (let r = 0; r < rows - 1; r++) closeSum += table[r * cols + j];
    table[(rows - 1) * cols + j] = columnTotals[j] - closeSum;
  }
  return table;
}

/**
 * Number of pairs (over all n(n−1)/2) in each temporal column, from sorted times with two pointers:
 * O(n) per boundary instead of O(n²).
 */
function allPairsByColumn(t: Float64Array, spec: BandSpec): Float64Array {
  const sorted = Float64Array.from(t).sort();
  const n = sorted.length;
  const { bounds, inclusive } = temporalUpperBounds(spec);
  const cumulative: number[] = [];
  for (const b of bounds) {
    let total = 0;
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (j < i + 1) j = i + 1;
      while (j < n && (inclusive ? sorted[j] - sorted[i] <= b : sorted[j] - sorted[i] < b)) j++;
      total += j - i - 1;
    }
    cumulative.push(total);
  }
  const allPairs = (n * (n - 1)) / 2;
  const out = new Float64Array(bounds.length + 1);
  let previous = 0;
  for (let k = 0; k < bounds.length; k++) {
    out[k] = cumulative[k] - previous;
    previous = cumulative[k];
  }
  out[bounds.length] = allPairs - previous;
  return out;
}
