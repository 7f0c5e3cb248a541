import type { Queryable } from '../../../db/types.js';
import { idsLiteral } from '../../places/memberships.js';
import { jsonTextArray, numberArray, textArray } from './pg-arrays.js';
import type { IncidentDraft } from './types.js';

/**
 * Batch upserts of incidents: one INSERT … SELECT FROM unnest(column arrays) per batch, keyed on
 * (agency_id, source_system, source_id).
 *
 * Plain mode updates a row only when something differs, so re-running an import writes nothing;
 * RETURNING (xmax = 0) tells inserted rows from updated ones, and rows not written were unchanged.
 *
 * Merge mode (one row per victim) adds victim and fatal counts to a row already written by this same run and
 * replaces them when the row comes from an earlier run; the more serious category wins within a run.
 */

// Content columns: what "the row differs" and the merge fingerprint compare.
const CONTENT = ['offense_code', 'offense_text', 'category', 'occurred_at', 'time_precision', 'lon', 'lat', 'x', 'y',
  'hundred_block', 'area_ids', 'victim_count', 'fatal_count', 'attributes'] as const;

// The batch as typed rows named like incidents' columns (one text array parameter per column).
const INCOMING = `SELECT t.source_id, t.offense_code, t.offense_text, t.category, to_timestamp(t.occurred_s) AS occurred_at,
    t.time_precision, t.lon, t.lat, t.x, t.y, t.hundred_block, t.area_ids::int[] AS area_ids, t.victim_count, t.fatal_count,
    t.attributes::jsonb AS attributes
  FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::float8[], $10::float8[],
    $11::float8[], $12::float8[], $13::text[], $14::text[], $15::int[], $16::int[], $17::text[])
    AS t(source_id, offense_code, offense_text, category, occurred_s, time_precision, lon, lat, x, y, hundred_block,
         area_ids, victim_count, fatal_count, attributes)`;

const INSERT_FROM_INCOMING = `INSERT INTO incidents AS cur (agency_id, source_system, source_id, ${CONTENT.join(', ')}, import_run_id)
  SELECT $1::int, $2::text, i.source_id, ${CONTENT.map((c) => `i.${c}`).join(', ')}, $18::bigint FROM incoming i`;

const differs = (a: string, b: string) => `(${CONTENT.map((c) => `${a}.${c}`).join(', ')}) IS DISTINCT FROM (${CONTENT.map((c) => `${b}.${c}`).join(', ')})`;

// Rows stored exactly so already are left out before the insert: ON CONFLICT would lock each one, which is
// a write per row for nothing. LIMIT 1 keeps it a per-row index probe (a join could scan all incidents).
// Skipped on a first import, where the probe could only miss.
const UNCHANGED_FILTER = `LEFT JOIN LATERAL (SELECT ${CONTENT.join(', ')} FROM incidents e WHERE e.agency_id = $1 AND e.source_system = $2
    AND e.source_id = i.source_id LIMIT 1) e ON true
  WHERE e.occurred_at IS NULL OR ${differs('e', 'i')}`;

// Counted in SQL: one answer row per batch instead of one per written row.
const plainSql = (filterUnchanged: boolean) => `WITH incoming AS (${INCOMING}), written AS (
  ${INSERT_FROM_INCOMING} ${filterUnchanged ? UNCHANGED_FILTER : ''}
  ON CONFLICT (agency_id, source_system, source_id) DO UPDATE SET
    ${CONTENT.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, import_run_id = EXCLUDED.import_run_id, updated_at = now()
  WHERE ${differs('cur', 'EXCLUDED')}
  RETURNING cur.id, (cur.xmax = 0) AS inserted)
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written,
    COALESCE(array_agg(id::float8), '{}'::float8[]) AS ids FROM written`;
const PLAIN_SQL = { filtered: plainSql(true), unfiltered: plainSql(false) };

const fingerprint = (alias: string) => `md5(row(${CONTENT.map((c) => `${alias}.${c}`).join(', ')})::text)`;
const sameRun = 'cur.import_run_id = EXCLUDED.import_run_id';
const keepOrReplace = (c: string) => `${c} = CASE WHEN ${sameRun} THEN cur.${c} ELSE EXCLUDED.${c} END`;
const addOrReplace = (c: string) => `${c} = CASE WHEN ${sameRun} THEN COALESCE(cur.${c}, 0) + COALESCE(EXCLUDED.${c}, 0) ELSE EXCLUDED.${c} END`;

