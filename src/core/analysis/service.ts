/**
 * The analysis service the CLI and the API share: load the agency's incidents for a filter (or take events
 * from a file), lay out the study area, and run each capability on a TaskRunner (worker threads in the
 * server and CLI, the calling thread in tests). Nothing here knows about HTTP or the terminal.
 */
import type { Queryable } from '../../db/types.js';
import { badRequest } from '../errors.js';
import { compareBacktests, localToUtc, type HitRateComparison } from '../../analytics/index.js';
import { EventCache } from './cache.js';
import { agencyInfo, loadAgencyEvents, type AgencyEvents, type AgencyInfo } from './load.js';
import { selectEvents, type EventFilter } from './select.js';
import { ensureAreaMemberships } from './memberships.js';
import { agencyStudyArea } from './study-area.js';
import type { GridFormat, EventSet, StudyArea } from './types.js';
import type { RunOptions, TaskRunner } from './pool.js';
import type { SurfaceResult } from './tasks.js';
import type { HotspotParams } from './jobs/hotspots.js';
import type { GiStarParams } from './jobs/gistar.js';
import type { ForecastParams } from './jobs/forecast.js';
import type { BacktestParams, BacktestReport } from './jobs/backtest.js';
import { knoxShardOptions, mergeKnox, nearRepeatReport, wholeDays, type NearRepeatParams, type NearRepeatReport } from './jobs/near-repeat.js';
import { zoneOffset } from './jobs/compstat.js';
import type { ModelName } from './jobs/models.js';

/** A backtest report with its comparison against the other models of the same run. */
export interface ComparedBacktestReport extends BacktestReport {
  comparison: HitRateComparison;
}

/** Events and the place they are analysed in; `agency` and `selection` only when they came from the database. */
export interface AnalysisInput {
  events: EventSet;
  area: StudyArea;
  agency?: AgencyInfo;
  selection?: { all: AgencyEvents; index: Int32Array };
}

/** The agency's incidents passing the filter, with its study area. Uses the cache when one is given. */
export async function loadInput(q: Queryable, agencyId: number, filter: EventFilter, cache?: EventCache): Promise<AnalysisInput> {
  const agency = await agencyInfo(q, agencyId);
  const all = cache ? await cache.get(q, agencyId, agency.timeZone) : await loadAgencyEvents(q, agencyId, agency.timeZone);
  if (filter.areaId !== undefined) await ensureAreaMemberships(q, all);
  const { events, index } = selectEvents(all, filter);
  return { events, area: await agencyStudyArea(q, agency), agency, selection: { all, index } };
}

function requireEvents(input: AnalysisInput, minimum: number): void {
  if (input.events.x.length < minimum) {
    throw badRequest(input.events.x.length === 0
      ? 'No incidents match these filters, so there is nothing to analyse.'
      : `Only ${input.events.x.length} incidents match these filters; this analysis needs at least ${minimum}.`);
  }
}

export async function runHotspots(runner: TaskRunner, input: AnalysisInput, params: HotspotParams, render?: GridFormat, options?: RunOptions): Promise<SurfaceResult> {
  requireEvents(input, 2);
  const { x, y } = input.events;
  return runner.run({ kind: 'hotspots', area: input.area, events: { x, y }, params, render }, options);
}

export async function runGiStar(runner: TaskRunner, input: AnalysisInput, params: GiStarParams, render?: GridFormat, options?: RunOptions): Promise<SurfaceResult> {
  requireEvents(input, 2);
  const { x, y } = input.events;
  return runner.run({ kind: 'gistar', area: input.area, events: { x, y }, params, render }, options);
}

/** Largest local day with an event, or null. */
function lastDay(t: Float64Array): number | null {
  let max = -Infinity;
  for (let i = 0; i < t.length; i++) if (t[i] > max) max = t[i];
  return Number.isFinite(max) ? Math.floor(max) : null;
}

/** Today in local days of a zone. */
export function localToday(nowMs: number, timeZone: string): number {
  return Math.floor((nowMs + zoneOffset(timeZone)(nowMs) * 60_000) / 86_400_000);
}

/**
 * Where "next week" starts when the caller does not say: the day after the newest incident, but never
 * after tomorrow. Demo and historical data end in the past; a live feed's newest incident is today.
 */
