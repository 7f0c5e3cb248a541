/** Pieces of the analysis service that need no database: decoding, filtering, ranking, Knox shards. */
import { describe, expect, it } from 'vitest';
import { createRng, knoxTest } from '../../analytics/index.js';
import { decodeFloat64, decodeInt32 } from './binary.js';
import { localDays } from './local-days.js';
import { areaLayer, selectEvents } from './select.js';
import { classesByRank, rankedCells, topCells } from './jobs/rank.js';
import { bandsFromEdges, knoxInline, knoxShardOptions, mergeKnox, type NearRepeatParams } from './jobs/near-repeat.js';
import type { AgencyEvents } from './load.js';

describe('binary columns', () => {
  it('decodes big-endian float8 and int4 values', () => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setFloat64(0, 485_000.25, false);
    view.setFloat64(8, -1.5, false);
    expect(Array.from(decodeFloat64(bytes, 2))).toEqual([485_000.25, -1.5]);
    view.setInt32(0, -1, false);
    expect(decodeInt32(bytes.subarray(0, 4), 1)[0]).toBe(-1);
    expect(decodeFloat64(null, 0)).toHaveLength(0);
    expect(() => decodeFloat64(bytes, 3)).toThrow('expected 24');
  });
});

describe('localDays', () => {
  it('counts wall-clock days across daylight-saving changes, also at half-hour offsets', () => {
    const at = (iso: string) => Date.parse(iso);
    const days = localDays(Float64Array.of(at('2022-03-13T06:59:59Z'), at('2022-03-13T07:00:00Z'), at('2022-11-06T05:30:00Z'), at('2022-11-06T06:30:00Z')), 'America/New_York');
    const wall = (iso: string) => Date.parse(`${iso}Z`) / 86_400_000;
    // 01:59:59 EST, then 03:00 EDT; 01:30 EDT, then 01:30 EST (the repeated hour).
    expect(Array.from(days)).toEqual([wall('2022-03-13T01:59:59'), wall('2022-03-13T03:00:00'), wall('2022-11-06T01:30:00'), wall('2022-11-06T01:30:00')]);
    // Newfoundland springs forward at 02:00 NST = 05:30 UTC: the change falls inside a UTC hour.
    const stJohns = localDays(Float64Array.of(at('2022-03-13T05:29:00Z'), at('2022-03-13T05:31:00Z')), 'America/St_Johns');
    expect(Array.from(stJohns)).toEqual([wall('2022-03-13T01:59:00'), wall('2022-03-13T03:01:00')]);
  });
});

describe('selectEvents', () => {
  const all: AgencyEvents = {
    agencyId: 1, version: 'v', categories: ['homicide', 'burglary'], ids: Float64Array.of(1, 2, 3, 4),
    x: Float64Array.of(1, 2, 3, 4), y: Float64Array.of(5, 6, 7, 8), t: Float64Array.of(10, 11, 12, 13),
    ms: Float64Array.of(1000, 2000, 3000, 4000), category: Int32Array.of(0, 1, 1, -1),
    areas: { start: Int32Array.of(0, 1, 3, 3, 4), values: Int32Array.of(7, 7, 9, 9) },
  };

  it('keeps from ≤ time < to, any listed category and members of the area', () => {
    expect(Array.from(selectEvents(all, { from: new Date(2000), to: new Date(4000) }).index)).toEqual([1, 2]);
    expect(Array.from(selectEvents(all, { categories: ['burglary'] }).index)).toEqual([1, 2]);
    expect(Array.from(selectEvents(all, { areaId: 9 }).index)).toEqual([1, 3]);
    const { events } = selectEvents(all, { categories: ['homicide', 'unknown'] });
    expect(Array.from(events.x)).toEqual([1]);
  });

  it('gives each event its first area of a layer', () => {
    const { index } = selectEvents(all, {});
    expect(Array.from(areaLayer(all, index, [9, 7]))).toEqual([1, 1, -1, 0]);
  });
});

describe('ranking cells', () => {
  it('classes the top 1/5/10/20% of the study area, never an empty cell', () => {
    const values = Float64Array.from({ length: 200 }, (_, c) => (c < 30 ? 200 - c : 0));
    const mask = new Uint8Array(200).fill(1);
    const ranked = rankedCells(values, mask);
    expect(ranked[0]).toBe(0);
    const { layer, classes } = classesByRank(ranked, values);
    expect(classes.map((c) => c.cells)).toEqual([2, 8, 10, 10]); // 2 + 8 + 10 cells, then 10 of the 20 with events
    expect(layer[0]).toBe(4);
    expect(layer[35]).toBe(0);
    expect(topCells(ranked, 0.05)).toHaveLength(10);
  });
});

describe('Knox shards', () => {
  const rng = createRng(11);
  const n = 300;
  const x = Float64Array.from({ length: n }, () => rng.next() * 1500);
  const y = Float64Array.from({ length: n }, () => rng.next() * 1500);
  const t = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 200));
  const params: NearRepeatParams = { distance: { width: 100, count: 3 }, time: { width: 7, count: 2 }, iterations: 401, seed: 5, metric: 'euclidean', nrcCompatible: false };

  it('splits the permutations with their own seeds and merges them into one table', () => {
    const shards = knoxShardOptions(params);
    expect(shards.map((s) => s.iterations)).toEqual([201, 200]);
    expect(shards[0].seed).not.toBe(shards[1].seed);
    const parts = shards.map((o) => knoxTest(x, y, t, o));
    const merged = mergeKnox(parts);
    expect(merged.iterations).toBe(401);
    expect(merged.observed).toEqual(parts[0].observed);
    for (let r = 0; r < merged.observed.length; r++) {
      for (let c = 0; c < merged.observed[0].length; c++) {
        const atLeast = parts.reduce((s, p) => s + Math.round(p.pValue[r][c] * (p.iterations + 1) - 1), 0);
        expect(merged.pValue[r][c]).toBeCloseTo((1 + atLeast) / 402, 12);
        expect(merged.expectedMean[r][c]).toBeCloseTo((parts[0].expectedMean[r][c] * 201 + parts[1].expectedMean[r][c] * 200) / 401, 9);
      }
    }
    expect(knoxInline(x, y, t, params)).toEqual(merged);
  });

  it('agrees with one unsharded run up to Monte Carlo error', () => {
    const single = knoxTest(x, y, t, { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 7, temporalBands: 2, iterations: 401, seed: 9 });
    const merged = knoxInline(x, y, t, params);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) expect(Math.abs(merged.expectedMean[r][c] - single.expectedMean[r][c])).toBeLessThan(0.1 * single.expectedMean[r][c] + 1);
  });

  it('takes band edges of one width only', () => {
    expect(bandsFromEdges([100, 200, 300], 'distanceBands', 'metres')).toEqual({ width: 100, count: 3 });
    expect(() => bandsFromEdges([100, 250], 'distanceBands', 'metres')).toThrow('distanceBands: bands must all be 100 metres wide (upper edges 100,200)');
    expect(() => bandsFromEdges([], 'timeBands', 'days')).toThrow('timeBands: give positive upper edges');
  });
});
