/** Public data services: what residents and open-data users may see, with masking done on the server. */
export { listPublicAgencies, resolvePublicAgency, publicAgencyView, type PublicAgency, type ResolvedAgency } from './agencies.js';
export { listPublicAreas, checkPublicArea, PUBLIC_AREA_KINDS, type PublicArea, type PublicAreaKind } from './areas.js';
export { publicIncidents, type PublicIncidents, type PublicIncidentQuery } from './incidents.js';
export { toFeatureCollection, toIncidentCsv, MASKING_NOTE, type PublicIncidentCollection, type PublicIncidentFeature } from './incident-formats.js';
export { publicTrends, trendsCsv, type PublicTrends, type TrendSeries } from './trends.js';
export { collectResults, resultsCsv, type ProgramResults } from './results.js';
export { coreDatasets, programOpenData, type OpenDataset, type ProgramOpenData } from './open-data.js';
export { resolveDays, type DayRange } from './period.js';
export { gridFor, isCellCentre, CELL_METRES, type GridSpec } from './grid.js';
export { toCsv, csvCell, type CsvCell } from './csv.js';
