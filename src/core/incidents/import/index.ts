import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Queryable } from '../../../db/types.js';
import { appendAudit } from '../../audit/audit.js';
import { loadAreaIndex } from '../../places/area-index.js';
import { BatchBuilder } from './batch.js';
import { resolveEncoding } from './file-text.js';
import { compileMapper, type AgencyContext, type RowMapper } from './mapping.js';
import { openCsv } from './reader-csv.js';
import { isGeoJsonFile, openGeoJson } from './reader-geojson.js';
import { RejectsFile, defaultRejectsPath } from './rejects.js';
import { finishRun, startRun, type RunCounts } from './runs.js';
import { BatchWriter, ImportAborted } from './batch-writer.js';
import { resolveSettings, type CategoryInfo } from './settings.js';
import type { ImportOptions, ImportSummary, TableSource } from './types.js';
import { canSkipRowTriggers, hasIncidentsFrom } from './writer.js';

export type { ImportOptions, ImportSummary, ImportProgress, RejectEntry, TargetField } from './types.js';
export { TARGET_FIELDS } from './types.js';
export { listPresets, getPreset, PRESETS } from './presets/index.js';
export { listImportRuns, type ImportRunRow } from './runs.js';

/** Rows per transaction unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 5_000;

/** offense_categories by code. */
export async function loadCategories(q: Queryable): Promise<Map<string, CategoryInfo>> {
  const rows = await q.query<{ code: string; label_en: string; severity: number }>('SELECT code, label_en, severity FROM offense_categories');
  return new Map(rows.map((r) => [r.code, { code: r.code, label: r.label_en, severity: r.severity }]));
}

async function loadAgency(q: Queryable, agencyId: number): Promise<AgencyContext> {
  const rows = await q.query<{ projection: string; center_lon: number; center_lat: number }>(
    'SELECT projection, center_lon, center_lat FROM agencies WHERE id = $1', [agencyId],
  );
  if (!rows[0]) throw new Error(`agency ${agencyId} does not exist`);
  return { projection: rows[0].projection, centerLon: rows[0].center_lon, centerLat: rows[0].center_lat };
}

/**
 * Imports incidents from a CSV or GeoJSON file into one agency, streaming, a batch per transaction.
 *
 * Settings (preset, date format, time zone, CRS, category) are checked before anything is written. Each run
 * is an import_runs row and exactly one audit row ('incidents.import', success or failure). Running the same
 * import again changes nothing: rows are keyed on (agency, source_system, source_id) and only rewritten when
 * they differ. A failure or an abort keeps the batches committed before it and nothing of the batch in progress.
 * With `events`, each committed batch is announced as 'incidents.recorded' (inserted and changed ids).
 */
export async function importIncidents(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { db, agencyId, file } = options;
  const agency = await loadAgency(db, agencyId);
  const categories = await loadCategories(db);
  const settings = resolveSettings(options, categories);
  const encoding = resolveEncoding(options.encoding);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive whole number, got ${batchSize}`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`file not found: ${file}`);
  const totalBytes = statSync(file).size;
  const fileName = options.fileName ?? basename(file);
  const presetName = settings.preset?.name ?? null;
  const skipRowTriggers = await canSkipRowTriggers(db);
  const filterUnchanged = await hasIncidentsFrom(db, agencyId, settings.sourceSystem);

  const runId = await startRun(db, { agencyId, kind: 'incidents', fileName, preset: presetName, startedBy: options.startedBy });
  const rejects = new RejectsFile(options.rejectsPath ?? defaultRejectsPath());
  const counts: RunCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const merge = Boolean(settings.preset?.victims);
  let bytesRead = 0;
  const audit = (q: Queryable, outcome: 'success' | 'failure', extra: Record<string, unknown> = {}) => appendAudit(q, {
    actor: options.actor, action: 'incidents.import', targetType: 'import_run', targetId: runId, outcome,
    details: { file: fileName, preset: presetName, sourceSystem: settings.sourceSystem, ...counts, ...extra },
  });

  const builder = new BatchBuilder(merge, categories);
  const writer = new BatchWriter(db, {
    agencyId, sourceSystem: settings.sourceSystem, runId, merge, counts, signal: options.signal,
    skipRowTriggers, filterUnchanged,
    // PGlite is one connection; on PostgreSQL a second connection overlaps the server's work on two batches.
    concurrency: db.kind === 'postgres' ? 2 : 1,
    onCommitted: options.events
      ? (ids) => options.events!.publish('incidents.recorded', { agencyId, incidentIds: ids }, { db })
      : undefined,
  });

  try {
    const areas = await loadAreaIndex(db, agencyId);
    const readerOptions = { encoding, onBytes: (n: number) => { bytesRead = n; } };
    const source: TableSource = isGeoJsonFile(file) ? openGeoJson(file, readerOptions) : openCsv(file, readerOptions);
    let mapper: RowMapper | null = null;
    for await (const chunk of source.chunks()) {
      if (options.signal?.aborted) throw new ImportAborted();
      mapper ??= compileMapper(settings, source.columns, agency, areas, categories);
      for (const record of chunk) {
        counts.read += 1;
        const result = mapper.map(record);
        const rejected = result.ok ? builder.add(result.draft) : result.reject;
        if (rejected) {
          counts.rejected += 1;
          await rejects.add(rejected);
        }
        if (builder.size >= batchSize) await writer.submit(builder.take());
      }
      options.onProgress?.({ bytesRead, totalBytes, rowsRead: counts.read });
    }
    await writer.submit(builder.take());
    await writer.drain();
    const rejectsPath = await rejects.close();
    const merged = merge ? counts.read - counts.rejected - counts.inserted - counts.updated - counts.unchanged : 0;
    await db.transaction(async (tx) => {
      await finishRun(tx, runId, counts);
      await audit(tx, 'success', { merged });
    });
    return {
      runId, file: fileName, preset: presetName, sourceSystem: settings.sourceSystem, ...counts, merged,
      rejectsPath, rejects: rejects.first, milliseconds: Date.now() - started,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await writer.drain().catch(() => undefined); // never record the failure while a batch is still being written
    await rejects.close().catch(() => null);
    // Best effort: the failure itself is the error to report, even if recording it fails too.
    await db.transaction(async (tx) => {
      await finishRun(tx, runId, counts, message);
      await audit(tx, 'failure', { error: message });
    }).catch(() => undefined);
    throw error;
  }
}
