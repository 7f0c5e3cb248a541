/**
 * Seeded pseudo-random numbers. Every stochastic step in analytics (Knox permutations, simulation,
 * tie-breaking) draws from here so that a run is reproducible from its seed alone.
 *
 * The generator is xoshiro128** (Blackman & Vigna): 128 bits of state, 32-bit output, fast in JS
 * because it needs only 32-bit integer operations. The state is seeded through splitmix32 so that
 * nearby seeds (1, 2, 3…) give unrelated streams.
 */

/** A seeded random source. */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n) (n ≤ 2^32), without modulo bias. */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, one value per call, the pair's twin is cached). */
  normal(): number;
  /** Exponential deviate with the given rate. */
  exponential(rate: number): number;
  /** Poisson deviate (inversion for small means, normal approximation with continuity above 500). */
  poisson(mean: number): number;
}

/** splitmix32 step: turns any 32-bit seed into a well-mixed 32-bit value. */
export function splitmix32(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes a seed with a stream number (e.g. the permutation index) into an independent seed. */
export function deriveSeed(seed: number, stream: number): number {
  return splitmix32(splitmix32(seed >>> 0) ^ Math.imul(stream + 1, 0x27d4eb2f));
}

/** Creates an xoshiro128** generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let s0 = splitmix32(seed >>> 0);
  let s1 = splitmix32(s0 ^ 0x6a09e667);
  let s2 = splitmix32(s1 ^ 0xbb67ae85);
  let s3 = splitmix32(s2 ^ 0x3c6ef372);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  let spare = Number.NaN;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;
  const rng: Rng = {
    nextUint32,
    next,
    int(n: number): number {
      // Lemire-style rejection keeps every residue equally likely.
      const limit = 4294967296 - (4294967296 % n);
      let v = nextUint32();
      while (v >= limit) v = nextUint32();
      return v % n;
    },
    normal(): number {
      if (!Number.isNaN(spare)) {
        const v = spare;
        spare = Number.NaN;
        return v;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    exponential(rate: number): number {
      let u = 0;
      while (u === 0) u = next();
      return -Math.log(u) / rate;
    },
    poisson(mean: number): number {
      if (mean <= 0) return 0;
      if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      // Inversion by sequential search: exact and fast enough for the small means we draw.
      let k = 0;
      let p = Math.exp(-mean);
      let cumulative = p;
      const u = next();
      while (u > cumulative && k < 10_000) {
        k += 1;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** In-place Fisher–Yates shuffle of a typed array. */
export function shuffleInPlace(values: { length: number; [i: number]: number }, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
}
