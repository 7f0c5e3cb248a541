/**
 * Variable-bandwidth (adaptive) Gaussian kernel surface: each event gets sd = clamp(d_k, min, max), d_k the
 * distance to its k-th nearest neighbour. Events are grouped into geometric bandwidth classes (ratio
 * `classRatio`) and each class is smoothed with one binned Gaussian, so the cost is a handful of
 * separable convolutions instead of one kernel per event.
 */
import type { Grid } from '../grid/grid.js';
import { kthNeighbourDistance } from '../util/knn.js';
import { binEvents, kernelRadiusCells, smoothBinned } from './kde.js';

/** Options of {@link adaptiveGaussianSurface}. */
export interface AdaptiveKdeOptions {
  /** Neighbour rank for the bandwidth (default 10). */
  k?: number;
  /** Smallest sd in metres (default 50). */
  minBandwidth?: number;
  /** Largest sd in metres (default 2000). */
  maxBandwidth?: number;
  /** Ratio between successive bandwidth classes (default 1.25, i.e. ≤ 12% bandwidth error). */
  classRatio?: number;
  /** Per-event bandwidths (metres) to use instead of the k-NN rule. */
  bandwidths?: Float64Array;
}

/** Adaptive Gaussian surface in (weighted) events per cell. */
export function adaptiveGaussianSurface(
  grid: Grid,
  x: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  options: AdaptiveKdeOptions = {},
): Float64Array {
  const minBw = options.minBandwidth ?? 50;
  const maxBw = options.maxBandwidth ?? 2000;
  const ratio = options.classRatio ?? 1.25;
  const h = options.bandwidths ?? kthNeighbourDistance(x, y, options.k ?? 10);
  const logR = Math.log(ratio);
  const classes = Math.max(1, Math.ceil(Math.log(maxBw / minBw) / logR) + 1);
  const classOf = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const bw = Math.min(maxBw, Math.max(minBw, Number.isFinite(h[i]) ? h[i] : maxBw));
    classOf[i] = Math.round(Math.log(bw / minBw) / logR);
  }
  const out = new Float64Array(grid.nx * grid.ny);
  for (let c = 0; c < classes; c++) {
    const w = new Float64Array(x.length);
    let any = false;
    for (let i = 0; i < x.length; i++) {
      if (classOf[i] === c) {
        w[i] = weights ? weights[i] : 1;
        any ||= w[i] !== 0;
      }
    }
    if (!any) continue;
    const bw = minBw * Math.pow(ratio, c);
    const pad = kernelRadiusCells('gaussian', bw, grid.cellSize);
    const padded = binEvents(grid, x, y, pad, w, 'linear');
    const smooth = smoothBinned(padded.field, padded.nx, padded.ny, 'gaussian', bw, grid.cellSize);
    for (let iy = 0; iy < grid.ny; iy++) {
      const from = (iy + pad) * padded.nx + pad;
      for (let ix = 0; ix < grid.nx; ix++) out[iy * grid.nx + ix] += smooth[from + ix];
    }
  }
  return out;
}
