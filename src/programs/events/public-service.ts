/** What residents see: upcoming events, one event, the event types to filter by. */
import type { Queryable } from '../../db/types.js';
import { findPublicEvent, SELECT_EVENT, toPublicView, type EventRow } from './queries.js';
import type { PublicEventView } from './validation.js';

export interface PublicEventFilter {
  type?: string;
  program?: string;
  agency?: string;
  /** Include events that ended before now (the past events list). */
  past?: boolean;
  limit?: number;
}

/**
 * Published and cancelled events (a cancelled event stays listed, marked, so people who planned to go find
 * out), soonest first; or the most recent past events first when `past` is set.
 */
export async function listPublicEvents(q: Queryable, filter: PublicEventFilter = {}, now = new Date()): Promise<PublicEventView[]> {
  const rows = await q.query<EventRow>(
    `${SELECT_EVENT}
     WHERE e.status <> 'draft'
       AND ($1::text IS NULL OR t.code = $1) AND ($2::text IS NULL OR e.host_program = $2) AND ($3::text IS NULL OR ag.slug = $3)
       AND (CASE WHEN $4 THEN e.ends_at <= $5 ELSE e.ends_at > $5 END)
     ORDER BY CASE WHEN $4 THEN -extract(epoch FROM e.starts_at) ELSE extract(epoch FROM e.starts_at) END, e.id
     LIMIT $6`,
    [filter.type ?? null, filter.program ?? null, filter.agency ?? null, filter.past ?? false, now, filter.limit ?? 100]);
  return rows.map((row) => toPublicView(row, now));
}

export async function getPublicEvent(q: Queryable, id: number, now = new Date()): Promise<PublicEventView> {
  return toPublicView(await findPublicEvent(q, id), now);
}
