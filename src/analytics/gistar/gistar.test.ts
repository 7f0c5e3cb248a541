import { describe, expect, it } from 'vitest';
import { makeGrid } from '../grid/grid.js';
import { benjaminiHochberg, bhThreshold } from './fdr.js';
import { getisOrdGiStar } from './gistar.js';

describe('Getis–Ord Gi*', () => {
  // 3 × 3 grid with values 1..9 row-major from the south-west; band = one cell (rook neighbours + self).
  const grid = makeGrid(0, 0, 1, 3, 3);
  const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);

  it('matches a hand computation', () => {
    const r = getisOrdGiStar(grid, values, { distanceBand: 1, fdr: false });
    // mean 5, S = √(285/9 − 25) = 2.581989; corner: Σx = 1+2+4 = 7, w = 3,
    // z = (7 − 15) / (S·√((9·3 − 9)/8)) = −8 / 3.872983 = −2.065591.
    expect(r.z[0]).toBeCloseTo(-2.065591, 5);
    expect(r.z[8]).toBeCloseTo(2.065591, 5);
    expect(r.z[4]).toBeCloseTo(0, 12);
    expect(r.p[8]).toBeCloseTo(0.038866, 4);
    expect(r.confidence[8]).toBe(2);
    expect(r.confidence[0]).toBe(-2);
    expect(r.confidence[4]).toBe(0);
    expect(r.meanNeighbours).toBeCloseTo((4 * 3 + 4 * 4 + 5) / 9, 12);
  });

  it('FDR correction can only weaken the classes', () => {
    const withFdr = getisOrdGiStar(grid, values, { distanceBand: 1 });
    for (let c = 0; c < 9; c++) expect(Math.abs(withFdr.confidence[c])).toBeLessThanOrEqual(2);
    // Edge cells 1 and 7 have |z| = 9 / (S·√(20/8)) = 2.204541, p = 0.027486 (ranks 1–2 of 9); the corners
    // p = 0.038866 (ranks 3–4) → q = 0.038866 · 9 / 4 = 0.087449, and the step-up minimum gives the edge
    // cells the same q (0.027486 · 9 / 2 = 0.1237 > 0.087449). All four are hot/cold at 90% only.
    expect(withFdr.q[8]).toBeCloseTo((0.038866 * 9) / 4, 4);
    expect(withFdr.q[7]).toBeCloseTo((0.038866 * 9) / 4, 4);
    expect(withFdr.z[7]).toBeCloseTo(2.204541, 5);
    expect(withFdr.confidence[8]).toBe(1);
    expect(withFdr.confidence[1]).toBe(-1);
  });

  it('ignores masked cells', () => {
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const r = getisOrdGiStar(grid, values, { distanceBand: 1, mask, fdr: false });
    expect(Number.isNaN(r.z[8])).toBe(true);
    expect(r.confidence[8]).toBe(0);
  });
});

describe('Benjamini–Hochberg', () => {
  it('adjusts a known list', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]);
    expect(Array.from(q).map((v) => Number(v.toFixed(6)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.5]);
    expect(bhThreshold([0.01, 0.04, 0.03, 0.005, 0.5], 0.05)).toBe(0.04);
    expect(bhThreshold([0.2, 0.3], 0.05)).toBe(0);
  });
});
