/**
 * A weighted mixture of time-decayed kernel surfaces, each normalised to a probability over the study
 * area before mixing so that the weights mean "share of belief" whatever the number of events behind each
 * component. Mixing a long-memory, fine-scale surface (where shootings have concentrated for years) with
 * shorter-memory, wider components (recent flare-ups and their near-repeat spread) is what makes this
 * model beat any single window.
 */
import { adaptiveGaussianSurface } from '../kde/adaptive.js';
import type { KernelName } from '../kde/kde.js';
import { decayWeights, kernelSurface, normaliseOverMask } from './surfaces.js';
import type { ForecastModel } from './types.js';

/** One component of a {@link blendModel}. */
export interface BlendComponent {
  /** Fixed kernel, or 'adaptive' (Gaussian with sd = distance to the k-th nearest training event). */
  kernel: KernelName | 'adaptive';
  /** Gaussian sd or quartic radius (metres); for 'adaptive' the smallest sd. */
  bandwidth: number;
  /** 'adaptive' only: neighbour rank k (default 10). */
  neighbours?: number;
  /** Half-life of event weights (days; Infinity = no decay). */
  halfLifeDays: number;
  /** Events older than this are ignored (days). */
  windowDays: number;
  /** Mixing weight (the weights need not sum to 1). */
  weight: number;
}

/** Options of {@link blendModel}. */
export interface BlendOptions {
  name?: string;
  components: BlendComponent[];
}

/** Mixture-of-surfaces model; historyDays is the longest component window. */
export function blendModel(options: BlendOptions): ForecastModel {
  const components = options.components;
  const historyDays = Math.max(...components.map((c) => c.windowDays));
  return {
    name: options.name ?? `blend(${components.map((c) => `${c.weight}×${c.kernel}${c.bandwidth}m/${c.halfLifeDays}d/${c.windowDays}d`).join(' + ')})`,
    historyDays,
    predict({ grid, mask, events, now }) {
      const out = new Float64Array(grid.nx * grid.ny);
      for (const c of components) {
        const w = decayWeights(events.t, now, c.halfLifeDays);
        for (let i = 0; i < w.length; i++) if (events.t[i] < now - c.windowDays || events.t[i] >= now) w[i] = 0;
        const raw =
          c.kernel === 'adaptive'
            ? adaptiveGaussianSurface(grid, events.x, events.y, w, { k: c.neighbours ?? 10, minBandwidth: c.bandwidth })
            : kernelSurface(grid, events.x, events.y, w, c.kernel, c.bandwidth);
        const surface = normaliseOverMask(raw, mask);
        for (let k = 0; k < out.length; k++) out[k] += c.weight * surface[k];
      }
      return out;
    },
  };
}
