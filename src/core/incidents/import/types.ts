import type { Db } from '../../../db/types.js';
import type { AuditActor } from '../../audit/audit.js';
import type { EventBus } from '../../events/bus.js';

/** One source row: its line in the file (first line = 1) and its values in column order. */
export interface RawRecord {
  line: number;
  values: string[];
  /** Set when the row itself is broken (wrong number of fields…): it is rejected with this reason. */
  problem?: string;
}

/** A streaming table: columns are known once the first chunk has been yielded. */
export interface TableSource {
  /** Column names in file order (for GeoJSON: the first feature's properties, then @lon and @lat). */
  readonly columns: readonly string[];
  /** Rows in chunks of a few hundred or thousand, read lazily so memory stays flat in the file size. */
  chunks(): AsyncGenerator<RawRecord[]>;
}

/** Fields a column can be mapped to with --map COLUMN=FIELD (attributes.NAME keeps a column as an attribute). */
export const TARGET_FIELDS = [
  'source_id', 'offense_code', 'offense_text', 'category', 'occurred_at', 'time', 'lon', 'lat', 'x', 'y',
  'address', 'victim_count', 'fatal_count',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** A mapped, validated incident ready to write. */
export interface IncidentDraft {
  line: number;
  sourceId: string;
  offenseCode: string | null;
  offenseText: string | null;
  category: string;
  /** Epoch milliseconds. */
  occurredAt: number;
  timePrecision: 'minute' | 'day';
  lon: number;
  lat: number;
  x: number;
  y: number;
  hundredBlock: string | null;
  areaIds: readonly number[];
  victimCount: number | null;
  fatalCount: number | null;
  attributes: Record<string, string>;
}

/** A row that could not be imported; the reason names the field ("occurred_at: '13/45/2014' does not match DD/MM/YYYY"). */
export interface RejectEntry {
  line: number;
  reason: string;
}

/** Reported after each chunk of the file (progress bars). */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

/** What importIncidents needs: the database, the agency, the file and what is stated about it. */
export interface ImportOptions {
  db: Db;
  agencyId: number;
  /** Path of a .csv, .geojson/.json (FeatureCollection) or .ndjson/.geojsonl (one Feature a line) file. */
  file: string;
  /** Name recorded in import_runs and the audit row (default: the file's base name; uploads pass the original). */
  fileName?: string;
  /** Name of a preset (see listPresets()); flags below override what it states. */
  preset?: string;
  /** COLUMN → FIELD (a TargetField or attributes.NAME); replaces the preset's column for that field. */
  mapping?: Record<string, string>;
  /** Token format ("DD/MM/YYYY", "M/D/YY H:mm") or 'iso'. Required when the preset states none. */
  dateFormat?: string;
  /** IANA zone of the source's wall-clock times. Required when the preset states none. */
  timeZone?: string;
  /** 'lonlat' (default), 'EPSG:26971', or a proj4 string, for the x/y or lon/lat columns. */
  crs?: string;
  /** Names the source in (agency, source_system, source_id); defaults to the preset's, else 'import'. */
  sourceSystem?: string;
  /** One category code for every row (when neither the preset nor a mapped column gives one). */
  category?: string;
  /** utf8 (default, strict) or latin1. */
  encoding?: string;
  /** Where rejected rows are listed; default rejects-<timestamp>.csv in the working directory. */
  rejectsPath?: string;
  /** Rows per transaction (default 5,000). */
  batchSize?: number;
  actor: AuditActor;
  /** users.id of who started the run (import_runs.started_by). */
  startedBy?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import; the batch in progress is rolled back. */
  signal?: AbortSignal;
  /**
   * Where to announce 'incidents.recorded' after each committed batch, with the ids the batch inserted or
   * changed (the programs' handlers decide what qualifies: walks, retaliation alerts). Without it the import
   * announces nothing (the demo loader, whose programs seed their own demo content).
   */
  events?: EventBus;
}

/** What an import did, also stored in import_runs and the audit row. */
export interface ImportSummary {
  runId: number;
  file: string;
  preset: string | null;
  sourceSystem: string;
  /** Data rows read from the file. */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows folded into another row of the same incident (presets with one row per victim). */
  merged: number;
  /** The rejects file, or null when nothing was rejected. */
  rejectsPath: string | null;
  /** The first 100 rejects. */
  rejects: RejectEntry[];
  milliseconds: number;
}