export function defaultOrigin(t: Float64Array, nowMs: number, timeZone: string): number {
  const tomorrow = localToday(nowMs, timeZone) + 1;
  const last = lastDay(t);
  return last === null ? tomorrow : Math.min(last + 1, tomorrow);
}

/** The CompStat report instant when not given: the local midnight after the newest incident, never after now. */
export function defaultReportInstant(t: Float64Array, nowMs: number, timeZone: string): number {
  const last = lastDay(t);
  if (last === null) return nowMs;
  return Math.min(nowMs, endOfLocalDay(last, timeZone));
}

/** The instant a local day ends (its next local midnight): where a report "as of that day" stops. */
export function endOfLocalDay(day: number, timeZone: string): number {
  return localToUtc((day + 1) * 86_400_000, zoneOffset(timeZone));
}

export type ForecastRequest = Omit<ForecastParams, 'origin'> & { origin?: number };

export async function runForecast(runner: TaskRunner, input: AnalysisInput, request: ForecastRequest, nowMs: number, render?: GridFormat, options?: RunOptions): Promise<SurfaceResult> {
  requireEvents(input, 1);
  const origin = request.origin ?? defaultOrigin(input.events.t, nowMs, input.area.timeZone);
  const { x, y, t } = input.events;
  return runner.run({ kind: 'forecast', area: input.area, events: { x, y, t }, params: { ...request, origin }, render }, options);
}

/** Knox test: the shards go to the runner together, so a pool with two workers runs them side by side. */
export async function runNearRepeat(runner: TaskRunner, input: AnalysisInput, params: NearRepeatParams, options?: RunOptions): Promise<NearRepeatReport> {
  requireEvents(input, 2);
  const events = { x: input.events.x, y: input.events.y, t: wholeDays(input.events.t) };
  // When one shard fails (time limit, cancellation) the others are stopped too instead of running on unseen.
  const stop = new AbortController();
  const outer = options?.signal;
  const forward = () => stop.abort();
  outer?.addEventListener('abort', forward, { once: true });
  if (outer?.aborted) stop.abort();
  try {
    const parts = await Promise.all(knoxShardOptions(params).map((shard) =>
      runner.run({ kind: 'knox', events, options: shard }, { ...options, signal: stop.signal }).catch((error: unknown) => {
        stop.abort();
        throw error;
      })));
    return nearRepeatReport(mergeKnox(parts), params);
  } finally {
    outer?.removeEventListener('abort', forward);
  }
}

export type BacktestRequest = Omit<BacktestParams, 'model' | 'start' | 'end'> & { models: ModelName[]; start?: number; end?: number };

/**
 * Backtests each model over the same origins (one task per model, so several workers share the work; without
 * dates the last 26 origins before the newest incident are scored), then compares them: each report gains its
 * hit rates' 95% intervals and its paired difference from the best model, so the analyst sees which
 * differences the period can tell apart.
 */
export async function runBacktests(runner: TaskRunner, input: AnalysisInput, request: BacktestRequest, options?: RunOptions): Promise<ComparedBacktestReport[]> {
  requireEvents(input, 2);
  const last = lastDay(input.events.t)!;
  let end = request.end ?? last + 1 - request.horizonDays;
  // Weekly steps start on Mondays, as analysts' weeks do (1970-01-01, day 0, was a Thursday).
  if (request.end === undefined && request.horizonDays % 7 === 0) end -= (((end + 3) % 7) + 7) % 7;
  const start = request.start ?? end - 25 * request.horizonDays;
  if (start > end) throw badRequest('The backtest period is empty: "from" must come before "to".', { field: 'from' });
  if ((end - start) / request.horizonDays > 520) throw badRequest('At most 520 forecast origins per backtest; shorten the period or lengthen the horizon.', { field: 'from' });
  const { x, y, t } = input.events;
  const base = { ...request, start, end };
  const reports = await Promise.all(request.models.map((model) => runner.run({ kind: 'backtest', area: input.area, events: { x, y, t }, params: { ...base, model } }, options)));
  const comparison = compareBacktests(reports);
  return reports.map((report, i) => ({ ...report, comparison: comparison[i] }));
}
