import { describe, expect, it } from 'vitest';
import { makeGrid } from '../grid/grid.js';
import { createRng } from '../util/prng.js';
import { bandwidthByRule, binEvents, convolveStencil, kde, quarticStencil } from './kde.js';
import { adaptiveGaussianSurface } from './adaptive.js';

function sumMass(density: Float64Array, cellSize: number): number {
  let s = 0;
  for (const v of density) s += v;
  return s * cellSize * cellSize;
}

describe('kde', () => {
  const grid = makeGrid(0, 0, 10, 100, 100);
  const rng = createRng(11);
  const n = 500;
  const x = Float64Array.from({ length: n }, () => 300 + rng.next() * 400);
  const y = Float64Array.from({ length: n }, () => 300 + rng.next() * 400);

  it('keeps mass n (density × cell area) for both kernels', () => {
    for (const kernel of ['quartic', 'gaussian'] as const) {
      const r = kde(grid, x, y, { kernel, bandwidth: 50 });
      expect(sumMass(r.density, 10)).toBeCloseTo(n, 6);
    }
  });

  it('a single event gives a symmetric bump centred on it', () => {
    const r = kde(grid, Float64Array.of(505), Float64Array.of(505), { kernel: 'quartic', bandwidth: 40 });
    const at = (ix: number, iy: number): number => r.density[iy * 100 + ix];
    expect(at(50, 50)).toBeGreaterThan(at(51, 50));
    expect(at(49, 50)).toBeCloseTo(at(51, 50), 12);
    expect(at(50, 49)).toBeCloseTo(at(50, 51), 12);
    expect(at(55, 50)).toBe(0); // beyond the 40 m radius
    expect(sumMass(r.density, 10)).toBeCloseTo(1, 9);
  });

  it('weights scale the mass', () => {
    const w = new Float64Array(n).fill(2);
    expect(sumMass(kde(grid, x, y, { weights: w, bandwidth: 30 }).density, 10)).toBeCloseTo(2 * n, 6);
  });

  it('bandwidth rules follow s·n^(−1/6)', () => {
    // Two coordinates with sd 1 each (values −1, 1 repeated): h = 1 · n^(−1/6).
    const v = Float64Array.from({ length: 64 }, (_, i) => (i % 2 ? 1 : -1));
    const sd = Math.sqrt(64 / 63);
    expect(bandwidthByRule(v, v, 'scott')).toBeCloseTo(sd * 64 ** (-1 / 6), 12);
    expect(bandwidthByRule(v, v, 'silverman')).toBeLessThanOrEqual(bandwidthByRule(v, v, 'scott'));
  });

  it('FFT convolution equals direct stamping', () => {
    const field = binEvents(grid, x, y, 0, undefined, 'linear');
    const stencil = quarticStencil(6, 6);
    const fftOut = convolveStencil(field.field, field.nx, field.ny, stencil, 6); // dense field: FFT path
    const sparse = new Float64Array(field.field.length);
    sparse[5050] = 1;
    const direct = convolveStencil(sparse, 100, 100, stencil, 6);
    expect(direct[5050]).toBeCloseTo(stencil[6 * 13 + 6], 12);
    let direct2 = 0;
    for (let dy = -6; dy <= 6; dy++) for (let dx = -6; dx <= 6; dx++) direct2 += field.field[(50 + dy) * 100 + 50 + dx] * stencil[(6 - dy) * 13 + 6 - dx];
    expect(fftOut[5050]).toBeCloseTo(direct2, 9);
  });

  it('adaptive surface keeps mass', () => {
    const s = adaptiveGaussianSurface(grid, x, y, undefined, { k: 5, minBandwidth: 10, maxBandwidth: 100 });
    let total = 0;
    for (const v of s) total += v;
    expect(total).toBeCloseTo(n, 3);
  });
});
