import { describe, expect, it } from 'vitest';
import { makeGrid } from '../grid/grid.js';
import type { ForecastModel } from '../forecast/types.js';
import { runBacktest } from './backtest.js';
import { scoreForecast } from './hit-rate.js';

describe('hit rate, PAI, PEI', () => {
  // 10 cells; 8 events. Scores have a three-way tie at 5.
  const score = Float64Array.from([9, 8, 7, 6, 5, 5, 5, 0, 0, 0]);
  const actual = Float64Array.from([1, 0, 2, 0, 1, 1, 0, 3, 0, 0]);

  it('matches the hand computation, ties broken by expectation', () => {
    const s = scoreForecast(score, actual, [0.1, 0.5]);
    expect(s.cells).toEqual([1, 5]);
    expect(s.events).toBe(8);
    // k = 1: 1 hit of 8; PAI = 0.125 / 0.1; best single cell has 3 events.
    expect(s.hitRate[0]).toBeCloseTo(0.125, 12);
    expect(s.pai[0]).toBeCloseTo(1.25, 12);
    expect(s.pei[0]).toBeCloseTo(1 / 3, 12);
    // k = 5: cells 0–3 give 3 hits; 1 of the 3 tied cells (2 events among them) → 3 + 2/3.
    expect(s.hitRate[1]).toBeCloseTo((3 + 2 / 3) / 8, 12);
    expect(s.pai[1]).toBeCloseTo((3 + 2 / 3) / 8 / 0.5, 12);
    expect(s.pei[1]).toBeCloseTo((3 + 2 / 3) / 8, 12); // best 5 cells hold all 8 events
  });

  it('a flat forecast scores exactly the coverage share', () => {
    const s = scoreForecast(new Float64Array(10), actual, [0.3]);
    expect(s.hitRate[0]).toBeCloseTo(0.3, 12);
    expect(s.pai[0]).toBeCloseTo(1, 12);
  });

  it('respects the mask', () => {
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    const s = scoreForecast(score, actual, [0.2], mask);
    expect(s.events).toBe(4);
    expect(s.cells).toEqual([1]);
    expect(s.hitRate[0]).toBeCloseTo(0.25, 12);
  });
});

describe('rolling-origin backtest', () => {
  it('trains on the trailing window and scores the next horizon', () => {
    const grid = makeGrid(0, 0, 1, 2, 1);
    // Events alternate weekly between the two cells: a "last week" model is always wrong.
    const t = Float64Array.from({ length: 10 }, (_, i) => i * 7 + 1);
    const x = Float64Array.from({ length: 10 }, (_, i) => (i % 2) + 0.5);
    const y = new Float64Array(10).fill(0.5);
    const seen: number[] = [];
    const lastWeek: ForecastModel = {
      name: 'last week',
      historyDays: 7,
      predict({ events, now }) {
        seen.push(now);
        for (const ti of events.t) expect(ti).toBeLessThan(now);
        const s = new Float64Array(2);
        for (let i = 0; i < events.x.length; i++) s[Math.floor(events.x[i])] += 1;
        return s;
      },
    };
    const r = runBacktest(lastWeek, { x, y, t }, { grid, start: 7, end: 63, step: 7, coverage: [0.5] });
    expect(seen).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 63]);
    expect(r.steps).toHaveLength(9);
    expect(r.mean.hitRate[0]).toBe(0);
    expect(r.steps[0]).toEqual({ start: 7, end: 14, events: 1, hitRate: [0], pai: [0], pei: [0] });
  });
});
