import { HashCounter } from './hash-counter.js';
import type { CategoryInfo } from './settings.js';
import type { IncidentDraft, RejectEntry } from './types.js';

/**
 * Collects mapped rows into the next batch.
 *
 * Merge mode (one row per victim): rows with the same source id inside a batch fold into the first one —
 * counts add up, the more serious category wins, everything else is the first row's — which is what the
 * writer's ON CONFLICT rule does across batches, so the result does not depend on where batches split.
 *
 * Plain mode: a source id seen before in the file is a duplicate and is rejected (the first one is kept).
 */
export class BatchBuilder {
  private drafts: IncidentDraft[] = [];
  private readonly byId = new Map<string, IncidentDraft>();
  private readonly seen = new HashCounter(1 << 16);
  /** Rows folded into an earlier row of the same incident. */
  merged = 0;

  constructor(
    private readonly merge: boolean,
    private readonly categories: ReadonlyMap<string, CategoryInfo>,
  ) {}

  get size(): number {
    return this.drafts.length;
  }

  /** Adds a row; returns a reject for a duplicate id in plain mode. */
  add(draft: IncidentDraft): RejectEntry | null {
    if (this.merge) {
      const existing = this.byId.get(draft.sourceId);
      if (existing) {
        this.fold(existing, draft);
        this.merged += 1;
        return null;
      }
      this.byId.set(draft.sourceId, draft);
    } else {
      const { count, first } = this.seen.add(draft.sourceId, draft.line);
      if (count > 1) {
        return { line: draft.line, reason: `source_id: duplicate id '${draft.sourceId}' in the file (first on line ${first})` };
      }
    }
    this.drafts.push(draft);
    return null;
  }

  /** Hands over the rows collected so far and starts a new batch. */
  take(): IncidentDraft[] {
    const batch = this.drafts;
    this.drafts = [];
    this.byId.clear();
    return batch;
  }

  private severity(code: string): number {
    return this.categories.get(code)?.severity ?? Number.MAX_SAFE_INTEGER;
  }

  private fold(into: IncidentDraft, row: IncidentDraft): void {
    into.victimCount = (into.victimCount ?? 0) + (row.victimCount ?? 0);
    into.fatalCount = (into.fatalCount ?? 0) + (row.fatalCount ?? 0);
    if (this.severity(row.category) < this.severity(into.category)) into.category = row.category;
  }
}
