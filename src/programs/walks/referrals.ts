/**
 * Resources given at a door become referrals in a services directory, when there is one. Walks never imports
 * the resources program: it publishes the core event 'referrals.given' after the visits are stored, and a
 * directory program (resources) subscribes. Without a subscriber nothing happens and walks works the same.
 * The event is published for every visit of a batch, new or sent again; the subscriber keeps one referral
 * per visit and need, so a phone re-sending its visits adds nothing.
 */
import type { Queryable } from '../../db/types.js';
import type { ReferralsGiven } from '../../core/events/bus.js';
import { RESOURCES } from './codes.js';

const NEED_BY_CODE = new Map(RESOURCES.flatMap((r) => (r.directoryNeed ? [[r.code, r.directoryNeed] as const] : [])));

/** The referrals a batch of stored visits implies (read back from the rows, so a re-sent copy changes nothing). */
export async function referralsFromVisits(
  q: Queryable, agencyId: number, walkId: number, visitIds: readonly string[], actor: { userId: number; label: string },
): Promise<ReferralsGiven | null> {
  if (visitIds.length === 0) return null;
  const rows = await q.query<{ id: string; visited_at: Date; resources: string[]; center_lon: number; center_lat: number; time_zone: string }>(
    `SELECT v.id, v.visited_at, v.resources, w.center_lon, w.center_lat, ag.time_zone
       FROM walk_visits v JOIN walks w ON w.id = v.walk_id JOIN agencies ag ON ag.id = v.agency_id
      WHERE v.id = ANY($1::uuid[]) AND v.walk_id = $2 AND v.agency_id = $3 AND cardinality(v.resources) > 0
      ORDER BY v.visited_at, v.id`, [visitIds, walkId, agencyId]);
  const items: ReferralsGiven['items'] = [];
  for (const row of rows) {
    // The visit's day where the walk happened (the agency's time zone).
    const on = new Intl.DateTimeFormat('en-CA', { timeZone: row.time_zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(row.visited_at);
    const needs = new Set(row.resources.flatMap((code) => NEED_BY_CODE.get(code) ?? []));
    for (const need of needs) items.push({ sourceRef: row.id, need, on, lon: row.center_lon, lat: row.center_lat });
  }
  return items.length > 0 ? { agencyId, sourceProgram: 'walks', actor, items } : null;
}