const MERGE_SQL = `WITH incoming AS (${INCOMING}), prior AS (
    SELECT p.source_id, p.import_run_id AS run, ${fingerprint('p')} AS fp FROM incidents p
     WHERE p.agency_id = $1 AND p.source_system = $2 AND p.source_id = ANY($3::text[])
  ), written AS (
  ${INSERT_FROM_INCOMING}
  ON CONFLICT (agency_id, source_system, source_id) DO UPDATE SET
    ${['offense_code', 'offense_text', 'occurred_at', 'time_precision', 'lon', 'lat', 'x', 'y', 'hundred_block', 'area_ids', 'attributes'].map(keepOrReplace).join(', ')},
    ${['victim_count', 'fatal_count'].map(addOrReplace).join(', ')},
    category = CASE WHEN ${sameRun} AND (SELECT severity FROM offense_categories WHERE code = cur.category)
                         <= (SELECT severity FROM offense_categories WHERE code = EXCLUDED.category)
               THEN cur.category ELSE EXCLUDED.category END,
    import_run_id = EXCLUDED.import_run_id, updated_at = now()
  RETURNING cur.id, cur.source_id, (cur.xmax = 0) AS inserted, ${fingerprint('cur')} AS fp
  )
  SELECT w.id::float8 AS id, w.source_id, w.inserted, w.fp, p.fp AS prior_fp, p.run AS prior_run FROM written w LEFT JOIN prior p USING (source_id)`;

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Ids of the incidents a batch inserted or changed (what 'incidents.recorded' announces after the commit). */
export type WrittenIds = number[];

function params(agencyId: number, sourceSystem: string, runId: number, drafts: readonly IncidentDraft[]): unknown[] {
  const n = drafts.length;
  const text = Array.from({ length: 7 }, () => new Array<string | null>(n));
  const attributes = new Array<string>(n);
  const num = Array.from({ length: 7 }, () => new Array<number | null>(n));
  for (let i = 0; i < n; i += 1) {
    const d = drafts[i];
    text[0][i] = d.sourceId; text[1][i] = d.offenseCode; text[2][i] = d.offenseText; text[3][i] = d.category;
    text[4][i] = d.timePrecision; text[5][i] = d.hundredBlock; text[6][i] = d.areaIds.length === 0 ? '{}' : idsLiteral(d.areaIds);
    attributes[i] = JSON.stringify(d.attributes);
    num[0][i] = d.occurredAt / 1000; num[1][i] = d.lon; num[2][i] = d.lat; num[3][i] = d.x; num[4][i] = d.y;
    num[5][i] = d.victimCount; num[6][i] = d.fatalCount;
  }
  const [sourceId, offenseCode, offenseText, category, precision, block, areaIds] = text.map(textArray);
  const [occurred, lon, lat, x, y, victims, fatal] = num.map(numberArray);
  return [agencyId, sourceSystem, sourceId, offenseCode, offenseText, category, occurred, precision, lon, lat, x, y, block, areaIds, victims, fatal, jsonTextArray(attributes), runId];
}

/** Whether the agency already has incidents from this source system (a re-import rather than a first one). */
export async function hasIncidentsFrom(q: Queryable, agencyId: number, sourceSystem: string): Promise<boolean> {
  const rows = await q.query<{ found: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM incidents WHERE agency_id = $1 AND source_system = $2) AS found', [agencyId, sourceSystem]);
  return rows[0].found;
}

/**
 * Whether batches may skip the per-row foreign-key triggers (session_replication_role = replica, the
 * pg_restore --disable-triggers technique). Per-row RI checks are over half the cost of an insert here
 * (three foreign keys, ~30 µs a row on PGlite); the writer instead checks the same references once per batch
 * under the same FOR KEY SHARE locks the triggers would take (see lockReferences). Only when the role may
 * set it (superuser: the embedded database, or a PostgreSQL admin role) and incidents has no triggers of its
 * own, which replica mode would silently skip too.
 */
export async function canSkipRowTriggers(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ superuser: boolean; user_triggers: number }>(
    `SELECT current_setting('is_superuser') = 'on' AS superuser,
            (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'incidents'::regclass AND NOT tgisinternal) AS user_triggers`,
  );
  return rows[0].superuser && rows[0].user_triggers === 0;
}

/**
 * Inside a batch transaction: turns per-row triggers off for this transaction only and does what the three
 * foreign keys would: the agency, the run and every category of the batch must exist, locked FOR KEY SHARE
 * until commit so none can be deleted underneath.
 */
