/**
 * `bridges analyze <kind>`: validates the options with the API's own schemas, gets the incidents, runs the
 * analysis on worker threads and writes it in the chosen format. Separate from the commander wiring so
 * tests can run it in-process with a database of their own.
 */
import { z } from 'zod';
import type { Db } from '../../db/types.js';
import { recordAudit } from '../../core/audit/audit.js';
import * as A from '../../core/analysis/index.js';
import { loadSource, zoneFromOption, type LoadedInput, type SourceOptions } from './source.js';
import { surfaceJson, surfaceTable } from './print-surface.js';
import { backtestTable, compstatTable, nearRepeatTable, wdqTable } from './print-reports.js';

export const ANALYSES = ['hotspots', 'gistar', 'near-repeat', 'forecast', 'backtest', 'compstat', 'wdq'] as const;
export type AnalysisKind = (typeof ANALYSES)[number];
export type OutputFormat = 'table' | 'json' | 'csv' | 'geojson';

export interface AnalyzeRun {
  kind: AnalysisKind;
  source: SourceOptions;
  /** The analysis options as commander gives them (camelCase, strings and booleans). */
  options: Record<string, unknown>;
  format: OutputFormat;
  /** Worker threads (the Knox permutations split across them). */
  threads: number;
  db: Db | null;
  write(text: string): void;
  warn(text: string): void;
  /** "Now" for defaults (the forecast start, the CompStat date). */
  now?: number;
}

const kebab = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Parses options with a schema; a failure names the command-line flag, not the API field. */
function parse<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const strings = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
  const result = schema.safeParse(strings);
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.length ? kebab(String(i.path[0])) : 'options'}: ${i.message}`).join('; '));
}

/** Why the Gi* band is what it is, when the data chose it. */
function bandReason(meta: A.SurfaceMeta): string {
  if (meta.distanceBandRule === 'peak') return `, where clustering peaks (Moran's I z = ${meta.moranZ})`;
  if (meta.distanceBandRule === 'neighbours') return ', no peak of clustering within 10 cells: about 30 neighbours per cell';
  return '';
}

/** Messages of the shared service name API fields ("distanceBands: …"); on the command line they are flags. */
export function flagMessage(message: string): string {
  return message.replace(/^([a-z][A-Za-z]+):/, (_, field: string) => `${kebab(field)}:`);
}

const GRID_ONLY = new Set<AnalysisKind>(['hotspots', 'gistar', 'forecast']);

export async function runAnalyze(run: AnalyzeRun): Promise<void> {
  if (run.format === 'geojson' && !GRID_ONLY.has(run.kind)) throw new Error(`--format geojson is for hotspots, gistar and forecast; ${run.kind} answers table, json or csv`);
  if (run.format === 'csv' && run.kind === 'wdq') throw new Error('--format csv: wdq answers table or json');
  const loaded = await loadSource(run.db, run.source);
  for (const warning of loaded.warnings) run.warn(warning);
  const pool = new A.WorkerPool({ size: run.threads, timeoutMs: 24 * 3600_000 });
  let outcome: 'success' | 'failure' = 'failure';
  try {
    run.write(await analyse(run, loaded, pool));
    outcome = 'success';
  } catch (error) {
    if (error instanceof Error) error.message = flagMessage(error.message);
    throw error;
  } finally {
    await pool.close();
    // Reading the agency's incidents from the command line is audited like a read through the API.
    if (run.db && loaded.agency) {
      await recordAudit(run.db, {
        actor: { label: 'cli', agencyId: loaded.agency.id }, action: 'analysis.run', targetType: 'analysis', targetId: run.kind, outcome,
        details: { parameters: run.options, incidents: loaded.input.events.x.length },
      });
    }
  }
}

