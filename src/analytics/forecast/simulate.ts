/**
 * Seeded simulator of a self-exciting space–time point process (a Hawkes / ETAS cluster process):
 * background events arrive as a homogeneous Poisson process in time, placed uniformly in a box or around
 * Gaussian hot spots; every event has Poisson(θ) offspring, each after an Exp(ω) delay and displaced by an
 * isotropic Gaussian of sd σ. It is the ground truth for SEPP parameter-recovery tests and the source of
 * realistic clustered data for scale benchmarks.
 */
import { createRng } from '../util/prng.js';
import type { EventArrays } from './types.js';

/** A Gaussian hot spot of the background. */
export interface Hotspot {
  x: number;
  y: number;
  /** Spatial sd (metres). */
  sd: number;
  /** Share of background events (the rest are uniform in the box). */
  weight: number;
}

/** Options of {@link simulateHawkes}. */
export interface HawkesSimulationOptions {
  seed: number;
  /** Simulated period [0, duration) in days. */
  duration: number;
  /** Box of uniform background events (metres). */
  region: { minX: number; minY: number; maxX: number; maxY: number };
  /** Background events per day over the whole region. */
  backgroundRate: number;
  /** Mean offspring per event θ (< 1 for a stable process). */
  branchingRatio: number;
  /** Decay rate ω of the exponential delay (per day; mean delay 1/ω). */
  omega: number;
  /** sd σ of the offspring displacement (metres). */
  sigma: number;
  /** Optional background hot spots (their weights should sum to ≤ 1). */
  hotspots?: Hotspot[];
}

/** Simulated events sorted by time, with the true parent of each (−1 = background). */
export interface SimulatedEvents extends EventArrays {
  parent: Int32Array;
}

/** Simulates the process (branching construction, generation by generation). */
export function simulateHawkes(options: HawkesSimulationOptions): SimulatedEvents {
  const rng = createRng(options.seed);
  const { region, duration } = options;
  const xs: number[] = [];
  const ys: number[] = [];
  const ts: number[] = [];
  const parents: number[] = [];
  const count = rng.poisson(options.backgroundRate * duration);
  const hotspots = options.hotspots ?? [];
  for (let i = 0; i < count; i++) {
    let u = rng.next();
    let placed = false;
    for (const h of hotspots) {
      if (u < h.weight) {
        xs.push(h.x + h.sd * rng.normal());
        ys.push(h.y + h.sd * rng.normal());
        placed = true;
        break;
      }
      u -= h.weight;
    }
    if (!placed) {
      xs.push(region.minX + rng.next() * (region.maxX - region.minX));
      ys.push(region.minY + rng.next() * (region.maxY - region.minY));
    }
    ts.push(rng.next() * duration);
    parents.push(-1);
  }
  // Offspring of generation g are appended after it; walking the growing list visits every generation.
  for (let i = 0; i < ts.length; i++) {
    const children = rng.poisson(options.branchingRatio);
    for (let c = 0; c < children; c++) {
      const t = ts[i] + rng.exponential(options.omega);
      if (t >= duration) continue;
      xs.push(xs[i] + options.sigma * rng.normal());
      ys.push(ys[i] + options.sigma * rng.normal());
      ts.push(t);
      parents.push(i);
    }
  }
  const order = ts.map((_, i) => i).sort((a, b) => ts[a] - ts[b] || a - b);
  const rank = new Int32Array(order.length);
  order.forEach((original, k) => (rank[original] = k));
  const out: SimulatedEvents = {
    x: new Float64Array(order.length),
    y: new Float64Array(order.length),
    t: new Float64Array(order.length),
    parent: new Int32Array(order.length),
  };
  order.forEach((original, k) => {
    out.x[k] = xs[original];
    out.y[k] = ys[original];
    out.t[k] = ts[original];
    out.parent[k] = parents[original] < 0 ? -1 : rank[parents[original]];
  });
  return out;
}
