import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../util/prng.js';
import { spatialBandOf, temporalBandOf, type BandSpec } from './bands.js';
import { knoxTest } from './knox.js';
import { summarizeKnox } from './summary.js';
import { readChicagoBurglary } from './chicago-fixture.js';

// Five events (x metres, t days), hand-classified with bands 100 m × 2 and 2 days × 2.
const x = Float64Array.from([0, 0, 50, 150, 1000]);
const y = Float64Array.from([0, 0, 0, 0, 0]);
const t = Float64Array.from([0, 1, 3, 10, 2]);
const bands = { spatialBandwidth: 100, spatialBands: 2, temporalBandwidth: 2, temporalBands: 2 };

describe('Knox test on five events', () => {
  it('classifies pairs with honest bands', () => {
    const r = knoxTest(x, y, t, { ...bands, iterations: 50 });
    expect(r.distanceBands).toEqual(['Same location', '1–100 m', '101–200 m', 'More than 200 m']);
    expect(r.timeBands).toEqual(['0–2 days', '3–4 days', 'More than 4 days']);
    // Pairs: 0-1 (0 m, 1 d), 0-2 (50, 3), 0-3 (150, 10), 0-4 (1000, 2), 1-2 (50, 2), 1-3 (150, 9),
    // 1-4 (1000, 1), 2-3 (100, 7), 2-4 (950, 1), 3-4 (850, 8).
    expect(r.observed).toEqual([
      [1, 0, 0],
      [1, 1, 1],
      [0, 0, 2],
      [3, 0, 1],
    ]);
  });

  it('classifies pairs like the Near Repeat Calculator in nrcCompatible mode', () => {
    const r = knoxTest(x, y, t, { ...bands, iterations: 50, nrcCompatible: true });
    // NRC: "1 to 100" = (0, 100), "101 to 200" = [100, 200); "0 to 2" = Δt < 2, "3 to 4" = [2, 4).
    expect(r.observed).toEqual([
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
      [2, 1, 1],
    ]);
  });

  it('expected counts average the permutations and p-values follow the NRC formula', () => {
    const r = knoxTest(x, y, t, { ...bands, iterations: 99, seed: 3 });
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 3; col++) {
        const p = r.pValue[row][col] * 100;
        expect(Number.isInteger(Math.round(p * 1e9) / 1e9)).toBe(true); // (1 + k) / 100
        expect(r.pValue[row][col]).toBeGreaterThanOrEqual(0.01);
      }
    }
    const expectedTotal = r.expectedMean.flat().reduce((a, b) => a + b, 0);
    expect(expectedTotal).toBeCloseTo(10, 9);
  });
});

describe('Knox properties', () => {
  const rng = createRng(99);
  const n = 400;
  const px = Float64Array.from({ length: n }, () => Math.round(rng.next() * 3000));
  const py = Float64Array.from({ length: n }, () => Math.round(rng.next() * 3000));
  const pt = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 365));

  it('observed and expected tables sum to n(n−1)/2', () => {
    const r = knoxTest(px, py, pt, { spatialBandwidth: 200, spatialBands: 3, temporalBandwidth: 7, temporalBands: 3, iterations: 20 });
    expect(r.observed.flat().reduce((a, b) => a + b, 0)).toBe((n * (n - 1)) / 2);
    expect(r.expectedMean.flat().reduce((a, b) => a + b, 0)).toBeCloseTo((n * (n - 1)) / 2, 6);
  });

  it('does not depend on the input order', () => {
    const options = { spatialBandwidth: 200, spatialBands: 3, temporalBandwidth: 7, temporalBands: 3, iterations: 30, seed: 5 };
    const a = knoxTest(px, py, pt, options);
    const order = Float64Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(order, createRng(1));
    const b = knoxTest(Float64Array.from(order, (i) => px[i]), Float64Array.from(order, (i) => py[i]), Float64Array.from(order, (i) => pt[i]), options);
    expect(b).toEqual(a);
  });

  it('band rules agree with the inlined fast path for fractional times', () => {
    const spec: BandSpec = { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, nrcCompatible: false, sameLocationTolerance: 0 };
    expect([0, 2, 2.5, 4, 4.01].map((d) => temporalBandOf(spec, d))).toEqual([0, 0, 1, 1, 2]);
    expect([0, 0.5, 100, 100.5, 300, 301].map((d) => spatialBandOf(spec, d))).toEqual([0, 1, 1, 2, 3, 4]);
    const ft = Float64Array.from(pt, (v, i) => v + (i % 10) / 10);
    const r = knoxTest(px, py, ft, { spatialBandwidth: 200, spatialBands: 3, temporalBandwidth: 7, temporalBands: 3, iterations: 1 });
    expect(r.observed.flat().reduce((a, b) => a + b, 0)).toBe((n * (n - 1)) / 2);
  });
});

describe('Knox on Chicago residential burglaries', () => {
  const all = readChicagoBurglary();

  it('reproduces the Near Repeat Calculator table for 2016 (tobydavies/NearRepeat test data)', () => {
    // NRC 1.3 run on the 11,701 burglaries of 2016, coordinates to 0.1 m, Euclidean, 100 m × 3, 2 days × 2.
    const keep = Array.from(all.t.keys()).filter((i) => all.t[i] >= Date.UTC(2016, 0, 1) / 864e5 && all.t[i] <= Date.UTC(2016, 11, 31) / 864e5);
    expect(keep.length).toBe(11_701);
    const round = (v: number): number => Math.round(v * 10) / 10;
    const r = knoxTest(
      Float64Array.from(keep, (i) => round(all.x[i])),
      Float64Array.from(keep, (i) => round(all.y[i])),
      Float64Array.from(keep, (i) => all.t[i]),
      { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations: 19, nrcCompatible: true },
    );
    expect(r.observed).toEqual([
      [202, 51, 1025],
      [189, 143, 7762],
      [290, 343, 23366],
      [456, 526, 41305],
      [577857, 760260, 67037075],
    ]);
    expect(r.distanceBands).toEqual(['Same location', '1–100 m', '101–200 m', '201–300 m', 'More than 300 m']);
    expect(r.timeBands).toEqual(['0–2 days', '3–4 days', 'More than 4 days']);
  });

  it('shows the burglary near-repeat pattern over 2014–2017 (999 permutations)', () => {
    const r = knoxTest(all.x, all.y, all.t, { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations: 999, seed: 2024 });
    expect(r.observed.flat().reduce((a, b) => a + b, 0)).toBe((all.t.length * (all.t.length - 1)) / 2);
    for (const row of [0, 1]) {
      expect(r.knoxRatio[row][0]).toBeGreaterThan(1.5);
      expect(r.pValue[row][0]).toBeLessThanOrEqual(0.001);
    }
    // Risk stays elevated at 3–4 days within 300 m, and the far row is at chance.
    for (const row of [0, 1, 2, 3]) expect(r.pValue[row][1]).toBeLessThanOrEqual(0.001);
    expect(Math.abs(r.knoxRatio[4][2] - 1)).toBeLessThan(0.01);
    const summary = summarizeKnox(r, { alpha: 0.001 });
    expect(summary.repeat?.upTo).toBe('4 days');
    expect(summary.nearRepeat[0].distance).toBe('1–100 m');
    expect(summary.sentences.join(' ')).toMatch(/Within 1–100 m of an incident, near repeats are over-represented for up to 4 days/);
  });
});
