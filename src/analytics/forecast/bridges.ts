/**
 * The Bridges default forecast: a long-memory, fine-scale background (where shootings have concentrated
 * for years), optionally plus the short-term self-excitation fitted by the SEPP on the last year.
 *
 *   expected(cell) = r_b · H · P_long(cell) + Σ_j θ (e^{−ω a_j} − e^{−ω (a_j + H)}) · N₂(cell − x_j; σ²)
 *
 * P_long is a {@link blendModel} surface normalised over the study area (by default one 75 m Gaussian over
 * 8 years of history with an 8-year half-life: see BRIDGES_DEFAULT_COMPONENTS); r_b, θ, ω, σ come from
 * {@link fitSepp} on the trailing `seppWindowDays`. Why: weekly shooting risk is dominated by stable
 * places, best estimated from many years at fine scale with some neighbourhood smoothing for places
 * without a recent record; the self-exciting part moves probability towards last week's incidents only
 * as much as the data support.
 *
 * History: reads `historyDays` (default 8 years) — longer than a 365-day training window; the backtest
 * reports it with allowLongerHistory and, for comparison, truncated to 365 days.
 */
import { blendModel, type BlendComponent } from './blend.js';
import { fitSepp, type SeppOptions } from './sepp.js';
import { kernelSurface, normaliseOverMask } from './surfaces.js';
import { sliceByTime, type ForecastModel } from './types.js';

/** Options of {@link bridgesModel}. */
export interface BridgesModelOptions {
  /** Long-memory components (see defaults above). */
  components?: BlendComponent[];
  /** History read in days (default 2922 = 8 years). */
  historyDays?: number;
  /**
   * Window of the SEPP fit for the short-term self-exciting part (days). Default 0 = off: on the 2019–2021
   * Philadelphia backtest it changed weekly hit rates by −0.001/−0.005/−0.004 at 1/5/10%, so the default
   * keeps the long-memory surface alone; 365 turns it on for data with stronger near-repeat dynamics.
   */
  seppWindowDays?: number;
  /** SEPP fit options (defaults of fitSepp, with 20 iterations). */
  sepp?: SeppOptions;
}

/**
 * Default long-memory component: chosen on the 2019–2021 Philadelphia backtest (157 weekly origins), never on
 * 2022–2023. Among single kernels (Gaussian 50–1000 m, half-lives 1,000 d – none), 2–3-scale mixtures,
 * adaptive (k-nearest-neighbour) kernels and trend-adjusted surfaces, a 75 m Gaussian with an 8-year
 * half-life had the best summed hit rate at 1/5/10% (.161/.443/.634); mixtures and trend adjustments
 * differed from it by less than the week-to-week noise, so the simplest surface ships. 75 m is half a
 * 150 m cell: in effect "where shootings happened, with a little spill to the next block".
 */
export const BRIDGES_DEFAULT_COMPONENTS: BlendComponent[] = [{ kernel: 'gaussian', bandwidth: 75, halfLifeDays: 2922, windowDays: 2922, weight: 1 }];

/** The Bridges hybrid model. */
export function bridgesModel(options: BridgesModelOptions = {}): ForecastModel {
  const components = options.components ?? BRIDGES_DEFAULT_COMPONENTS;
  const historyDays = options.historyDays ?? 2922;
  const seppWindow = options.seppWindowDays ?? 0;
  const long = blendModel({ components: components.map((c) => ({ ...c, windowDays: Math.min(c.windowDays, historyDays) })) });
  return {
    name: seppWindow > 0 ? `bridges (long-memory kernel + SEPP ${seppWindow}d)` : `bridges (long-memory kernel, ${historyDays}d)`,
    historyDays,
    predict(input) {
      const { grid, mask, events, now, horizon } = input;
      const pLong = normaliseOverMask(long.predict(input), mask);
      if (seppWindow <= 0) return pLong;
      const recent = sliceByTime(events, now - seppWindow, now);
      if (recent.t.length < 10) return pLong;
      const fit = fitSepp(recent, { iterations: 20, ...options.sepp, end: now });
      const out = new Float64Array(pLong.length);
      const backgroundTotal = fit.backgroundRate * horizon;
      for (let c = 0; c < out.length; c++) out[c] = backgroundTotal * pLong[c];
      const w = new Float64Array(fit.events.t.length);
      for (let i = 0; i < w.length; i++) {
        const age = now - fit.events.t[i];
        w[i] = fit.theta * (Math.exp(-fit.omega * age) - Math.exp(-fit.omega * (age + horizon)));
      }
      const triggered = kernelSurface(grid, fit.events.x, fit.events.y, w, 'gaussian', fit.sigma);
      for (let c = 0; c < out.length; c++) out[c] += triggered[c];
      return out;
    },
  };
}
