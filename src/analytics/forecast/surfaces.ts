/**
 * Building blocks shared by the grid forecast models: weighted kernel surfaces over the grid
 * (binned, then smoothed) and normalisation of a surface to a probability over the study area.
 */
import type { Grid } from '../grid/grid.js';
import { binEvents, kernelRadiusCells, smoothBinned, type KernelName } from '../kde/kde.js';

/** A weighted kernel surface in events per cell (kernel = 'none' gives plain weighted counts). */
export function kernelSurface(
  grid: Grid,
  x: Float64Array,
  y: Float64Array,
  weights: Float64Array | undefined,
  kernel: KernelName | 'none',
  bandwidth: number,
): Float64Array {
  if (kernel === 'none') {
    const field = binEvents(grid, x, y, 0, weights, 'nearest');
    return field.field;
  }
  const pad = kernelRadiusCells(kernel, bandwidth, grid.cellSize);
  const padded = binEvents(grid, x, y, pad, weights, 'linear');
  const smooth = smoothBinned(padded.field, padded.nx, padded.ny, kernel, bandwidth, grid.cellSize);
  const out = new Float64Array(grid.nx * grid.ny);
  for (let iy = 0; iy < grid.ny; iy++) {
    const from = (iy + pad) * padded.nx + pad;
    out.set(smooth.subarray(from, from + grid.nx), iy * grid.nx);
  }
  return out;
}

/** Scales a surface to sum 1 over the mask (all cells without a mask); a zero surface stays zero. */
export function normaliseOverMask(surface: Float64Array, mask?: Uint8Array): Float64Array {
  let sum = 0;
  for (let c = 0; c < surface.length; c++) if (!mask || mask[c]) sum += surface[c];
  const out = new Float64Array(surface.length);
  if (sum <= 0) return out;
  for (let c = 0; c < surface.length; c++) out[c] = !mask || mask[c] ? surface[c] / sum : 0;
  return out;
}

/** Exponential time-decay weights with the given half-life (days); Infinity gives weight 1. */
export function decayWeights(t: Float64Array, now: number, halfLifeDays: number): Float64Array {
  const w = new Float64Array(t.length);
  const rate = Number.isFinite(halfLifeDays) ? Math.LN2 / halfLifeDays : 0;
  for (let i = 0; i < t.length; i++) w[i] = Math.exp(-rate * Math.max(0, now - t[i]));
  return w;
}
