/**
 * Parameters of every analysis, as zod schemas over the strings a query string or a command line gives.
 * The API validates its query with them and the CLI parses its options with them, so both take the same
 * values, apply the same defaults and name a wrong parameter the same way.
 */
import { z } from 'zod';
import { AREA_KINDS } from '../places/areas-query.js';
import { MODEL_NAMES } from './jobs/models.js';

const isoDate = z.coerce.date({ error: 'must be a date (YYYY-MM-DD or ISO 8601)' });
const csvList = z.string().transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));
const flag = z.stringbool({ error: 'must be true or false' });
const positive = (max: number) => z.coerce.number({ error: 'must be a number' }).positive().max(max);

/** A calendar date "YYYY-MM-DD" → days since 1970-01-01 (a local date: the day the agency calls it). */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').transform((s, ctx) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== s) {
    ctx.addIssue({ code: 'custom', message: 'is not a calendar date' });
    return z.NEVER;
  }
  return ms / 86_400_000;
});

const numberList = (name: string) => csvList.transform((items, ctx) => {
  const values = items.map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) {
    ctx.addIssue({ code: 'custom', message: `must be numbers separated by commas (${name})` });
    return z.NEVER;
  }
  return values;
});

/** Which incidents: the incident filters of the rest of the API. */
export const filterParams = z.object({
  from: isoDate.optional(),
  to: isoDate.optional().describe('exclusive'),
  category: csvList.optional().describe('comma-separated category codes'),
  area: z.coerce.number().int().positive().optional().describe('area id'),
});

const gridFormat = z.enum(['geojson', 'csv']).default('geojson');
const reportFormat = z.enum(['json', 'csv']).default('json');
const cell = positive(10_000).min(10, 'must be at least 10 metres').default(150).describe('cell size in metres');

export const hotspotParams = filterParams.extend({
  kernel: z.enum(['quartic', 'gaussian']).default('quartic'),
  bandwidth: z.union([z.enum(['silverman', 'scott']), positive(50_000)]).default(400)
    .describe('metres (quartic radius or Gaussian sd), or silverman/scott'),
  cell,
  top: positive(1).default(1).describe('share of the study-area cells to return, highest first (1 = all)'),
  format: gridFormat,
});

export const giStarParams = filterParams.extend({
  cell,
  distanceBand: positive(50_000).optional().describe("neighbourhood radius in metres (default: where clustering peaks, Moran's I over 1–10 cells, else about 30 neighbours)"),
  fdr: flag.default(true),
  significantOnly: flag.default(false).describe('return only hot and cold spot cells'),
  format: gridFormat,
});

export const nearRepeatParams = filterParams.extend({
  distanceBands: numberList('metres').default([100, 200, 300]).describe('upper edges in metres, equal steps'),
  timeBands: numberList('days').default([2, 4]).describe('upper edges in days, equal steps'),
  iterations: z.coerce.number().int().min(1).max(9999).default(999),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
  metric: z.enum(['euclidean', 'manhattan']).default('euclidean'),
  nrcCompatible: flag.default(false).describe("reproduce the Near Repeat Calculator's band boundaries"),
  format: reportFormat,
});

const modelName = z.enum(MODEL_NAMES);

export const forecastParams = filterParams.extend({
  model: modelName.default('bridges'),
  cell,
  horizonDays: z.coerce.number().int().min(1).max(366).default(7),
  trainDays: z.coerce.number().int().min(7).max(36_525).optional().describe("history in days (default: the model's own)"),
  at: localDate.optional().describe('first day forecast (default: the day after the newest incident)'),
  top: positive(1).default(0.05).describe('share of the study-area cells to return, highest first'),
  format: gridFormat,
});

export const backtestParams = filterParams.omit({ from: true, to: true }).extend({
  model: csvList.pipe(z.array(modelName).min(1)).default(['retrospective', 'prospective', 'kde-decay', 'bridges']),
  cell,
  trainDays: z.coerce.number().int().min(7).max(36_525).default(365),
  horizonDays: z.coerce.number().int().min(1).max(366).default(7),
  from: localDate.optional().describe('first forecast origin (default: 26 origins before the newest incident)'),
  to: localDate.optional().describe('last forecast origin'),
  coverage: numberList('shares of the area').pipe(z.array(z.number().gt(0).max(1))).default([0.01, 0.05, 0.1]),
  fullHistory: flag.default(false).describe('let long-memory models read more than trainDays'),
  format: reportFormat,
});

export const compstatParams = filterParams.omit({ from: true, to: true }).extend({
  date: localDate.optional().describe('last day of the report (default: the day of the newest incident)'),
  areaKind: z.enum([...AREA_KINDS, 'none']).default('district'),
  format: reportFormat,
});

const zone = z.union([
  z.object({ areaId: z.number().int().positive() }),
  z.object({ geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }) }),
]);

export const wdqBody = z.object({
  target: zone,
  buffer: z.union([zone, z.object({ metres: z.number().positive().max(20_000) })]),
  control: z.union([zone, z.literal('rest')]).default('rest'),
  date: localDate.describe('intervention date: the first day of the "after" period'),
  days: z.number().int().min(7).max(3650).default(365).describe('length of the before and after periods'),
  category: z.array(z.string()).optional(),
});

export type HotspotQuery = z.infer<typeof hotspotParams>;
export type GiStarQuery = z.infer<typeof giStarParams>;
export type NearRepeatQuery = z.infer<typeof nearRepeatParams>;
export type ForecastQuery = z.infer<typeof forecastParams>;
export type BacktestQuery = z.infer<typeof backtestParams>;
export type CompstatQuery = z.infer<typeof compstatParams>;
export type WdqBody = z.infer<typeof wdqBody>;
