/**
 * Analysis service: incidents → typed arrays → the analytics engine, shared by `bridges analyze` and
 * /api/analysis/*. Heavy work runs on worker threads (pool.ts); results come back as grid surfaces
 * (rendered to GeoJSON/CSV by output.ts) or as report objects.
 */
export type { EventSet, StudyArea, GridSurface, SurfaceMeta, SurfaceClass, GridFormat } from './types.js';
export { EventCache } from './cache.js';
export { agencyInfo, loadAgencyEvents, type AgencyEvents, type AgencyInfo } from './load.js';
export { selectEvents, type EventFilter } from './select.js';
export { agencyStudyArea, gridForStudyArea, projector, unprojector, MAX_CELLS } from './study-area.js';
export { renderSurface } from './output.js';
export { nearRepeatCsv, backtestCsv, compstatCsv, csvField } from './report-csv.js';
export * from './params.js';
export * from './requests.js';
export { WorkerPool, InlineRunner, defaultPoolSize, type TaskRunner, type RunOptions, type PoolOptions } from './pool.js';
export type { SurfaceResult } from './tasks.js';
export {
  loadInput, runHotspots, runGiStar, runForecast, runNearRepeat, runBacktests, defaultOrigin, defaultReportInstant, localToday, endOfLocalDay,
  type AnalysisInput, type ForecastRequest, type BacktestRequest, type ComparedBacktestReport,
} from './service.js';
export { compstatFor, wdqFor, type ZoneSpec, type WdqRequest } from './zones.js';
export type { HotspotParams } from './jobs/hotspots.js';
export type { GiStarParams } from './jobs/gistar.js';
export { isoDay, type ForecastParams } from './jobs/forecast.js';
export type { BacktestReport } from './jobs/backtest.js';
export { bandsFromEdges, KNOX_SHARDS, type NearRepeatParams, type NearRepeatReport } from './jobs/near-repeat.js';
export { MODEL_NAMES, MODEL_DESCRIPTIONS, isModelName, type ModelName } from './jobs/models.js';
export { ALL_CATEGORIES, type CompstatReport } from './jobs/compstat.js';
export type { WdqReport } from './jobs/wdq.js';
export { TOP_SHARE_CLASSES } from './jobs/rank.js';
