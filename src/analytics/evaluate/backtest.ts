/**
 * Rolling-origin backtest: at each origin (e.g. every Monday) a model is trained on the trailing window
 * and scored on the following horizon. Models declare how much history they read (ForecastModel.historyDays);
 * the design's `trainingWindow` caps it unless `allowLongerHistory` is set, so a long-memory model can be
 * reported both ways.
 */
import { cellIndexOf, gridCounts, type Grid } from '../grid/grid.js';
import { sliceByTime, type EventArrays, type ForecastModel } from '../forecast/types.js';
import { scoreForecast } from './hit-rate.js';

/** Backtest design. Times in days. */
export interface BacktestOptions {
  grid: Grid;
  mask?: Uint8Array;
  /** First forecast origin. */
  start: number;
  /** Last forecast origin (inclusive). */
  end: number;
  /** Days between origins (default 7). */
  step?: number;
  /** Days scored after each origin (default = step). */
  horizon?: number;
  /** Training window in days (default 365). */
  trainingWindow?: number;
  /** Let models read their own longer history (default false: history = min(model, trainingWindow)). */
  allowLongerHistory?: boolean;
  /** Area shares (default [0.01, 0.05, 0.10]). */
  coverage?: number[];
}

/** One scored origin. */
export interface BacktestStep {
  start: number;
  end: number;
  events: number;
  hitRate: number[];
  pai: number[];
  pei: number[];
}

/** Backtest output (the CLI prints it as JSON). */
export interface BacktestResult {
  model: string;
  coverage: number[];
  steps: BacktestStep[];
  mean: { hitRate: number[]; pai: number[]; pei: number[] };
}

/**
 * Runs one model over the design. Means are unweighted over steps that had at least one event in the
 * mask (a week without events has no hit rate).
 */
export function runBacktest(model: ForecastModel, events: EventArrays, options: BacktestOptions): BacktestResult {
  const step = options.step ?? 7;
  const horizon = options.horizon ?? step;
  const window = options.trainingWindow ?? 365;
  const coverage = options.coverage ?? [0.01, 0.05, 0.1];
  const history = options.allowLongerHistory ? model.historyDays : Math.min(model.historyDays, window);
  const steps: BacktestStep[] = [];
  for (let origin = options.start; origin <= options.end + 1e-9; origin += step) {
    const train = sliceByTime(events, origin - history, origin);
    const test = sliceByTime(events, origin, origin + horizon);
    const score = model.predict({ grid: options.grid, mask: options.mask, events: train, now: origin, horizon });
    const actual = gridCounts(options.grid, test.x, test.y);
    const s = scoreForecast(score, actual, coverage, options.mask);
    steps.push({ start: origin, end: origin + horizon, events: s.events, hitRate: s.hitRate, pai: s.pai, pei: s.pei });
  }
  const scored = steps.filter((s) => s.events > 0);
  const mean = (pick: (s: BacktestStep) => number[]): number[] =>
    coverage.map((_, j) => scored.reduce((acc, s) => acc + pick(s)[j], 0) / Math.max(1, scored.length));
  return { model: model.name, coverage, steps, mean: { hitRate: mean((s) => s.hitRate), pai: mean((s) => s.pai), pei: mean((s) => s.pei) } };
}

/** Share of events that fall inside the mask (useful to report alongside hit rates). */
export function shareInsideMask(grid: Grid, mask: Uint8Array, events: EventArrays): number {
  let inside = 0;
  for (let i = 0; i < events.x.length; i++) {
    const c = cellIndexOf(grid, events.x[i], events.y[i]);
    if (c >= 0 && mask[c]) inside++;
  }
  return events.x.length ? inside / events.x.length : 0;
}
