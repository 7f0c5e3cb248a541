/**
 * Self-exciting point process of Mohler et al. (2011, "Self-exciting point process modeling of crime",
 * JASA): λ(x, y, t) = μ(x, y) + Σ_{t_j < t} θ ω e^{−ω(t − t_j)} · N₂(x − x_j, y − y_j; σ²).
 *
 * - Background μ: a variable-bandwidth Gaussian KDE of the events weighted by their probability of being
 *   background, each event's sd being its distance to the k-th nearest event (Mohler's k = 15), floored at
 *   `minBandwidth`. It is stationary in time (Mohler also lets it vary in time; a trend shows up here as
 *   a little extra self-excitation instead).
 * - Triggering: exponential in time and Gaussian in space (the parametric form of Mohler 2011's
 *   nonparametric kernel used by Mohler et al. 2015), fitted by EM — the expectation form of stochastic
 *   declustering: branching probabilities p_ij are used as weights instead of being sampled.
 * - Scale: triggering is truncated to a space–time window (`maxLag`, `maxDistance`), so each event keeps a
 *   sparse list of candidate parents, and the background KDE is a sparse matrix of kernel values within
 *   3 sd; both are built once. Memory and time per iteration are linear in those nonzeros, never n².
 *   The M-step corrects θ, ω and σ for the truncation and for offspring not yet observed at the end.
 */
import { adaptiveGaussianSurface } from '../kde/adaptive.js';
import { kthNeighbourDistance } from '../util/knn.js';
import { candidateParents } from './candidates.js';
import { kernelSurface } from './surfaces.js';
import type { EventArrays, ForecastModel } from './types.js';
import { backgroundMatrix, backgroundAtEvents } from './sepp-background.js';

/** Options of {@link fitSepp}. Defaults in brackets. */
export interface SeppOptions {
  /** EM iterations [40]. */
  iterations?: number;
  /** Largest parent–child lag in days [60]. */
  maxLag?: number;
  /** Largest parent–child distance in metres [500]. */
  maxDistance?: number;
  /** Neighbour rank for background bandwidths [15]. */
  backgroundNeighbours?: number;
  /** Smallest background sd in metres [50]. */
  minBandwidth?: number;
  /**
   * Smallest triggering sd in metres [25]. Without a floor, incidents geocoded to the very same point
   * (repeat addresses, block centroids) pull σ to 0 and the likelihood to infinity.
   */
  minSigma?: number;
  /** Starting values [θ 0.2, ω 0.1/day, σ 100 m]. */
  initial?: { theta?: number; omega?: number; sigma?: number };
  /** End of the observation window (days) [last event time]. */
  end?: number;
}

/** A fitted SEPP. */
export interface SeppFit {
  /** Branching ratio: expected offspring per event. */
  theta: number;
  /** Time decay rate (per day). */
  omega: number;
  /** Spatial sd of the triggering kernel (metres). */
  sigma: number;
  /** Background events per day over the whole area. */
  backgroundRate: number;
  /** Probability that each (time-sorted) event is a background event. */
  backgroundProbability: Float64Array;
  /** Background sd of each event (metres). */
  bandwidth: Float64Array;
  /** Events sorted by time (the order of the arrays above). */
  events: EventArrays;
  /** Observation window [start, end] in days. */
  start: number;
  end: number;
  /** Log-likelihood after each iteration (non-decreasing up to truncation corrections). */
  logLikelihood: number[];
}

/** Fits the model by EM. Events need not be sorted. */
export function fitSepp(input: EventArrays, options: SeppOptions = {}): SeppFit {
  const iterations = options.iterations ?? 40;
  const maxLag = options.maxLag ?? 60;
  const maxDistance = options.maxDistance ?? 500;
  const events = sortByTime(input);
  const { x, y, t } = events;
  const n = t.length;
  const start = n ? t[0] : 0;
  const end = Math.max(options.end ?? (n ? t[n - 1] : 0), start + 1e-9);
  const span = end - start;
  const bandwidth = kthNeighbourDistance(x, y, Math.min(options.backgroundNeighbours ?? 15, Math.max(1, n - 1)));
  const minBw = options.minBandwidth ?? 50;
  for (let i = 0; i < n; i++) bandwidth[i] = Number.isFinite(bandwidth[i]) ? Math.max(minBw, bandwidth[i]) : Math.max(minBw, 1000);
  const bg = backgroundMatrix(x, y, bandwidth);
  const cand = candidateParents(x, y, t, maxLag, maxDistance);

  let theta = options.initial?.theta ?? 0.2;
  let omega = options.initial?.omega ?? 0.1;
  let sigma = options.initial?.sigma ?? 100;
  const pBackground = new Float64Array(n).fill(1);
  const pPair = new Float64Array(cand.parent.length);
  const logLikelihood: number[] = [];
  for (let it = 0; it < iterations; it++) {
    // E-step.
    const mu = backgroundAtEvents(bg, pBackground, n);
    const s2 = sigma * sigma;
    const spatialNorm = 1 / (2 * Math.PI * s2);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const muI = mu[i] / span;
      let lambda = muI;
      for (let k = cand.offsets[i]; k < cand.offsets[i + 1]; k++) {
        const g = theta * omega * Math.exp(-omega * cand.lag[k]) * spatialNorm * Math.exp(-cand.distance2[k] / (2 * s2));
        pPair[k] = g;
        lambda += g;
      }
      const inv = lambda > 0 ? 1 / lambda : 0;
      pBackground[i] = lambda > 0 ? muI * inv : 1;
      for (let k = cand.offsets[i]; k < cand.offsets[i + 1]; k++) pPair[k] *= inv;
      ll += Math.log(Math.max(lambda, 1e-300));
    }
    // M-step, with corrections for the truncated windows and for unobserved offspring after `end`.
    let triggered = 0;
    let lagSum = 0;
    let d2Sum = 0;
    for (let k = 0; k < pPair.length; k++) {
      triggered += pPair[k];
      lagSum += pPair[k] * cand.lag[k];
      d2Sum += pPair[k] * cand.distance2[k];
    }
    let backgroundTotal = 0;
    for (let i = 0; i < n; i++) backgroundTotal += pBackground[i];
    if (triggered > 1e-9) {
      omega = truncatedExponentialRate(lagSum / triggered, maxLag);
      sigma = Math.max(options.minSigma ?? 25, truncatedGaussianSigma(d2Sum / triggered, maxDistance));
      const spaceMass = 1 - Math.exp(-(maxDistance * maxDistance) / (2 * sigma * sigma));
      let exposure = 0;
      for (let i = 0; i < n; i++) exposure += 1 - Math.exp(-omega * Math.min(maxLag, end - t[i]));
      theta = triggered / Math.max(1e-12, exposure * spaceMass);
    } else theta = 0;
    ll -= backgroundTotal + theta * n; // compensator (approximately: total expected events)
    logLikelihood.push(ll);
  }
  let backgroundTotal = 0;
  for (let i = 0; i < n; i++) backgroundTotal += pBackground[i];
  return {
    theta,
    omega,
    sigma,
    backgroundRate: backgroundTotal / span,
    backgroundProbability: pBackground,
    bandwidth,
    events,
    start,
    end,
    logLikelihood,
  };
}

