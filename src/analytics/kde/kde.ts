/**
 * Kernel density estimation on a grid, fast enough for a million events: events are first binned onto
 * cell centres (linear binning, which spreads each event over the four nearest centres and keeps the
 * binning error second-order), then the binned field is convolved with a kernel stencil. The Gaussian is
 * separable (two 1D passes); the quartic is not, so it is stamped directly when the stencil is small and
 * convolved by FFT when it is large.
 *
 * Output is a density in events per square metre, normalised so that density × cell area summed over
 * the grid equals the (weighted) number of events, less any mass that falls outside the grid.
 */
import type { Grid } from '../grid/grid.js';
import { convolve2dFft } from '../util/fft.js';

/** Kernel shapes. Quartic: K(r) ∝ (1 − r²/R²)² for r < R (R = bandwidth). Gaussian: sd = bandwidth. */
export type KernelName = 'quartic' | 'gaussian';

/** Bandwidth selection rules, both giving a Gaussian standard deviation h = s · n^(−1/6) for 2D data. */
export type BandwidthRule = 'silverman' | 'scott';

/** Options for {@link kde}. */
export interface KdeOptions {
  /** Kernel shape (default 'quartic', the usual crime-mapping kernel). */
  kernel?: KernelName;
  /**
   * Bandwidth in metres, or a rule (default 'silverman'). For 'quartic' a number is the support radius R;
   * a rule's Gaussian h is converted to R = √8·h, the quartic radius with the same variance.
   */
  bandwidth?: number | BandwidthRule;
  /** Per-event weights (default 1). */
  weights?: Float64Array;
  /** 'linear' (default) or 'nearest' binning of events to cell centres. */
  binning?: 'linear' | 'nearest';
}

/** Result of {@link kde}. */
export interface KdeResult {
  /** Events per square metre, row-major on the grid. */
  density: Float64Array;
  kernel: KernelName;
  /** Bandwidth actually used (metres): quartic radius or Gaussian sd. */
  bandwidth: number;
}

/**
 * Rule-of-thumb Gaussian bandwidth for 2D points. Scott: s = mean of the two coordinate sds.
 * Silverman (robust): s = min(sd, IQR/1.349) per axis, averaged; resistant to outlying events.
 * In 2D both rules share the factor n^(−1/6) (the (4/(d+2))^(1/(d+4)) constant is exactly 1).
 */
export function bandwidthByRule(x: Float64Array, y: Float64Array, rule: BandwidthRule = 'silverman'): number {
  const n = x.length;
  if (n < 2) return 0;
  const sx = sd(x);
  const sy = sd(y);
  let s = (sx + sy) / 2;
  if (rule === 'silverman') {
    const ix = iqr(x) / 1.349;
    const iy = iqr(y) / 1.349;
    s = (Math.min(sx, ix > 0 ? ix : sx) + Math.min(sy, iy > 0 ? iy : sy)) / 2;
  }
  return s * Math.pow(n, -1 / 6);
}

function sd(v: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i];
  mean /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  return Math.sqrt(ss / (v.length - 1));
}

