import type { Db, Queryable } from '../../db/types.js';
import { appendAudit } from '../../core/audit/audit.js';
import { PUBLIC_ACTOR } from './context.js';

/** What a unit of work did to which tip, for the group's audit row. */
export interface AuditNote {
  action: string;
  tipId: number;
  details?: Record<string, unknown>;
}

/** One unit: database work inside the group's transaction; `note` records what it did for the audit log. */
export type GroupWork<T> = (tx: Queryable, note: (entry: AuditNote) => void) => Promise<T>;

interface Pending {
  work: GroupWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the tipster's follow-up writes (passphrase checks, messages). Units that arrive while a
 * transaction is writing wait and run together in the next one, then one audit row per action names every tip
 * touched (actor 'public', never an address) and one COMMIT makes them durable. Without this, every follow-up
 * would hold the audit chain's lock for its own round trips and COMMIT, and they would queue behind each other.
 * A unit that throws rolls its group back; the group is then run again one unit per transaction, so one
 * failure never costs the others. Units must therefore only touch the database.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db, private readonly maxGroup = 100) {}

  run<T>(work: GroupWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as GroupWork<unknown>, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // One turn of the event loop first: requests already on their way (read but not yet handled) join this
        // group. Without it, an in-process database (PGlite, which blocks the loop while it works) would
        // write groups of one or two and pay a transaction for each.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.write(this.queue.splice(0, this.maxGroup));
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(group: Pending[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.db.transaction(async (tx) => {
        const notes: AuditNote[] = [];
        const out: unknown[] = [];
        for (const pending of group) out.push(await pending.work(tx, (entry) => notes.push(entry)));
        await auditGroup(tx, notes);
        return out;
      });
    } catch (error) {
      if (group.length === 1) group[0].reject(error);
      else for (const pending of group) await this.write([pending]);
      return;
    }
    group.forEach((pending, i) => pending.resolve(results[i]));
  }
}

/** One audit row per action: the tip itself when alone, else the list of tips with each one's details. */
async function auditGroup(tx: Queryable, notes: AuditNote[]): Promise<void> {
  const byAction = new Map<string, AuditNote[]>();
  for (const note of notes) byAction.set(note.action, [...(byAction.get(note.action) ?? []), note]);
  for (const [action, entries] of byAction) {
    await appendAudit(tx, {
      actor: PUBLIC_ACTOR, action, targetType: 'tip', targetId: entries.length === 1 ? entries[0].tipId : undefined, outcome: 'success',
      details: { tips: entries.map((e) => ({ id: e.tipId, ...e.details })) },
    });
  }
}
