/**
 * Rolling-origin backtest of one model on the study-area grid (the engine's runBacktest), with origins
 * every `horizonDays` from `start` to `end` and dates reported as ISO days.
 */
import { runBacktest } from '../../../analytics/index.js';
import { gridForStudyArea } from '../study-area.js';
import type { StudyArea } from '../types.js';
import { isoDay } from './forecast.js';
import { makeModel, type ModelName } from './models.js';

export interface BacktestParams {
  model: ModelName;
  cellSize: number;
  /** First and last forecast origin, local days. */
  start: number;
  end: number;
  horizonDays: number;
  /** Training window (days) every model is held to, unless fullHistory. */
  trainDays: number;
  /** Let long-memory models read their own longer history (the Bridges model's eight years). */
  fullHistory: boolean;
  coverage: number[];
}

export interface BacktestReport {
  model: ModelName;
  modelName: string;
  horizonDays: number;
  coverage: number[];
  cellSize: number;
  studyAreaCells: number;
  steps: { start: string; end: string; events: number; hitRate: number[]; pai: number[]; pei: number[] }[];
  mean: { hitRate: number[]; pai: number[]; pei: number[] };
  /** Steps that had at least one incident (the means are over these). */
  scoredSteps: number;
}

export function backtestModel(area: StudyArea, events: { x: Float64Array; y: Float64Array; t: Float64Array }, params: BacktestParams): BacktestReport {
  const { grid, mask } = gridForStudyArea(area, events, params.cellSize);
  // Models keep their designed windows; the backtest cuts history to trainDays unless fullHistory.
  const model = makeModel(params.model);
  const result = runBacktest(model, events, {
    grid, mask: mask ?? undefined, start: params.start, end: params.end, step: params.horizonDays, horizon: params.horizonDays,
    trainingWindow: params.trainDays, allowLongerHistory: params.fullHistory, coverage: params.coverage,
  });
  let cells = grid.nx * grid.ny;
  if (mask) cells = mask.reduce((n, v) => n + v, 0);
  return {
    model: params.model,
    // A long-memory model held to the training window is not the model its name describes: say so.
    modelName: !params.fullHistory && model.historyDays > params.trainDays ? `${result.model}, history cut to ${params.trainDays}d` : result.model,
    horizonDays: params.horizonDays,
    coverage: result.coverage,
    cellSize: grid.cellSize,
    studyAreaCells: cells,
    steps: result.steps.map((s) => ({ start: isoDay(s.start), end: isoDay(s.end), events: s.events, hitRate: s.hitRate, pai: s.pai, pei: s.pei })),
    mean: result.mean,
    scoredSteps: result.steps.filter((s) => s.events > 0).length,
  };
}