function iqr(v: Float64Array): number {
  const sorted = Float64Array.from(v).sort();
  const q = (p: number): number => {
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return q(0.75) - q(0.25);
}

/** Kernel density of events on a grid. See {@link KdeOptions} for defaults. */
export function kde(grid: Grid, x: Float64Array, y: Float64Array, options: KdeOptions = {}): KdeResult {
  const kernel = options.kernel ?? 'quartic';
  let bandwidth: number;
  if (typeof options.bandwidth === 'number') bandwidth = options.bandwidth;
  else {
    const h = Math.max(bandwidthByRule(x, y, options.bandwidth ?? 'silverman'), grid.cellSize * 1e-3);
    bandwidth = kernel === 'quartic' ? Math.SQRT2 * 2 * h : h;
  }
  const radius = kernelRadiusCells(kernel, bandwidth, grid.cellSize);
  const padded = binEvents(grid, x, y, radius, options.weights, options.binning ?? 'linear');
  const smoothed = smoothBinned(padded.field, padded.nx, padded.ny, kernel, bandwidth, grid.cellSize);
  const density = crop(smoothed, padded.nx, radius, grid.nx, grid.ny);
  const perArea = 1 / (grid.cellSize * grid.cellSize);
  for (let i = 0; i < density.length; i++) density[i] = Math.max(0, density[i]) * perArea;
  return { density, kernel, bandwidth };
}

/** Stencil half-width in cells: the quartic's support, or 4 sd for the Gaussian (mass beyond < 1e-4). */
export function kernelRadiusCells(kernel: KernelName, bandwidth: number, cellSize: number): number {
  const reach = kernel === 'quartic' ? bandwidth : 4 * bandwidth;
  return Math.max(0, Math.ceil(reach / cellSize - 0.5));
}

/** Bins events onto a grid padded by `pad` cells on every side, so kernels of outside events still reach in. */
export function binEvents(
  grid: Grid,
  x: Float64Array,
  y: Float64Array,
  pad: number,
  weights: Float64Array | undefined,
  binning: 'linear' | 'nearest',
): { field: Float64Array; nx: number; ny: number } {
  const nx = grid.nx + 2 * pad;
  const ny = grid.ny + 2 * pad;
  const field = new Float64Array(nx * ny);
  const inv = 1 / grid.cellSize;
  for (let i = 0; i < x.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    // Continuous cell coordinates with centres on integers in the padded frame.
    const u = (x[i] - grid.x0) * inv - 0.5 + pad;
    const v = (y[i] - grid.y0) * inv - 0.5 + pad;
    if (binning === 'nearest') {
      const ix = Math.round(u);
      const iy = Math.round(v);
      if (ix >= 0 && iy >= 0 && ix < nx && iy < ny) field[iy * nx + ix] += w;
      continue;
    }
    const ix = Math.floor(u);
    const iy = Math.floor(v);
    const fx = u - ix;
    const fy = v - iy;
    addIf(field, nx, ny, ix, iy, w * (1 - fx) * (1 - fy));
    addIf(field, nx, ny, ix + 1, iy, w * fx * (1 - fy));
    addIf(field, nx, ny, ix, iy + 1, w * (1 - fx) * fy);
    addIf(field, nx, ny, ix + 1, iy + 1, w * fx * fy);
  }
  return { field, nx, ny };
}

function addIf(field: Float64Array, nx: number, ny: number, ix: number, iy: number, w: number): void {
  if (ix >= 0 && iy >= 0 && ix < nx && iy < ny) field[iy * nx + ix] += w;
}

function crop(field: Float64Array, paddedNx: number, pad: number, nx: number, ny: number): Float64Array {
  const out = new Float64Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    const from = (iy + pad) * paddedNx + pad;
    out.set(field.subarray(from, from + nx), iy * nx);
  }
  return out;
}

/**
 * Convolves a binned field with a kernel whose discrete weights sum to 1 (so mass is preserved exactly).
 * Returns a new field of the same size, in events per cell.
 */
export function smoothBinned(
  field: Float64Array,
  nx: number,
  ny: number,
  kernel: KernelName,
  bandwidth: number,
  cellSize: number,
): Float64Array {
  const radius = kernelRadiusCells(kernel, bandwidth, cellSize);
  if (radius === 0) return Float64Array.from(field);
  if (kernel === 'gaussian') return separableGaussian(field, nx, ny, bandwidth / cellSize, radius);
  return convolveStencil(field, nx, ny, quarticStencil(bandwidth / cellSize, radius), radius);
}

/**
 * Convolves a field with any centred (2r+1)² stencil, choosing between stamping the stencil on every
 * non-zero cell and an FFT by their estimated cost.
 */
export function convolveStencil(field: Float64Array, nx: number, ny: number, stencil: Float64Array, radius: number): Float64Array {
  const side = 2 * radius + 1;
  let occupied = 0;
  for (let i = 0; i < field.length; i++) if (field[i] !== 0) occupied++;
  const directCost = occupied * side * side;
  const p = 2 ** Math.ceil(Math.log2(ny + side - 1));
  const q = 2 ** Math.ceil(Math.log2(nx + side - 1));
  const fftCost = 12 * p * q * Math.log2(p * q);
  if (fftCost < directCost) return convolve2dFft(field, nx, ny, stencil, radius);
  return stampStencil(field, nx, ny, stencil, radius);
}