export async function lockReferences(q: Queryable, agencyId: number, runId: number, drafts: readonly IncidentDraft[]): Promise<void> {
  await q.query("SET LOCAL session_replication_role = 'replica'");
  // Bulk-load practice: do not wait for the WAL flush at each batch commit. A crash can lose the last few
  // batches, never leave a partial one, and re-running the import restores them.
  await q.query('SET LOCAL synchronous_commit = off');
  const categories = [...new Set(drafts.map((d) => d.category))];
  const rows = await q.query<{ kind: string; n: number }>(
    `SELECT 'agency' AS kind, count(*)::int AS n FROM (SELECT 1 FROM agencies WHERE id = $1 FOR KEY SHARE) a
     UNION ALL SELECT 'run', count(*)::int FROM (SELECT 1 FROM import_runs WHERE id = $2 FOR KEY SHARE) r
     UNION ALL SELECT 'categories', count(*)::int FROM (SELECT 1 FROM offense_categories WHERE code = ANY($3::text[]) FOR KEY SHARE) c`,
    [agencyId, runId, textArray(categories)],
  );
  const count = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  if (count('agency') !== 1) throw new Error(`agency ${agencyId} no longer exists`);
  if (count('run') !== 1) throw new Error(`import run ${runId} no longer exists`);
  if (count('categories') !== categories.length) throw new Error(`a category of this batch no longer exists (${categories.join(', ')})`);
}

/**
 * Writes one batch of distinct source ids in plain mode. filterUnchanged: false only when the source system had
 * no incidents of this agency before the run (nothing can be unchanged).
 */
export async function upsertPlain(q: Queryable, agencyId: number, sourceSystem: string, runId: number, drafts: readonly IncidentDraft[], filterUnchanged = true): Promise<BatchOutcome & { ids: WrittenIds }> {
  if (drafts.length === 0) return { inserted: 0, updated: 0, unchanged: 0, ids: [] };
  const sql = filterUnchanged ? PLAIN_SQL.filtered : PLAIN_SQL.unfiltered;
  const [{ inserted, written, ids }] = await q.query<{ inserted: number; written: number; ids: number[] }>(sql, params(agencyId, sourceSystem, runId, drafts));
  return { inserted, updated: written - inserted, unchanged: drafts.length - written, ids: ids.map(Number) };
}

/**
 * Counts merge-mode outcomes per incident rather than per statement: an incident first written this run as a
 * partial (one victim of several, the others further down the file) and completed by a later batch counts as
 * unchanged when it ends up as it was before the run.
 */
export class MergeTally {
  readonly outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 };
  // source id → fingerprint before this run, and whether it currently differs from that.
  private readonly before = new Map<string, { fp: string; changed: boolean }>();

  constructor(private readonly runId: number) {}

  record(row: { source_id: string; inserted: boolean; fp: string; prior_fp: string | null; prior_run: number | null }): void {
    if (row.inserted) {
      this.outcome.inserted += 1;
      return;
    }
    if (row.prior_run !== this.runId) {
      // First touch this run of a row from an earlier run: compare with what it was before the run.
      const changed = row.fp !== row.prior_fp;
      this.before.set(row.source_id, { fp: row.prior_fp ?? '', changed });
      if (changed) this.outcome.updated += 1;
      else this.outcome.unchanged += 1;
      return;
    }
    // A later touch this run. Rows this run inserted stay inserted; others may now (again) match their old state.
    const known = this.before.get(row.source_id);
    if (!known) return;
    const changed = row.fp !== known.fp;
    if (changed === known.changed) return;
    known.changed = changed;
    this.outcome.updated += changed ? 1 : -1;
    this.outcome.unchanged += changed ? -1 : 1;
  }
}

/**
 * Writes one batch (one row per source id, already merged within the batch) in merge mode; returns the ids of
 * rows inserted or now different from what they were before the run.
 */
export async function upsertMerged(q: Queryable, agencyId: number, sourceSystem: string, runId: number, drafts: readonly IncidentDraft[], tally: MergeTally): Promise<WrittenIds> {
  if (drafts.length === 0) return [];
  const rows = await q.query<{ id: number; source_id: string; inserted: boolean; fp: string; prior_fp: string | null; prior_run: number | null }>(
    MERGE_SQL, params(agencyId, sourceSystem, runId, drafts),
  );
  const ids: WrittenIds = [];
  for (const row of rows) {
    tally.record(row);
    if (row.inserted || row.fp !== row.prior_fp) ids.push(Number(row.id));
  }
  return ids;
}
