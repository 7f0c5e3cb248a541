/**
 * The contract every grid forecast model implements, so the backtest can run them all the same way.
 * Times are in days (any epoch; fractional days carry the time of day).
 */
import type { Grid } from '../grid/grid.js';

/** Events as parallel typed arrays: x/y metres, t days. */
export interface EventArrays {
  x: Float64Array;
  y: Float64Array;
  t: Float64Array;
}

/** What a model sees when asked for a forecast. */
export interface ForecastInput {
  grid: Grid;
  /** Cells of the study area (1 = inside); models may ignore it. */
  mask?: Uint8Array;
  /** Training events, all with t < now, already restricted to the model's history window. */
  events: EventArrays;
  /** Forecast origin (days); nothing at or after it is known. */
  now: number;
  /** Length of the period forecast (days). */
  horizon: number;
}

/** A named forecasting model: a score per grid cell, higher = more likely to see the next events. */
export interface ForecastModel {
  name: string;
  /**
   * Days of history the model reads before `now`. The backtest passes exactly this window; a model that
   * wants more than the design's training window must say so here (Infinity = all history).
   */
  historyDays: number;
  predict(input: ForecastInput): Float64Array;
}

/** Selects the events with from ≤ t < to. */
export function sliceByTime(events: EventArrays, from: number, to: number): EventArrays {
  let count = 0;
  for (let i = 0; i < events.t.length; i++) if (events.t[i] >= from && events.t[i] < to) count++;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const t = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < events.t.length; i++) {
    const ti = events.t[i];
    if (ti >= from && ti < to) {
      x[k] = events.x[i];
      y[k] = events.y[i];
      t[k] = ti;
      k++;
    }
  }
  return { x, y, t };
}
