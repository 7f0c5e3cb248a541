/**
 * Choosing the Gi* distance band from the data, as ArcGIS's "Optimized Hot Spot Analysis" does with
 * Incremental Spatial Autocorrelation: global Moran's I of the cell values is computed for a series of
 * increasing distance bands, and the first band where its z-score peaks is the scale at which clustering is
 * most pronounced. When the z-scores never peak (clustering keeps growing with distance, or there is none),
 * the band falls back to the distance that gives each cell about 30 neighbours, the optimized tool's own
 * fallback (its "average distance to 30 nearest neighbours").
 *
 * Moran's I with binary weights (cells within the band, the cell itself excluded), the z-score under the
 * randomization assumption (Cliff & Ord 1981), on the same band sums as Gi* (band-sums.ts).
 */
import type { Grid } from '../grid/grid.js';
import { bandSummer } from './band-sums.js';

/** Moran's I at one distance band. */
export interface MoranAtBand {
  /** Band radius in metres (between cell centres). */
  band: number;
  /** Moran's I. */
  i: number;
  /** z-score of I (randomization); NaN when undefined (no variance, or no neighbours). */
  z: number;
  /** Mean number of neighbours per cell (the cell itself excluded). */
  meanNeighbours: number;
}

/** How the band was chosen. */
export interface DistanceBandChoice {
  band: number;
  /** Moran's I z at the chosen band ('peak' only; null for the fallback, which was not scanned). */
  z: number | null;
  /** 'peak': the first statistically significant peak of the z-scores; 'neighbours': the 30-neighbour fallback. */
  rule: 'peak' | 'neighbours';
  /** Every band scanned, smallest first. */
  scan: MoranAtBand[];
}

/** Options of {@link chooseDistanceBand}. */
export interface DistanceBandOptions {
  mask?: Uint8Array;
  /** Bands scanned: 1..maxCells cell sizes (default 10). */
  maxCells?: number;
  /** A peak must have at least this z (default 1.96, significant at 95%). */
  minZ?: number;
}

/** Global Moran's I of `values` for binary weights within `band` metres. */
export function moransI(grid: Grid, values: Float64Array, band: number, mask?: Uint8Array): MoranAtBand {
  return moranScanner(grid, values, mask)(band);
}

/**
 * Prepares the mean, moments and band sums once, and returns Moran's I for any band: a scan of ten bands
 * then costs ten passes over the cells, not ten preparations.
 */
function moranScanner(grid: Grid, values: Float64Array, mask?: Uint8Array): (band: number) => MoranAtBand {
  const inside = (c: number): boolean => !mask || mask[c] === 1;
  let n = 0;
  let total = 0;
  for (let c = 0; c < values.length; c++) if (inside(c)) { n++; total += values[c]; }
  const mean = n > 0 ? total / n : 0;
  let m2 = 0;
  let m4 = 0;
  for (let c = 0; c < values.length; c++) {
    if (!inside(c)) continue;
    const z = values[c] - mean;
    m2 += z * z;
    m4 += z ** 4;
  }
  const sums = bandSummer(grid, values, mask);
  return (band: number): MoranAtBand => {
    const { sum, count } = sums(band);
    let s0 = 0;
    let sumK2 = 0;
    let cross = 0;
    for (let c = 0; c < values.length; c++) {
      if (!inside(c)) continue;
      const z = values[c] - mean;
      // Neighbours exclude the cell itself: the band's sum of deviations, less its own.
      const k = count[c] - 1;
      const lag = sum[c] - mean * count[c] - z;
      cross += z * lag;
      s0 += k;
      sumK2 += k * k;
    }
    const meanNeighbours = n > 0 ? s0 / n : 0;
    if (n < 4 || s0 === 0 || m2 === 0) return { band, i: Number.NaN, z: Number.NaN, meanNeighbours };
    const i = (n / s0) * (cross / m2);
    const expected = -1 / (n - 1);
    // Binary symmetric weights: S1 = ½Σ(w_ij + w_ji)² = 2·S0, S2 = Σ_i (w_i· + w_·i)² = 4·Σ k_i².
    const s1 = 2 * s0;
    const s2 = 4 * sumK2;
    const b2 = (n * m4) / (m2 * m2);
    const variance =
      (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)) /
        ((n - 1) * (n - 2) * (n - 3) * s0 * s0) -
      expected * expected;
    return { band, i, z: variance > 0 ? (i - expected) / Math.sqrt(variance) : Number.NaN, meanNeighbours };
  };
}

/** Scans bands of 1..maxCells cells and picks the Gi* distance band (see the module comment). */
export function chooseDistanceBand(grid: Grid, values: Float64Array, options: DistanceBandOptions = {}): DistanceBandChoice {
  const maxCells = options.maxCells ?? 10;
  const minZ = options.minZ ?? 1.96;
  const moran = moranScanner(grid, values, options.mask);
  const scan: MoranAtBand[] = [];
  for (let k = 1; k <= maxCells; k++) scan.push(moran(k * grid.cellSize));
  for (let k = 0; k < scan.length; k++) {
    const z = scan[k].z;
    if (!(z >= minZ)) continue;
    const finite = (v: number): number => (Number.isNaN(v) ? -Infinity : v);
    const before = k > 0 ? finite(scan[k - 1].z) : -Infinity;
    const after = k + 1 < scan.length ? finite(scan[k + 1].z) : Infinity; // the last band is no peak: the next is unknown
    if (z > before && z > after) return { band: scan[k].band, z, rule: 'peak', scan };
  }
  // About 30 neighbours: a disc of π r² cells holds 31 cells (30 + itself) at r = √(31/π) cells.
  return { band: Math.round(Math.sqrt(31 / Math.PI) * grid.cellSize), z: null, rule: 'neighbours', scan };
}
