/**
 * Bridges analytics engine: pure crime-analysis algorithms on typed arrays.
 *
 * Conventions: coordinates are projected metres (Float64Array x, y); times are days (Float64Array t, any
 * epoch, fractional days carry the time of day) except CompStat, which takes epoch milliseconds and a
 * time-zone offset function. Nothing here reads a clock, a file, a database or the network: "now" is
 * always a parameter, and every random step takes a seed.
 *
 * Public API by capability:
 * - Grids and masks: {@link makeGrid}, {@link gridCovering}, {@link gridCounts}, {@link buildPolygonMask},
 *   exports {@link gridToGeoJSON} (needs an `unproject(x, y) => [lon, lat]`) and {@link gridToCsv}.
 * - Hot spots: {@link kde} (quartic/Gaussian, rule or given bandwidth), {@link adaptiveGaussianSurface},
 *   {@link getisOrdGiStar} with {@link benjaminiHochberg} FDR and 90/95/99% classes.
 * - Near repeats: {@link knoxTest} (NRC-style table, `nrcCompatible` mode) and {@link summarizeKnox}.
 * - Forecasting (all {@link ForecastModel}s): {@link retrospectiveModel}, {@link prospectiveModel},
 *   {@link kdeDecayModel}, {@link blendModel}, {@link seppModel} / {@link fitSepp} (Mohler 2011),
 *   {@link gridEtasModel} / {@link fitGridEtas} (Mohler 2015), {@link bridgesModel} (the default), and the
 *   seeded simulator {@link simulateHawkes}.
 * - Evaluation: {@link runBacktest} (rolling origin), {@link scoreForecast} (hit rate, PAI, PEI; ties by
 *   exact expectation).
 * - CompStat: {@link compstat}. Displacement: {@link weightedDisplacementQuotient}.
 */
export { makeGrid, gridCovering, cellCount, cellIndexOf, cellIndices, cellCentre, gridCounts } from './grid/grid.js';
export type { Grid, GridCountOptions } from './grid/grid.js';
export { buildPolygonMask, pointInPolygons, maskCount, polygonsBBox } from './grid/mask.js';
export type { PolygonRings, MaskOptions } from './grid/mask.js';
export { gridToGeoJSON, gridToCsv } from './grid/export.js';
export type { Unproject, GridExportOptions, GridFeatureCollection } from './grid/export.js';

export { kde, bandwidthByRule, kernelRadiusCells, binEvents, smoothBinned, convolveStencil, quarticStencil, smoothAnisotropic } from './kde/kde.js';
export type { KernelName, BandwidthRule, KdeOptions, KdeResult } from './kde/kde.js';
export { adaptiveGaussianSurface } from './kde/adaptive.js';
export type { AdaptiveKdeOptions } from './kde/adaptive.js';

export { getisOrdGiStar } from './gistar/gistar.js';
export { chooseDistanceBand, moransI } from './gistar/scale.js';
export type { DistanceBandChoice, DistanceBandOptions, MoranAtBand } from './gistar/scale.js';
export type { GiStarOptions, GiStarResult } from './gistar/gistar.js';
export { benjaminiHochberg, bhThreshold } from './gistar/fdr.js';

export { knoxTest } from './near-repeat/knox.js';
export type { KnoxOptions, KnoxResult } from './near-repeat/knox.js';
export { summarizeKnox } from './near-repeat/summary.js';
export type { KnoxSummary, KnoxSummaryOptions } from './near-repeat/summary.js';
export { spatialBandOf, temporalBandOf, spatialLabels, temporalLabels } from './near-repeat/bands.js';
export type { BandSpec } from './near-repeat/bands.js';
export { closePairs } from './near-repeat/pairs.js';
export type { ClosePairs, DistanceMetric } from './near-repeat/pairs.js';

export { sliceByTime } from './forecast/types.js';
export type { EventArrays, ForecastInput, ForecastModel } from './forecast/types.js';
export { kernelSurface, normaliseOverMask, decayWeights } from './forecast/surfaces.js';
export { retrospectiveModel } from './forecast/retrospective.js';
export type { RetrospectiveOptions } from './forecast/retrospective.js';
export { prospectiveModel, prospectiveSurface } from './forecast/prospective.js';
export type { ProspectiveOptions } from './forecast/prospective.js';
export { kdeDecayModel } from './forecast/kde-decay.js';
export type { KdeDecayOptions } from './forecast/kde-decay.js';
export { blendModel } from './forecast/blend.js';
export type { BlendComponent, BlendOptions } from './forecast/blend.js';
export { fitSepp, seppIntensityGrid, seppModel, truncatedExponentialRate, truncatedGaussianSigma } from './forecast/sepp.js';
export type { SeppOptions, SeppFit, SeppModelOptions } from './forecast/sepp.js';
export { candidateParents } from './forecast/candidates.js';
export type { CandidateParents } from './forecast/candidates.js';
export { fitGridEtas, gridEtasForecast, gridEtasModel } from './forecast/etas-grid.js';
export type { GridEtasOptions, GridEtasFit, GridEtasModelOptions } from './forecast/etas-grid.js';
export { bridgesModel, BRIDGES_DEFAULT_COMPONENTS } from './forecast/bridges.js';
export type { BridgesModelOptions } from './forecast/bridges.js';
export { simulateHawkes } from './forecast/simulate.js';
export type { HawkesSimulationOptions, Hotspot, SimulatedEvents } from './forecast/simulate.js';

export { runBacktest, shareInsideMask } from './evaluate/backtest.js';
export type { BacktestOptions, BacktestResult, BacktestStep } from './evaluate/backtest.js';
export { scoreForecast, expectedHits } from './evaluate/hit-rate.js';
export type { CoverageScores } from './evaluate/hit-rate.js';
export { compareBacktests, meanInterval, pairedDifference, studentTQuantile } from './evaluate/uncertainty.js';
export type { HitRateComparison, MeanInterval, ScoredSteps } from './evaluate/uncertainty.js';

export { compstat, compstatPeriods, percentChange, localToUtc } from './compstat/compstat.js';
export type { CompstatInput, CompstatRow, TimeZoneOffset } from './compstat/compstat.js';
export { weightedDisplacementQuotient, interpretWdq } from './displacement/wdq.js';
export type { WdqInput, WdqResult } from './displacement/wdq.js';

export { createRng, deriveSeed, splitmix32, shuffleInPlace } from './util/prng.js';
export type { Rng } from './util/prng.js';
export { kthNeighbourDistance } from './util/knn.js';
