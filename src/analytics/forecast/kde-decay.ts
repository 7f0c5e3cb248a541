/**
 * Kernel density with exponential time decay: Σ K_h(x − x_i) · 2^(−age_i / halfLife). The half-life sets
 * the memory: days to weeks emphasise recent activity, years give a stable long-run hot-spot map.
 */
import type { KernelName } from '../kde/kde.js';
import { decayWeights, kernelSurface } from './surfaces.js';
import type { ForecastModel } from './types.js';

/** Options of {@link kdeDecayModel}. */
export interface KdeDecayOptions {
  /** Kernel (default 'gaussian'). */
  kernel?: KernelName;
  /** Bandwidth in metres (Gaussian sd or quartic radius; default 250). */
  bandwidth?: number;
  /** Half-life of an event's weight in days (default 180). */
  halfLifeDays?: number;
  /** History read (days, default 365). */
  windowDays?: number;
}

/** Time-decayed KDE model. */
export function kdeDecayModel(options: KdeDecayOptions = {}): ForecastModel {
  const kernel = options.kernel ?? 'gaussian';
  const bandwidth = options.bandwidth ?? 250;
  const halfLife = options.halfLifeDays ?? 180;
  const windowDays = options.windowDays ?? 365;
  return {
    name: `kde-decay ${kernel} ${bandwidth}m half-life ${halfLife}d ${windowDays}d`,
    historyDays: windowDays,
    predict({ grid, events, now }) {
      const w = decayWeights(events.t, now, halfLife);
      for (let i = 0; i < w.length; i++) if (events.t[i] < now - windowDays || events.t[i] >= now) w[i] = 0;
      return kernelSurface(grid, events.x, events.y, w, kernel, bandwidth);
    },
  };
}
