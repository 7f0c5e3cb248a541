import type { Db } from '../../../db/types.js';
import { saveRunCounts, type RunCounts } from './runs.js';
import type { IncidentDraft } from './types.js';
import { MergeTally, lockReferences, upsertMerged, upsertPlain, type BatchOutcome } from './writer.js';

/** Thrown when the caller's AbortSignal fires; the batch in progress is rolled back. */
export class ImportAborted extends Error {
  constructor() {
    super('the import was interrupted; the batch in progress was rolled back');
  }
}

export interface BatchWriterOptions {
  agencyId: number;
  sourceSystem: string;
  runId: number;
  /** One row per victim: merge rows by source id (see writer.ts). */
  merge: boolean;
  /** Check foreign keys once per batch instead of per row (see canSkipRowTriggers). */
  skipRowTriggers: boolean;
  /** The source system had incidents of this agency before the run: leave unchanged rows out before writing. */
  filterUnchanged: boolean;
  /** Batches written at the same time (PostgreSQL only; 1 keeps everything sequential). */
  concurrency: number;
  /** The run's totals; inserted/updated/unchanged are advanced here once a batch commits. */
  counts: RunCounts;
  signal?: AbortSignal;
  /**
   * Called after each batch's commit with the ids it inserted or changed (never for a rolled-back batch),
   * before the next batch's slot is released: how the import announces 'incidents.recorded'.
   */
  onCommitted?: (ids: number[]) => Promise<void>;
}

/**
 * Writes batches, each in its own transaction, overlapping with reading: while the database stores batch k
 * the caller already reads and maps the next ones, and on PostgreSQL up to `concurrency` batches are written
 * over separate connections at once. Commits still happen strictly in file order — a batch's transaction
 * waits for its predecessor's commit before it commits, and rolls back if that one failed — so what is
 * committed is always a prefix of the file's batches, exactly as with one batch at a time.
 */
export class BatchWriter {
  private readonly pending: Array<Promise<void>> = [];
  private lastCommit: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly tally: MergeTally;
  private readonly concurrency: number;

  constructor(private readonly db: Db, private readonly options: BatchWriterOptions) {
    this.tally = new MergeTally(options.runId);
    // Merge mode stays sequential: rows of one incident in two concurrent batches could deadlock.
    this.concurrency = options.merge ? 1 : Math.max(1, options.concurrency);
  }

  /** Starts writing a batch once fewer than `concurrency` are in flight; throws the error of a failed one. */
  async submit(batch: IncidentDraft[]): Promise<void> {
    while (this.pending.length >= this.concurrency) await this.pending.shift();
    if (this.failure) throw this.failure;
    if (batch.length === 0) return;
    const previous = this.lastCommit;
    const commit = this.write(batch, previous);
    this.lastCommit = commit;
    // Kept, not left unhandled: the first error is rethrown by the next submit() or drain().
    this.pending.push(commit.catch((error: unknown) => {
      this.failure ??= error;
    }));
  }

  /** Waits until nothing is in flight; throws the error of a failed write. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
    if (this.failure) throw this.failure;
  }

  private async write(batch: IncidentDraft[], previous: Promise<void>): Promise<void> {
    const { agencyId, sourceSystem, runId, counts, signal } = this.options;
    const committed = await this.db.transaction(async (tx) => {
      if (this.options.skipRowTriggers) await lockReferences(tx, agencyId, runId, batch);
      let outcome: (BatchOutcome & { ids: number[] }) | null = null;
      if (!this.options.merge) outcome = await upsertPlain(tx, agencyId, sourceSystem, runId, batch, this.options.filterUnchanged);
      // Throws (rolling this batch back) when the batch before it failed.
      await previous;
      let totals: BatchOutcome;
      let ids: number[];
      if (outcome) {
        totals = { inserted: counts.inserted + outcome.inserted, updated: counts.updated + outcome.updated, unchanged: counts.unchanged + outcome.unchanged };
        ids = outcome.ids;
      } else {
        ids = await upsertMerged(tx, agencyId, sourceSystem, runId, batch, this.tally);
        totals = { ...this.tally.outcome };
      }
      await saveRunCounts(tx, runId, { ...counts, ...totals });
      // Checked last, inside the transaction: an abort during the write still rolls this batch back.
      if (signal?.aborted) throw new ImportAborted();
      return { totals, ids };
    });
    // Only now: the run's totals describe what is committed.
    Object.assign(counts, committed.totals);
    if (committed.ids.length > 0) await this.options.onCommitted?.(committed.ids);
  }
}
