import { describe, expect, it } from 'vitest';
import { makeGrid, type Grid } from '../grid/grid.js';
import { createRng } from '../util/prng.js';
import { chooseDistanceBand, moransI } from './scale.js';

/** Moran's I and its randomization z the slow, textbook way: an explicit weight matrix. */
function bruteForceMoran(grid: Grid, values: Float64Array, band: number, mask?: Uint8Array): { i: number; z: number } {
  const cells: number[] = [];
  for (let c = 0; c < values.length; c++) if (!mask || mask[c]) cells.push(c);
  const n = cells.length;
  const mean = cells.reduce((s, c) => s + values[c], 0) / n;
  const z = cells.map((c) => values[c] - mean);
  const w = cells.map((a) => cells.map((b) => {
    if (a === b) return 0;
    const dx = (a % grid.nx) - (b % grid.nx);
    const dy = Math.floor(a / grid.nx) - Math.floor(b / grid.nx);
    return Math.hypot(dx, dy) * grid.cellSize <= band + 1e-9 ? 1 : 0;
  }));
  let s0 = 0, s1 = 0, s2 = 0, cross = 0;
  for (let a = 0; a < n; a++) {
    let row = 0, col = 0;
    for (let b = 0; b < n; b++) {
      s0 += w[a][b];
      s1 += (w[a][b] + w[b][a]) ** 2 / 2;
      cross += w[a][b] * z[a] * z[b];
      row += w[a][b];
      col += w[b][a];
    }
    s2 += (row + col) ** 2;
  }
  const m2 = z.reduce((s, v) => s + v * v, 0);
  const m4 = z.reduce((s, v) => s + v ** 4, 0);
  const i = (n / s0) * (cross / m2);
  const e = -1 / (n - 1);
  const b2 = (n * m4) / (m2 * m2);
  const variance = (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - e * e;
  return { i, z: (i - e) / Math.sqrt(variance) };
}

describe("Moran's I on a grid", () => {
  it('is exactly −1 on a checkerboard with rook neighbours', () => {
    const grid = makeGrid(0, 0, 100, 6, 6);
    const values = Float64Array.from({ length: 36 }, (_, c) => ((c % 6) + Math.floor(c / 6)) % 2);
    const r = moransI(grid, values, 100);
    expect(r.i).toBeCloseTo(-1, 12);
    expect(r.z).toBeLessThan(-5);
    expect(r.meanNeighbours).toBeCloseTo((4 * 2 + 16 * 3 + 16 * 4) / 36, 12); // corners 2, edges 3, inside 4
  });

  it('matches the explicit-weights computation for several bands, with and without a mask', () => {
    const rng = createRng(7);
    const grid = makeGrid(0, 0, 50, 9, 7);
    const values = Float64Array.from({ length: 63 }, (_, c) => Math.floor(rng.next() * 4) + (c % 9 < 3 ? 3 : 0));
    const mask = Uint8Array.from({ length: 63 }, (_, c) => (c % 7 === 3 ? 0 : 1));
    for (const band of [50, 75, 110, 160]) {
      for (const m of [undefined, mask]) {
        const fast = moransI(grid, values, band, m);
        const slow = bruteForceMoran(grid, values, band, m);
        expect(fast.i).toBeCloseTo(slow.i, 10);
        expect(fast.z).toBeCloseTo(slow.z, 8);
      }
    }
  });

  it('has no z without variance', () => {
    expect(moransI(makeGrid(0, 0, 10, 5, 5), new Float64Array(25).fill(2), 10).z).toBeNaN();
  });
});

describe('choosing the Gi* distance band', () => {
  it('finds the scale of clusters about three cells across', () => {
    const grid = makeGrid(0, 0, 100, 60, 60);
    const values = new Float64Array(3600);
    const rng = createRng(3);
    for (let c = 0; c < values.length; c++) values[c] = rng.next() < 0.05 ? 1 : 0;
    // Blobs of radius 1.5 cells on a 12-cell lattice.
    for (let by = 6; by < 60; by += 12) for (let bx = 6; bx < 60; bx += 12) {
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) if (Math.hypot(dx, dy) <= 1.5) values[(by + dy) * 60 + bx + dx] += 5;
    }
    const choice = chooseDistanceBand(grid, values);
    expect(choice.rule).toBe('peak');
    expect(choice.band).toBeGreaterThanOrEqual(100);
    expect(choice.band).toBeLessThanOrEqual(300);
    expect(choice.scan).toHaveLength(10);
    const peak = choice.scan.find((s) => s.band === choice.band)!;
    expect(peak.z).toBeGreaterThan(1.96);
  });

  it('falls back to about 30 neighbours when nothing clusters', () => {
    const grid = makeGrid(0, 0, 100, 40, 40);
    const rng = createRng(11);
    const values = Float64Array.from({ length: 1600 }, () => Math.floor(rng.next() * 3));
    const choice = chooseDistanceBand(grid, values);
    expect(choice.rule).toBe('neighbours');
    expect(choice.band).toBe(314);
    // A band of 314 m gives interior cells 28–32 neighbours on a 100 m grid.
    expect(moransI(grid, values, choice.band).meanNeighbours).toBeGreaterThan(24);
  });
});
