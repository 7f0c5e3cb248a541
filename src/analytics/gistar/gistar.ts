/**
 * Getis–Ord Gi* hot-spot statistic on a grid (Getis & Ord 1992; Ord & Getis 1995), in the spirit of
 * ArcGIS "Optimized Hot Spot Analysis": binary weights within a fixed distance band (the cell itself
 * included — that is the star), z-scores, two-sided p-values, False Discovery Rate correction, and
 * confidence classes ±3/±2/±1 for hot/cold spots at 99/95/90%.
 *
 *   Gi*_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √[(n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)])
 * with X̄ and S the mean and (population) sd of the n cells in the study area.
 */
import type { Grid } from '../grid/grid.js';
import { twoSidedP } from '../util/normal.js';
import { benjaminiHochberg } from './fdr.js';
import { bandSummer } from './band-sums.js';

/** Options of {@link getisOrdGiStar}. */
export interface GiStarOptions {
  /** Neighbourhood radius between cell centres, metres (default 2 cell sizes). */
  distanceBand?: number;
  /** Cells taking part (default all). Cells outside get NaN and class 0. */
  mask?: Uint8Array;
  /** Apply Benjamini–Hochberg FDR before classing (default true, as ArcGIS's optimized tool does). */
  fdr?: boolean;
}

/** Gi* output per cell. */
export interface GiStarResult {
  z: Float64Array;
  p: Float64Array;
  /** BH-adjusted p (equal to p when fdr is false). */
  q: Float64Array;
  /** +3/+2/+1 hot spot at 99/95/90% confidence, −3/−2/−1 cold spot, 0 not significant. */
  confidence: Int8Array;
  distanceBand: number;
  /** Mean number of neighbours (including the cell itself) over the study area. */
  meanNeighbours: number;
}

/** Computes Gi* for the values on a grid (counts, rates, densities). */
export function getisOrdGiStar(grid: Grid, values: Float64Array, options: GiStarOptions = {}): GiStarResult {
  const { nx, ny, cellSize } = grid;
  const band = options.distanceBand ?? 2 * cellSize;
  const mask = options.mask;
  const inside = (c: number): boolean => !mask || mask[c] === 1;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let c = 0; c < nx * ny; c++) {
    if (!inside(c)) continue;
    n++;
    sum += values[c];
    sum2 += values[c] * values[c];
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  const { sum: local, count } = bandSummer(grid, values, mask)(band);
  const z = new Float64Array(nx * ny).fill(Number.NaN);
  const p = new Float64Array(nx * ny).fill(Number.NaN);
  let neighbourTotal = 0;
  for (let c = 0; c < nx * ny; c++) {
    if (!inside(c)) continue;
    const w = count[c];
    neighbourTotal += w;
    // Binary weights: Σw² = Σw.
    const denom = s * Math.sqrt((n * w - w * w) / (n - 1));
    const zi = denom > 0 ? (local[c] - mean * w) / denom : 0;
    z[c] = zi;
    p[c] = twoSidedP(zi);
  }
  const q = options.fdr === false ? Float64Array.from(p) : benjaminiHochberg(p);
  const confidence = new Int8Array(nx * ny);
  for (let c = 0; c < nx * ny; c++) {
    if (Number.isNaN(q[c])) continue;
    const level = q[c] <= 0.01 ? 3 : q[c] <= 0.05 ? 2 : q[c] <= 0.1 ? 1 : 0;
    confidence[c] = z[c] > 0 ? level : -level;
  }
  return { z, p, q, confidence, distanceBand: band, meanNeighbours: neighbourTotal / n };
}
