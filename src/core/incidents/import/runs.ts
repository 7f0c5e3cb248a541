import type { Db, Queryable } from '../../../db/types.js';

/** Running totals of an import, as import_runs stores them. */
export interface RunCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Opens an import_runs row in status 'running' and returns its id. */
export async function startRun(db: Db, run: { agencyId: number; kind: 'incidents' | 'areas'; fileName: string; preset: string | null; startedBy?: number }): Promise<number> {
  const rows = await db.query<{ id: number }>(
    'INSERT INTO import_runs (agency_id, kind, file_name, preset, started_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [run.agencyId, run.kind, run.fileName, run.preset, run.startedBy ?? null],
  );
  return rows[0].id;
}

/** Stores the totals so far; called inside each batch's transaction so they match what is committed. */
export async function saveRunCounts(q: Queryable, runId: number, counts: RunCounts): Promise<void> {
  await q.query(
    'UPDATE import_runs SET rows_read = $2, inserted = $3, updated = $4, unchanged = $5, rejected = $6 WHERE id = $1',
    [runId, counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected],
  );
}

/** Closes the run as completed or failed (with the error message). */
export async function finishRun(q: Queryable, runId: number, counts: RunCounts, error?: string): Promise<void> {
  await saveRunCounts(q, runId, counts);
  await q.query(
    'UPDATE import_runs SET status = $2, finished_at = now(), error = $3 WHERE id = $1',
    [runId, error === undefined ? 'completed' : 'failed', error ?? null],
  );
}

export interface ImportRunRow {
  id: number;
  kind: 'incidents' | 'areas';
  fileName: string;
  preset: string | null;
  startedBy: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  status: 'running' | 'completed' | 'failed';
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

/** The agency's most recent import runs, newest first. */
export async function listImportRuns(q: Queryable, agencyId: number, limit = 50): Promise<ImportRunRow[]> {
  return q.query<ImportRunRow>(
    `SELECT id, kind, file_name AS "fileName", preset, started_by AS "startedBy", started_at AS "startedAt",
            finished_at AS "finishedAt", status, rows_read AS "read", inserted, updated, unchanged, rejected, error
       FROM import_runs WHERE agency_id = $1 ORDER BY id DESC LIMIT $2`,
    [agencyId, limit],
  );
}