/**
 * Expected events per grid cell in [now, now + horizon): background μ·horizon plus what the events so far
 * are still expected to trigger.
 */
export function seppIntensityGrid(fit: SeppFit, grid: import('../grid/grid.js').Grid, now: number, horizon: number): Float64Array {
  const { x, y, t } = fit.events;
  const span = fit.end - fit.start;
  const wBg = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) wBg[i] = (fit.backgroundProbability[i] * horizon) / span;
  let minBw = Infinity;
  let maxBw = 0;
  for (const h of fit.bandwidth) {
    minBw = Math.min(minBw, h);
    maxBw = Math.max(maxBw, h);
  }
  const background = adaptiveGaussianSurface(grid, x, y, wBg, {
    bandwidths: fit.bandwidth,
    minBandwidth: Number.isFinite(minBw) ? minBw : 50,
    maxBandwidth: Math.max(maxBw, minBw, 50),
  });
  const wTrig = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const age = now - t[i];
    if (age < 0) continue;
    wTrig[i] = fit.theta * (Math.exp(-fit.omega * age) - Math.exp(-fit.omega * (age + horizon)));
  }
  const triggered = kernelSurface(grid, x, y, wTrig, 'gaussian', fit.sigma);
  for (let c = 0; c < background.length; c++) background[c] += triggered[c];
  return background;
}

/** Options of {@link seppModel}: fit options plus the training window. */
export interface SeppModelOptions extends SeppOptions {
  /** History used for each fit (days, default 365). */
  windowDays?: number;
}

/** SEPP as a forecast model (refitted at every origin). */
export function seppModel(options: SeppModelOptions = {}): ForecastModel {
  const windowDays = options.windowDays ?? 365;
  return {
    name: `sepp (Mohler 2011) ${windowDays}d`,
    historyDays: windowDays,
    predict({ grid, events, now, horizon }) {
      const fit = fitSepp(events, { ...options, end: now });
      return seppIntensityGrid(fit, grid, now, horizon);
    },
  };
}

/** ω of an exponential truncated at `tau` whose mean is `mean` (bisection; the mean falls as ω grows). */
export function truncatedExponentialRate(mean: number, tau: number): number {
  const meanOf = (w: number): number => 1 / w - (tau * Math.exp(-w * tau)) / (1 - Math.exp(-w * tau));
  if (mean >= tau / 2) return 1e-6 / tau; // flat: no decay detectable within the window
  let lo = 1e-9 / tau;
  let hi = 1e6 / tau;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (meanOf(mid) > mean) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** σ of an isotropic 2D Gaussian truncated to a disk of radius R whose mean squared radius is `meanR2`. */
export function truncatedGaussianSigma(meanR2: number, radius: number): number {
  const r2 = radius * radius;
  const meanOf = (s: number): number => {
    const a = r2 / (2 * s * s);
    return 2 * s * s - (r2 * Math.exp(-a)) / (1 - Math.exp(-a));
  };
  if (meanR2 >= r2 / 2) return radius * 1e3; // uniform over the disk or wider
  let lo = radius * 1e-6;
  let hi = radius * 1e3;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (meanOf(mid) < meanR2) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

function sortByTime(events: EventArrays): EventArrays {
  const n = events.t.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => events.t[a] - events.t[b] || a - b);
  return {
    x: Float64Array.from(order, (i) => events.x[i]),
    y: Float64Array.from(order, (i) => events.y[i]),
    t: Float64Array.from(order, (i) => events.t[i]),
  };
}
