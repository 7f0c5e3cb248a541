/**
 * Retrospective hot-spotting: the next events are expected where the last window's events were. The
 * surface is a grid count ('none') or a kernel density over a trailing window, every event weighted alike.
 * With a 400 m quartic kernel and a 365-day window this is open_cp's best model on Philadelphia shootings.
 */
import type { KernelName } from '../kde/kde.js';
import { kernelSurface } from './surfaces.js';
import type { ForecastModel } from './types.js';

/** Options of {@link retrospectiveModel}. */
export interface RetrospectiveOptions {
  /** Trailing window in days (default 365). */
  windowDays?: number;
  /** 'none' (grid counts), 'quartic' (default) or 'gaussian'. */
  kernel?: KernelName | 'none';
  /** Quartic radius or Gaussian sd in metres (default 400). */
  bandwidth?: number;
}

/** Retrospective hot-spot model. */
export function retrospectiveModel(options: RetrospectiveOptions = {}): ForecastModel {
  const windowDays = options.windowDays ?? 365;
  const kernel = options.kernel ?? 'quartic';
  const bandwidth = options.bandwidth ?? 400;
  return {
    name: kernel === 'none' ? `retrospective counts ${windowDays}d` : `retrospective ${kernel} ${bandwidth}m ${windowDays}d`,
    historyDays: windowDays,
    predict({ grid, events, now }) {
      // The backtest already slices the history, but a caller may pass more: keep only the window.
      const w = new Float64Array(events.t.length);
      for (let i = 0; i < w.length; i++) w[i] = events.t[i] >= now - windowDays && events.t[i] < now ? 1 : 0;
      return kernelSurface(grid, events.x, events.y, w, kernel, bandwidth);
    },
  };
}
