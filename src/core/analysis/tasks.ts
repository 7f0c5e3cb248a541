/**
 * The computations that run on worker threads, as plain-data tasks: what the pool sends, what comes back,
 * and the one function a worker (or the calling thread, for InlineRunner) executes.
 */
import { knoxTest, type KnoxOptions, type KnoxResult } from '../../analytics/index.js';
import { backtestModel, type BacktestParams, type BacktestReport } from './jobs/backtest.js';
import { forecastSurface, type ForecastParams } from './jobs/forecast.js';
import { giStarSurface, type GiStarParams } from './jobs/gistar.js';
import { hotspotSurface, type HotspotParams } from './jobs/hotspots.js';
import { renderSurface } from './output.js';
import type { GridFormat, GridSurface, StudyArea } from './types.js';

interface Points {
  x: Float64Array;
  y: Float64Array;
}
interface TimedPoints extends Points {
  t: Float64Array;
}

export type AnalysisTask =
  | { kind: 'hotspots'; area: StudyArea; events: Points; params: HotspotParams; render?: GridFormat }
  | { kind: 'gistar'; area: StudyArea; events: Points; params: GiStarParams; render?: GridFormat }
  | { kind: 'forecast'; area: StudyArea; events: TimedPoints; params: ForecastParams; render?: GridFormat }
  | { kind: 'knox'; events: TimedPoints; options: KnoxOptions }
  | { kind: 'backtest'; area: StudyArea; events: TimedPoints; params: BacktestParams };

export type TaskKind = AnalysisTask['kind'];
export type TaskOf<K extends TaskKind> = Extract<AnalysisTask, { kind: K }>;

/** A grid surface and, when asked for, its rendering (done on the worker: it is most of the work for big grids). */
export interface SurfaceResult {
  surface: GridSurface;
  text?: string;
}

export interface TaskResults {
  hotspots: SurfaceResult;
  gistar: SurfaceResult;
  forecast: SurfaceResult;
  knox: KnoxResult;
  backtest: BacktestReport;
}

function surfaceResult(surface: GridSurface, area: StudyArea, render: GridFormat | undefined): SurfaceResult {
  return render ? { surface, text: renderSurface(surface, render, area.projection) } : { surface };
}

export function executeTask<K extends TaskKind>(task: TaskOf<K>): TaskResults[K] {
  const t = task as AnalysisTask;
  switch (t.kind) {
    case 'hotspots':
      return surfaceResult(hotspotSurface(t.area, t.events, t.params), t.area, t.render) as TaskResults[K];
    case 'gistar':
      return surfaceResult(giStarSurface(t.area, t.events, t.params), t.area, t.render) as TaskResults[K];
    case 'forecast':
      return surfaceResult(forecastSurface(t.area, t.events, t.params), t.area, t.render) as TaskResults[K];
    case 'knox':
      return knoxTest(t.events.x, t.events.y, t.events.t, t.options) as TaskResults[K];
    case 'backtest':
      return backtestModel(t.area, t.events, t.params) as TaskResults[K];
  }
}

/** How a failure crosses the thread boundary: the message and, for the caller's mistakes, status 400. */
export interface TaskFailure {
  message: string;
  status: number;
  code: string;
}

export function describeFailure(error: unknown): TaskFailure {
  const e = error as { message?: string; statusCode?: number; code?: string };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.statusCode === 'number') return { message, status: e.statusCode, code: e.code ?? 'bad_request' };
  // The engine throws RangeError for parameters it cannot work with (bands, sizes): the caller's to fix.
  if (error instanceof RangeError) return { message, status: 400, code: 'bad_request' };
  return { message, status: 500, code: 'internal' };
}
