import { basename } from 'node:path';
import type { Db } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../audit/audit.js';
import { readTextChunks } from '../incidents/import/file-text.js';
import { finishRun, startRun, type RunCounts } from '../incidents/import/runs.js';
import { AREA_KINDS, type AreaKind } from './areas-query.js';
import { GeoJsonSplitter, parseFeatures, type ParsedFeature } from './geojson-stream.js';
import { geometryBBox, polygonsOf, toAreaGeometry, type AreaGeometry } from './geometry.js';
import { recomputeAreaMemberships } from './memberships.js';

export interface AreaImportOptions {
  db: Db;
  agencyId: number;
  /** A GeoJSON file (FeatureCollection or one Feature a line)… */
  file?: string;
  /** …or the FeatureCollection itself. */
  featureCollection?: { features: ReadonlyArray<ParsedFeature['feature']> };
  kind: AreaKind;
  /** Property holding the area's name (areas are upserted by agency, kind and name). */
  nameField: string;
  /** Property holding a short code (district number, beat id). */
  codeField?: string;
  actor: AuditActor;
  startedBy?: number;
}

export interface AreaImportSummary {
  runId: number;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Feature-level problems: line (file) or feature number (collection) and reason. */
  rejects: Array<{ line: number; reason: string }>;
  /** Incidents of the agency whose area memberships changed. */
  incidentsUpdated: number;
}

interface PendingArea {
  name: string;
  code: string | null;
  geometry: AreaGeometry;
  properties: Record<string, unknown>;
}

async function* featuresOf(options: AreaImportOptions): AsyncGenerator<ParsedFeature> {
  if (options.featureCollection) {
    let n = 0;
    for (const feature of options.featureCollection.features) yield { line: ++n, feature };
    return;
  }
  if (!options.file) throw new Error('importAreas needs a file or a featureCollection');
  const splitter = new GeoJsonSplitter();
  for await (const chunk of readTextChunks(options.file)) yield* parseFeatures(splitter.push(chunk));
  splitter.end();
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/**
 * Imports Polygon/MultiPolygon features as areas of one kind: upserts by (agency, kind, name) — features
 * sharing a name become one MultiPolygon — then recomputes the agency's incident memberships, all in one
 * transaction with its import_runs row and one 'areas.import' audit row.
 */
export async function importAreas(options: AreaImportOptions): Promise<AreaImportSummary> {
  const { db, agencyId, kind, nameField, codeField } = options;
  if (!(AREA_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown area kind "${kind}": kinds are ${AREA_KINDS.join(', ')}`);
  const agency = await db.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId]);
  if (agency.length === 0) throw new Error(`agency ${agencyId} does not exist`);

  const counts: RunCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejects: AreaImportSummary['rejects'] = [];
  const fileName = options.file ? basename(options.file) : `FeatureCollection (${kind})`;
  const runId = await startRun(db, { agencyId, kind: 'areas', fileName, preset: null, startedBy: options.startedBy });
  const details = () => ({ file: fileName, kind, nameField, ...counts });
  try {
    const areas = new Map<string, PendingArea>();
    for await (const { line, feature } of featuresOf(options)) {
      counts.read += 1;
      const properties = feature.properties ?? {};
      const name = text(properties[nameField]);
      try {
        if (feature.type !== 'Feature') throw new Error(`expected a Feature, got ${text(feature.type) || 'no type'}`);
        if (!name) throw new Error(`no "${nameField}" property (the --name-field)`);
        const geometry = toAreaGeometry(feature.geometry);
        const existing = areas.get(name);
        if (existing) {
          existing.geometry = { type: 'MultiPolygon', coordinates: [...polygonsOf(existing.geometry), ...polygonsOf(geometry)] };
        } else {
          areas.set(name, { name, code: codeField ? text(properties[codeField]) || null : null, geometry, properties });
        }
      } catch (error) {
        counts.rejected += 1;
        rejects.push({ line, reason: (error as Error).message });
      }
    }

    let incidentsUpdated = 0;
    await db.transaction(async (tx) => {
      for (const area of areas.values()) {
        const rows = await tx.query<{ inserted: boolean }>(
          `INSERT INTO areas AS a (agency_id, kind, name, code, geometry, bbox, properties) VALUES ($1, $2, $3, $4, $5::jsonb, $6::float8[], $7::jsonb)
           ON CONFLICT (agency_id, kind, name) DO UPDATE SET code = EXCLUDED.code, geometry = EXCLUDED.geometry,
             bbox = EXCLUDED.bbox, properties = EXCLUDED.properties, updated_at = now()
           WHERE (a.code, a.geometry, a.bbox, a.properties) IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.geometry, EXCLUDED.bbox, EXCLUDED.properties)
           RETURNING (a.xmax = 0) AS inserted`,
          [agencyId, kind, area.name, area.code, JSON.stringify(area.geometry), geometryBBox(area.geometry), JSON.stringify(area.properties)],
        );
        if (rows.length === 0) counts.unchanged += 1;
        else if (rows[0].inserted) counts.inserted += 1;
        else counts.updated += 1;
      }
      // Unchanged areas leave every membership as it is: skip the pass over all incidents.
      if (counts.inserted + counts.updated > 0) incidentsUpdated = await recomputeAreaMemberships(tx, agencyId);
      await finishRun(tx, runId, counts);
      await appendAudit(tx, {
        actor: options.actor, action: 'areas.import', targetType: 'import_run', targetId: runId, outcome: 'success',
        details: { ...details(), incidentsUpdated },
      });
    });
    return { runId, ...counts, rejects, incidentsUpdated };
  } catch (error) {
    const message = (error as Error).message;
    Object.assign(counts, { inserted: 0, updated: 0, unchanged: 0 }); // rolled back with the transaction
    await db.transaction(async (tx) => {
      await finishRun(tx, runId, counts, message);
      await appendAudit(tx, { actor: options.actor, action: 'areas.import', targetType: 'import_run', targetId: runId, outcome: 'failure', details: { ...details(), error: message } });
    }).catch(() => undefined);
    throw error;
  }
}
