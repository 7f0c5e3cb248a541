import { describe, expect, it } from 'vitest';
import { makeGrid } from '../grid/grid.js';
import { blendModel } from './blend.js';
import { bridgesModel } from './bridges.js';
import { kdeDecayModel } from './kde-decay.js';
import { prospectiveModel, prospectiveSurface } from './prospective.js';
import { retrospectiveModel } from './retrospective.js';
import { decayWeights, normaliseOverMask } from './surfaces.js';
import { sliceByTime } from './types.js';

const grid = makeGrid(0, 0, 100, 10, 10);
const events = {
  x: Float64Array.from([150, 150, 850, 450]),
  y: Float64Array.from([150, 150, 850, 450]),
  t: Float64Array.from([10, 90, 95, 99]),
};
const input = { grid, events, now: 100, horizon: 7 };
const cell = (x: number, y: number): number => Math.floor(y / 100) * 10 + Math.floor(x / 100);

describe('retrospective', () => {
  it('grid counts over the window', () => {
    const s = retrospectiveModel({ kernel: 'none', windowDays: 20 }).predict(input);
    expect(s[cell(150, 150)]).toBe(1); // the day-10 event is outside the 20-day window
    expect(s[cell(850, 850)]).toBe(1);
    expect(s.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('kernel version ranks the doubled place first', () => {
    const s = retrospectiveModel({ bandwidth: 250 }).predict(input);
    expect(s[cell(150, 150)]).toBeGreaterThan(s[cell(850, 850)]);
  });
});

describe('prospective (Bowers et al. 2004)', () => {
  it('weights 1/(1+d)·1/(1+weeks) by hand', () => {
    const s = prospectiveSurface(grid, Float64Array.of(450), Float64Array.of(450), Float64Array.of(0.5), 150);
    expect(s[cell(450, 450)]).toBeCloseTo(0.5, 12); // d = 0
    expect(s[cell(550, 450)]).toBeCloseTo(0.25, 12); // d = 1 cell
    expect(s[cell(550, 550)]).toBeCloseTo(0.5 / (1 + Math.SQRT2), 12); // d = √2 cells ≤ 1.5
    expect(s[cell(650, 450)]).toBe(0); // d = 2 cells > 1.5
    const model = prospectiveModel({ spatialBandwidth: 100, timeWindowDays: 56 }).predict(input);
    // Event at day 99 (age 1 day, week 0) weight 1; day 95 weight 1; day 90 (week 1) 1/2 + day 10 excluded.
    expect(model[cell(450, 450)]).toBeCloseTo(1, 12);
    expect(model[cell(150, 150)]).toBeCloseTo(0.5, 12);
  });
});

describe('time-decayed KDE and blends', () => {
  it('decay weights halve every half-life', () => {
    expect(Array.from(decayWeights(Float64Array.of(100, 90, 80), 100, 10))).toEqual([1, 0.5, 0.25]);
  });

  it('recent events weigh more with a short half-life', () => {
    const s = kdeDecayModel({ bandwidth: 100, halfLifeDays: 2, windowDays: 365 }).predict(input);
    expect(s[cell(450, 450)]).toBeGreaterThan(s[cell(150, 150)]);
  });

  it('blend components are normalised before mixing', () => {
    const mask = new Uint8Array(100).fill(1);
    const s = blendModel({ components: [{ kernel: 'gaussian', bandwidth: 50, halfLifeDays: Infinity, windowDays: 365, weight: 2 }] }).predict({ ...input, mask });
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 9);
    expect(normaliseOverMask(new Float64Array(4)).every((v) => v === 0)).toBe(true);
  });

  it('the Bridges model returns a probability-like surface when the short-term part is off', () => {
    const mask = new Uint8Array(100).fill(1);
    const s = bridgesModel({ seppWindowDays: 0 }).predict({ ...input, mask });
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(s[cell(150, 150)]).toBeGreaterThan(s[cell(850, 850)]);
  });

  it('slices events by time', () => {
    expect(Array.from(sliceByTime(events, 90, 99).t)).toEqual([90, 95]);
  });
});
