import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../util/normal.js';
import { compareBacktests, meanInterval, pairedDifference, studentTQuantile } from './uncertainty.js';

describe('quantiles', () => {
  it('normal quantile matches tabulated values and inverts the CDF symmetrically', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 9);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('Student t quantiles match tables (two-sided 95%)', () => {
    // Tabulated t(0.975): df 4 → 2.776, 10 → 2.228, 30 → 2.042, 84 → 1.989.
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776, 2);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.975, 84)).toBeCloseTo(1.989, 3);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.96, 2);
  });
});

describe('mean intervals', () => {
  it('computes mean, standard error and the t interval by hand', () => {
    // values 1..5: mean 3, sample sd √2.5, se √2.5/√5 = √0.5, t(0.975, 4) = 2.7764
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(r.high - r.mean).toBeCloseTo(2.7764 * Math.sqrt(0.5), 2);
    expect(r.mean - r.low).toBeCloseTo(r.high - r.mean, 12);
    expect(r.n).toBe(5);
  });

  it('says nothing about spread from fewer than two values', () => {
    expect(meanInterval([0.4])).toEqual({ mean: 0.4, se: 0, low: 0.4, high: 0.4, n: 1 });
    expect(meanInterval([]).n).toBe(0);
  });

  it('pairing removes the swing both models share', () => {
    // Two models whose weekly hit rates swing together; b is always 0.02 below a.
    const a = [0.3, 0.7, 0.5, 0.9, 0.2, 0.6];
    const b = a.map((v) => v - 0.02);
    const d = pairedDifference(a, b);
    expect(d.mean).toBeCloseTo(0.02, 12);
    expect(d.se).toBeCloseTo(0, 12);
    // Unpaired, the two intervals overlap almost completely.
    expect(meanInterval(b).high).toBeGreaterThan(meanInterval(a).low);
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
  });
});

describe('comparing backtests', () => {
  const steps = (rates: number[][]) => rates.map((hitRate) => ({ events: 3, hitRate }));

  it('names the best model per coverage and gives the others their paired difference', () => {
    const a = { steps: steps([[0.1, 0.5], [0.3, 0.7], [0.2, 0.6]]) };
    const b = { steps: steps([[0.2, 0.4], [0.4, 0.6], [0.3, 0.4]]) };
    const [ca, cb] = compareBacktests([a, b]);
    expect(ca.best).toEqual([false, true]);
    expect(cb.best).toEqual([true, false]);
    expect(ca.versusBest[0]!.mean).toBeCloseTo(-0.1, 12);
    expect(ca.versusBest[0]!.se).toBeCloseTo(0, 12);
    expect(ca.versusBest[1]).toBeNull();
    // b − a at the second coverage: −0.1, −0.1, −0.2 → mean −0.1333
    expect(cb.versusBest[1]!.mean).toBeCloseTo(-0.4 / 3, 12);
    expect(cb.versusBest[1]!.high).toBeLessThan(0.05);
    expect(ca.hitRate[1].mean).toBeCloseTo(0.6, 12);
  });

  it('leaves out steps without events, as the means do', () => {
    const a = { steps: [...steps([[0.5], [0.7]]), { events: 0, hitRate: [0] }] };
    const b = { steps: [...steps([[0.4], [0.6]]), { events: 0, hitRate: [0] }] };
    const [ca, cb] = compareBacktests([a, b]);
    expect(ca.hitRate[0]).toMatchObject({ mean: 0.6, n: 2 });
    expect(cb.versusBest[0]!.mean).toBeCloseTo(-0.1, 12);
  });

  it('keeps the first model on a tie', () => {
    const a = { steps: steps([[0.5], [0.5]]) };
    expect(compareBacktests([a, a]).map((c) => c.best[0])).toEqual([true, false]);
    expect(compareBacktests([])).toEqual([]);
  });
});
