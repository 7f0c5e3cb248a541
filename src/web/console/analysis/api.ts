/**
 * Typed calls to /api/analysis/* and the shapes they answer (mirrored here: the web app imports no server
 * code). Filters use the console's inclusive "to" date, turned into the API's exclusive bound.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { exclusiveEnd, request, type Query } from '../../api/client.js';

/** The incident filters every analysis form shares; dates YYYY-MM-DD, "to" inclusive. */
export interface AnalysisFilter {
  from: string;
  to: string;
  categories: string[];
  areaId: string;
}

export const EMPTY_FILTER: AnalysisFilter = { from: '', to: '', categories: [], areaId: '' };

export function filterQuery(filter: AnalysisFilter, withDates = true): Query {
  return {
    from: withDates ? filter.from || undefined : undefined,
    to: withDates && filter.to ? exclusiveEnd(filter.to) : undefined,
    category: filter.categories.length ? filter.categories.join(',') : undefined,
    area: filter.areaId || undefined,
  };
}

export interface SurfaceClass {
  value: number;
  key: string;
  label: string;
  cells: number;
}

export interface SurfaceMeta {
  method: 'kde' | 'gistar' | 'forecast';
  events: number;
  cellSize: number;
  studyAreaCells: number;
  classLayer?: string;
  classes?: SurfaceClass[];
  kernel?: string;
  bandwidth?: number;
  distanceBand?: number;
  /** How the Gi* band was set: given, or chosen at the peak of clustering, or for ~30 neighbours. */
  distanceBandRule?: 'given' | 'peak' | 'neighbours';
  moranZ?: number;
  model?: string;
  modelName?: string;
  from?: string;
  to?: string;
  trainingEvents?: number;
}

export type CellCollection = FeatureCollection<Polygon, Record<string, number | null>> & { analysis: SurfaceMeta };

export interface KnoxSummaryItem {
  distance: string;
  upTo: string;
  ratio: number;
  time: string;
}

export interface NearRepeatReport {
  distanceBands: string[];
  timeBands: string[];
  observed: number[][];
  expectedMean: number[][];
  knoxRatio: (number | null)[][];
  pValue: number[][];
  iterations: number;
  events: number;
  closePairs: number;
  alpha: number;
  summary: { nearRepeat: KnoxSummaryItem[]; repeat: Omit<KnoxSummaryItem, 'distance'> | null; sentences: string[] };
}

export interface BacktestStep {
  start: string;
  end: string;
  events: number;
  hitRate: number[];
  pai: number[];
  pei: number[];
}

export interface BacktestReport {
  model: string;
  modelName: string;
  horizonDays: number;
  coverage: number[];
  cellSize: number;
  studyAreaCells: number;
  steps: BacktestStep[];
  mean: { hitRate: number[]; pai: number[]; pei: number[] };
  scoredSteps: number;
  /** Intervals and the paired difference from the best model of the run, per coverage. */
  comparison: {
    hitRate: MeanInterval[];
    versusBest: (MeanInterval | null)[];
    best: boolean[];
  };
}

/** A mean over steps with its 95% interval. */
export interface MeanInterval {
  mean: number;
  se: number;
  low: number;
  high: number;
  n: number;
}

export interface CompstatRow {
  category: string;
  area: string;
  week: number;
  weekPrior: number;
  weekChange: number | null;
  days28: number;
  days28Prior: number;
  days28Change: number | null;
  ytd: number;
  ytdPrior: number;
  ytdChange: number | null;
}

type PeriodDays = { current: [string, string]; prior: [string, string] };
export interface CompstatReport {
  at: string;
  timeZone: string;
  areaKind: string | null;
  days: Record<'week' | 'days28' | 'ytd', PeriodDays>;
  rows: CompstatRow[];
}

export type Zone = { areaId: number } | { metres: number } | 'rest';

export interface WdqReport {
  successMeasure: number;
  bufferDisplacementMeasure: number;
  wdq: number | null;
  totalNetEffect: number;
  counts: { targetBefore: number; targetAfter: number; bufferBefore: number; bufferAfter: number; controlBefore: number; controlAfter: number };
  before: [string, string];
  after: [string, string];
}

export interface ModelInfo {
  name: string;
  description: string;
}

export const analysisApi = {
  models: () => request<ModelInfo[]>('GET', '/api/analysis/models'),
  hotspots: (query: Query) => request<CellCollection>('GET', '/api/analysis/hotspots', { query }),
  gistar: (query: Query) => request<CellCollection>('GET', '/api/analysis/gistar', { query }),
  nearRepeat: (query: Query) => request<NearRepeatReport>('GET', '/api/analysis/near-repeat', { query }),
  forecast: (query: Query) => request<CellCollection>('GET', '/api/analysis/forecast', { query }),
  backtest: (query: Query) => request<{ models: BacktestReport[] }>('GET', '/api/analysis/backtest', { query }),
  compstat: (query: Query) => request<CompstatReport>('GET', '/api/analysis/compstat', { query }),
  wdq: (body: { target: Zone; buffer: Zone; control: Zone; date: string; days: number; category?: string[] }) =>
    request<WdqReport>('POST', '/api/analysis/wdq', { body }),
};
