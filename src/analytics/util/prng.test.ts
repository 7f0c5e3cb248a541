import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, shuffleInPlace } from './prng.js';
import { erfc, normalCdf, twoSidedP } from './normal.js';
import { kthNeighbourDistance } from './knn.js';

describe('prng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('draws uniforms in [0,1) with mean 1/2 and normals with sd 1', () => {
    const rng = createRng(7);
    let sum = 0;
    let sum2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = rng.normal();
      sum2 += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sum2 / n).toBeCloseTo(1, 1);
  });

  it('Poisson deviates have the right mean', () => {
    const rng = createRng(3);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += rng.poisson(2.5);
    expect(sum / 20_000).toBeCloseTo(2.5, 1);
  });

  it('shuffles into a permutation', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(v, createRng(1));
    expect(Array.from(v).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(v)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('normal distribution', () => {
  it('matches known values', () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 5);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 5);
  });
});

describe('k-th nearest neighbour distance', () => {
  it('matches a brute-force search', () => {
    const rng = createRng(5);
    const n = 300;
    const x = Float64Array.from({ length: n }, () => rng.next() * 1000);
    const y = Float64Array.from({ length: n }, () => rng.next() * 500);
    const d = kthNeighbourDistance(x, y, 4);
    for (let i = 0; i < n; i += 17) {
      const all = [];
      for (let j = 0; j < n; j++) if (j !== i) all.push(Math.hypot(x[i] - x[j], y[i] - y[j]));
      all.sort((a, b) => a - b);
      expect(d[i]).toBeCloseTo(all[3], 9);
    }
  });
});
