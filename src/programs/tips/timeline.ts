import type { Queryable } from '../../db/types.js';

export type TimelineKind =
  | 'submitted' | 'state' | 'priority' | 'assign' | 'route' | 'forward' | 'duplicate' | 'prank' | 'note'
  | 'message_in' | 'message_out' | 'attachment' | 'reward' | 'sms';

export interface TimelineEntry {
  tipId: number;
  kind: TimelineKind;
  author: 'tipster' | 'staff' | 'system';
  userId?: number | null;
  body?: string;
  data?: Record<string, unknown>;
  /** Shown on the tipster's follow-up page (messages, their own additions); internal entries stay false. */
  visibleToTipster?: boolean;
}

/** Appends one entry to a tip's timeline; every change of a tip goes through here, never an overwrite only. */
export async function addTimeline(q: Queryable, entry: TimelineEntry): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO tip_timeline (tip_id, kind, author, user_id, body, data, visible_to_tipster)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [entry.tipId, entry.kind, entry.author, entry.userId ?? null, entry.body ?? '', JSON.stringify(entry.data ?? {}), entry.visibleToTipster ?? false],
  );
  return rows[0].id;
}

/** Marks the first staff action on a tip (the dashboard's response time), once. */
export async function markFirstResponse(q: Queryable, tipId: number): Promise<void> {
  await q.query('UPDATE tips SET first_response_at = COALESCE(first_response_at, now()), updated_at = now() WHERE id = $1', [tipId]);
}