/** Quartic weights at integer cell offsets, normalised to sum 1. Never empty: the centre always counts. */
export function quarticStencil(radiusInCells: number, radius: number): Float64Array {
  const side = 2 * radius + 1;
  const stencil = new Float64Array(side * side);
  const r2 = radiusInCells * radiusInCells;
  let sum = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const q = 1 - (dx * dx + dy * dy) / r2;
      const w = q > 0 ? q * q : 0;
      stencil[(dy + radius) * side + dx + radius] = w;
      sum += w;
    }
  }
  if (sum === 0) {
    stencil[radius * side + radius] = 1;
    return stencil;
  }
  for (let i = 0; i < stencil.length; i++) stencil[i] /= sum;
  return stencil;
}

function stampStencil(field: Float64Array, nx: number, ny: number, stencil: Float64Array, radius: number): Float64Array {
  const out = new Float64Array(nx * ny);
  const side = 2 * radius + 1;
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const w = field[iy * nx + ix];
      if (w === 0) continue;
      const y0 = Math.max(0, iy - radius);
      const y1 = Math.min(ny - 1, iy + radius);
      const x0 = Math.max(0, ix - radius);
      const x1 = Math.min(nx - 1, ix + radius);
      for (let yy = y0; yy <= y1; yy++) {
        const srow = (yy - iy + radius) * side + radius - ix;
        const orow = yy * nx;
        for (let xx = x0; xx <= x1; xx++) out[orow + xx] += w * stencil[srow + xx];
      }
    }
  }
  return out;
}

function gaussianTaps(sdCells: number, radius: number): Float64Array {
  const taps = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    const w = sdCells > 0 ? Math.exp((-k * k) / (2 * sdCells * sdCells)) : k === 0 ? 1 : 0;
    taps[k + radius] = w;
    sum += w;
  }
  for (let k = 0; k < taps.length; k++) taps[k] /= sum;
  return taps;
}

function separableGaussian(field: Float64Array, nx: number, ny: number, sdCells: number, radius: number): Float64Array {
  const taps = gaussianTaps(sdCells, radius);
  return separableConvolve(field, nx, ny, taps, radius, taps, radius);
}

/**
 * Axis-aligned anisotropic Gaussian smoothing (sd along x and along y in metres) of a binned field, e.g.
 * a street-grid kernel made of an east–west and a north–south elongated Gaussian.
 */
export function smoothAnisotropic(field: Float64Array, nx: number, ny: number, sdX: number, sdY: number, cellSize: number): Float64Array {
  const rx = kernelRadiusCells('gaussian', sdX, cellSize);
  const ry = kernelRadiusCells('gaussian', sdY, cellSize);
  return separableConvolve(field, nx, ny, gaussianTaps(sdX / cellSize, rx), rx, gaussianTaps(sdY / cellSize, ry), ry);
}

function separableConvolve(
  field: Float64Array,
  nx: number,
  ny: number,
  tapsX: Float64Array,
  rx: number,
  tapsY: Float64Array,
  ry: number,
): Float64Array {
  const tmp = new Float64Array(nx * ny);
  const rowUsed = new Uint8Array(ny);
  // Rows: scatter each non-zero value along x (skipping zeros makes sparse inputs cheap).
  for (let iy = 0; iy < ny; iy++) {
    const row = iy * nx;
    for (let ix = 0; ix < nx; ix++) {
      const w = field[row + ix];
      if (w === 0) continue;
      rowUsed[iy] = 1;
      const a = Math.max(0, ix - rx);
      const b = Math.min(nx - 1, ix + rx);
      for (let xx = a; xx <= b; xx++) tmp[row + xx] += w * tapsX[xx - ix + rx];
    }
  }
  const out = new Float64Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    if (!rowUsed[iy]) continue; // an empty row adds nothing to any column
    const a = Math.max(0, iy - ry);
    const b = Math.min(ny - 1, iy + ry);
    for (let yy = a; yy <= b; yy++) {
      const t = tapsY[yy - iy + ry];
      const src = iy * nx;
      const dst = yy * nx;
      for (let ix = 0; ix < nx; ix++) out[dst + ix] += t * tmp[src + ix];
    }
  }
  return out;
}