async function analyse(run: AnalyzeRun, loaded: LoadedInput, pool: A.TaskRunner): Promise<string> {
  const { input } = loaded;
  const o = run.options;
  const now = run.now ?? Date.now();
  const gridFormat = run.format === 'csv' || run.format === 'geojson' ? run.format : undefined;
  const source = loaded.description;
  switch (run.kind) {
    case 'hotspots': {
      const q = parse(A.hotspotParams, o);
      const result = await A.runHotspots(pool, input, A.hotspotRequest(q), gridFormat);
      if (result.text !== undefined) return result.text;
      if (run.format === 'json') return surfaceJson(result.surface, input.area.projection);
      const m = result.surface.meta;
      return surfaceTable(result.surface, input.area.projection, `Kernel density hot spots of ${source}: ${m.kernel} kernel, bandwidth ${m.bandwidth} m${m.bandwidthRule ? ` (${m.bandwidthRule} rule)` : ''}; density in incidents per km².`, ['density', 'class']);
    }
    case 'gistar': {
      const q = parse(A.giStarParams, o);
      const result = await A.runGiStar(pool, input, A.giStarRequest(q), gridFormat);
      if (result.text !== undefined) return result.text;
      if (run.format === 'json') return surfaceJson(result.surface, input.area.projection);
      const m = result.surface.meta;
      return surfaceTable(result.surface, input.area.projection, `Getis–Ord Gi* of ${source}: distance band ${m.distanceBand} m${bandReason(m)} (${m.meanNeighbours} neighbours on average)${m.fdr ? ', FDR-corrected' : ''}; cells by z-score.`, ['count', 'z', 'q', 'confidence']);
    }
    case 'forecast': {
      const q = parse(A.forecastParams, o);
      const result = await A.runForecast(pool, input, A.forecastRequest(q), now, gridFormat);
      if (result.text !== undefined) return result.text;
      if (run.format === 'json') return surfaceJson(result.surface, input.area.projection);
      const m = result.surface.meta;
      return surfaceTable(result.surface, input.area.projection, `Forecast for ${m.from} to ${m.to} (end exclusive) of ${source}: ${m.modelName}, trained on ${m.trainingEvents} incidents; share = % of the expected incidents.`, ['share', 'rank']);
    }
    case 'near-repeat': {
      const q = parse(A.nearRepeatParams, o);
      const report = await A.runNearRepeat(pool, input, A.nearRepeatRequest(q));
      if (run.format === 'json') return JSON.stringify(report, null, 2);
      if (run.format === 'csv') return A.nearRepeatCsv(report).trimEnd();
      return nearRepeatTable(report);
    }
    case 'backtest': {
      const q = parse(A.backtestParams, o);
      const reports = await A.runBacktests(pool, input, A.backtestRequest(q));
      if (run.format === 'json') return JSON.stringify({ models: reports }, null, 2);
      if (run.format === 'csv') return A.backtestCsv(reports).trimEnd();
      return backtestTable(reports);
    }
    case 'compstat': {
      const q = parse(A.compstatParams, o);
      const at = q.date === undefined ? undefined : Math.min(now, A.endOfLocalDay(q.date, input.area.timeZone));
      const report = await A.compstatFor(run.db, input, q.areaKind === 'none' || !run.db ? null : q.areaKind, at, now);
      if (run.format === 'json') return JSON.stringify(report, null, 2);
      if (run.format === 'csv') return A.compstatCsv(report).trimEnd();
      return compstatTable(report);
    }
    case 'wdq': {
      if (typeof o.target !== 'string' || typeof o.buffer !== 'string' || typeof o.date !== 'string') throw new Error('wdq needs --target, --buffer and --date');
      const date = parse(z.object({ date: A.localDate, days: z.coerce.number().int().min(7).max(3650).default(365) }), { date: o.date, days: o.days });
      const report = await A.wdqFor(run.db, input, {
        target: zoneFromOption(o.target, '--target'), buffer: zoneFromOption(o.buffer, '--buffer'),
        control: zoneFromOption(typeof o.control === 'string' ? o.control : 'rest', '--control'), date: date.date, days: date.days,
      });
      return run.format === 'json' ? JSON.stringify(report, null, 2) : wdqTable(report);
    }
  }
}
