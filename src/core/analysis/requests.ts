/**
 * From validated parameters (params.ts) to service calls: the translation both the API and the CLI make,
 * kept in one place so a parameter means the same thing on both.
 */
import type { EventFilter } from './select.js';
import { bandsFromEdges, type NearRepeatParams } from './jobs/near-repeat.js';
import type { HotspotParams } from './jobs/hotspots.js';
import type { GiStarParams } from './jobs/gistar.js';
import type { ForecastRequest, BacktestRequest } from './service.js';
import type { BacktestQuery, ForecastQuery, GiStarQuery, HotspotQuery, NearRepeatQuery } from './params.js';

export function eventFilter(q: { from?: Date; to?: Date; category?: string[]; area?: number }): EventFilter {
  return { from: q.from, to: q.to, categories: q.category, areaId: q.area };
}

export const hotspotRequest = (q: HotspotQuery): HotspotParams => ({ kernel: q.kernel, bandwidth: q.bandwidth, cellSize: q.cell, top: q.top });

export const giStarRequest = (q: GiStarQuery): GiStarParams => ({ cellSize: q.cell, distanceBand: q.distanceBand, fdr: q.fdr, significantOnly: q.significantOnly });

export function nearRepeatRequest(q: NearRepeatQuery): NearRepeatParams {
  return {
    distance: bandsFromEdges(q.distanceBands, 'distanceBands', 'metres'),
    time: bandsFromEdges(q.timeBands, 'timeBands', 'days'),
    iterations: q.iterations,
    seed: q.seed,
    metric: q.metric,
    nrcCompatible: q.nrcCompatible,
  };
}

export const forecastRequest = (q: ForecastQuery): ForecastRequest => ({
  model: q.model, cellSize: q.cell, horizonDays: q.horizonDays, trainDays: q.trainDays, origin: q.at, top: q.top,
});

export const backtestRequest = (q: BacktestQuery): BacktestRequest => ({
  models: q.model, cellSize: q.cell, trainDays: q.trainDays, horizonDays: q.horizonDays, start: q.from, end: q.to, coverage: q.coverage, fullHistory: q.fullHistory,
});
