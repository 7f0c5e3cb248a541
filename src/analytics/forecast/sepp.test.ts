import { describe, expect, it } from 'vitest';
import { makeGrid } from '../grid/grid.js';
import { candidateParents } from './candidates.js';
import { fitGridEtas, gridEtasForecast } from './etas-grid.js';
import { fitSepp, seppIntensityGrid, truncatedExponentialRate, truncatedGaussianSigma } from './sepp.js';
import { simulateHawkes } from './simulate.js';

describe('Hawkes simulator', () => {
  it('is seeded and has the expected share of triggered events', () => {
    const options = { seed: 1, duration: 1000, region: { minX: 0, minY: 0, maxX: 5000, maxY: 5000 }, backgroundRate: 5, branchingRatio: 0.5, omega: 0.5, sigma: 50 };
    const a = simulateHawkes(options);
    expect(simulateHawkes(options)).toEqual(a);
    // Stationary cluster process: background share = 1 − θ.
    const background = a.parent.filter((p) => p < 0).length;
    expect(background / a.t.length).toBeGreaterThan(0.45);
    expect(background / a.t.length).toBeLessThan(0.55);
    for (let i = 1; i < a.t.length; i++) expect(a.t[i]).toBeGreaterThanOrEqual(a.t[i - 1]);
    for (let i = 0; i < a.t.length; i++) if (a.parent[i] >= 0) expect(a.t[a.parent[i]]).toBeLessThanOrEqual(a.t[i]);
  });
});

describe('SEPP (Mohler 2011) parameter recovery', () => {
  // Truth: background 10 events/day (half in two hot spots), θ = 0.4, ω = 0.2/day (mean delay 5 days), σ = 60 m.
  const sim = simulateHawkes({
    seed: 7,
    duration: 730,
    region: { minX: 0, minY: 0, maxX: 10_000, maxY: 10_000 },
    backgroundRate: 10,
    branchingRatio: 0.4,
    omega: 0.2,
    sigma: 60,
    hotspots: [
      { x: 3000, y: 3000, sd: 500, weight: 0.3 },
      { x: 7000, y: 6000, sd: 800, weight: 0.2 },
    ],
  });
  const fit = fitSepp(sim, { iterations: 40, end: 730 });

  it('recovers θ within ±0.06, ω and σ within 15%, the background rate within 10%', () => {
    expect(Math.abs(fit.theta - 0.4)).toBeLessThan(0.06);
    expect(Math.abs(fit.omega / 0.2 - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.sigma / 60 - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.backgroundRate / 10 - 1)).toBeLessThan(0.1);
  });

  it('increases the likelihood and forecasts a sensible total', () => {
    expect(fit.logLikelihood[fit.logLikelihood.length - 1]).toBeGreaterThanOrEqual(fit.logLikelihood[1] - 1e-6);
    const grid = makeGrid(-2000, -2000, 200, 70, 70);
    const expected = seppIntensityGrid(fit, grid, 730, 7);
    const total = expected.reduce((a, b) => a + b, 0);
    // Background 7 days × ~10/day plus some triggered events, minus mass outside the grid.
    expect(total).toBeGreaterThan(65);
    expect(total).toBeLessThan(110);
  });

  it('truncated-moment inverses are exact', () => {
    const w = truncatedExponentialRate(1 / 0.2 - (30 * Math.exp(-6)) / (1 - Math.exp(-6)), 30);
    expect(w).toBeCloseTo(0.2, 6);
    const s = 60;
    const a = (300 * 300) / (2 * s * s);
    expect(truncatedGaussianSigma(2 * s * s - (300 * 300 * Math.exp(-a)) / (1 - Math.exp(-a)), 300)).toBeCloseTo(60, 6);
  });
});

describe('candidate parents', () => {
  it('lists earlier events within the window only', () => {
    const x = Float64Array.from([0, 10, 1000, 20, 0]);
    const y = Float64Array.from([0, 0, 0, 0, 0]);
    const t = Float64Array.from([0, 1, 2, 50, 100]);
    const c = candidateParents(x, y, t, 60, 100);
    const parentsOf = (i: number): number[] => Array.from(c.parent.subarray(c.offsets[i], c.offsets[i + 1])).sort();
    expect(parentsOf(0)).toEqual([]);
    expect(parentsOf(1)).toEqual([0]);
    expect(parentsOf(2)).toEqual([]);
    expect(parentsOf(3)).toEqual([0, 1]);
    expect(parentsOf(4)).toEqual([3]);
  });
});

describe('grid ETAS (Mohler 2015)', () => {
  it('recovers θ, ω and the background on simulated cell-level data', () => {
    // σ ≈ 0 keeps offspring in their parent's cell, as the grid model assumes.
    const sim = simulateHawkes({ seed: 3, duration: 1000, region: { minX: 0, minY: 0, maxX: 2000, maxY: 2000 }, backgroundRate: 20, branchingRatio: 0.5, omega: 0.3, sigma: 1e-3 });
    const grid = makeGrid(0, 0, 200, 10, 10);
    const fit = fitGridEtas(grid, sim, { start: 0, end: 1000 });
    expect(Math.abs(fit.theta - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(fit.omega / 0.3 - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.mu.reduce((a, b) => a + b, 0) / 20 - 1)).toBeLessThan(0.05);
    const forecast = gridEtasForecast(fit, 1);
    expect(forecast.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  });
});
