import { describe, expect, it } from 'vitest';
import { compstat, compstatPeriods, percentChange } from './compstat.js';

const day = 86_400_000;
const at = (iso: string): number => Date.parse(iso);

describe('CompStat', () => {
  it('percent change', () => {
    expect(percentChange(3, 2)).toBe(50);
    expect(percentChange(1, 3)).toBe(-66.7);
    expect(percentChange(4, 0)).toBeNull();
  });

  it('counts periods against the same periods a year earlier', () => {
    const now = at('2024-03-10T00:00:00Z');
    const times = [
      '2024-03-09T12:00:00Z', '2024-03-05T00:00:00Z', '2024-03-03T00:00:00Z', // this week (3)
      '2024-02-20T00:00:00Z', // 28 days, not week
      '2024-01-02T00:00:00Z', // YTD only
      '2023-03-08T00:00:00Z', '2023-03-04T00:00:00Z', // last year's week (2)
      '2023-02-01T00:00:00Z', // last year's YTD only
      '2023-12-31T23:00:00Z', // neither YTD
    ].map(at);
    const rows = compstat({
      t: Float64Array.from(times),
      category: Int32Array.from([0, 0, 1, 0, 0, 0, 1, 0, 0]),
      categories: ['Burglary', 'Robbery'],
      area: Int32Array.from([0, 1, 0, 0, 0, 0, 0, 1, -1]),
      areas: ['North', 'South'],
      now,
    });
    expect(rows).toHaveLength(6);
    const all = rows.find((r) => r.category === 'Burglary' && r.area === 'All')!;
    expect([all.week, all.weekPrior, all.weekChange]).toEqual([2, 1, 100]);
    expect([all.days28, all.days28Prior]).toEqual([3, 1]);
    expect([all.ytd, all.ytdPrior, all.ytdChange]).toEqual([4, 2, 100]);
    const north = rows.find((r) => r.category === 'Burglary' && r.area === 'North')!;
    expect([north.week, north.ytd, north.ytdPrior]).toEqual([1, 3, 1]);
    const robbery = rows.find((r) => r.category === 'Robbery' && r.area === 'All')!;
    expect([robbery.week, robbery.weekPrior, robbery.weekChange]).toEqual([1, 1, 0]);
  });

  it('uses local midnight of 1 January for year to date', () => {
    const est = (): number => -300; // UTC−5
    const now = at('2024-02-01T12:00:00Z');
    const { current, prior } = compstatPeriods(now, est);
    expect(current.ytd[0]).toBe(at('2024-01-01T05:00:00Z'));
    expect(prior.ytd[0]).toBe(at('2023-01-01T05:00:00Z'));
    expect(prior.ytd[1]).toBe(at('2023-02-01T12:00:00Z'));
    const rows = compstat({ t: Float64Array.of(at('2024-01-01T03:00:00Z')), category: Int32Array.of(0), categories: ['X'], now, offset: est });
    expect(rows[0].ytd).toBe(0); // 10 pm on 31 December local time
    expect(compstatPeriods(now, est, '364days').prior.week[1]).toBe(now - 364 * day);
  });
});
