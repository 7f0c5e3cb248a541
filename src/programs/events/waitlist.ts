import type { Queryable } from '../../db/types.js';

/**
 * Moves people from the wait list into free places, oldest RSVP first. A party too large for the places
 * left waits while smaller parties behind it may move up ("first that fits"), so places are never left empty
 * while someone who fits is waiting. Call inside the transaction that freed the places, with the event row
 * locked (SELECT … FOR UPDATE), so two cancellations cannot hand out the same place. Returns promoted ids.
 */
export async function promoteWaitlist(q: Queryable, eventId: number, now: Date): Promise<number[]> {
  const [event] = await q.query<{ capacity: number | null; confirmed: number }>(
    `SELECT e.capacity, COALESCE((SELECT sum(party_size) FROM event_rsvps WHERE event_id = e.id AND status = 'confirmed'), 0)::int AS confirmed
     FROM events e WHERE e.id = $1`, [eventId]);
  if (!event) return [];
  const waiting = await q.query<{ id: number; party_size: number }>(
    "SELECT id, party_size FROM event_rsvps WHERE event_id = $1 AND status = 'waitlisted' ORDER BY id", [eventId]);
  let free = event.capacity === null ? Infinity : event.capacity - event.confirmed;
  const promoted: number[] = [];
  for (const rsvp of waiting) {
    if (free <= 0) break;
    if (rsvp.party_size > free) continue;
    promoted.push(rsvp.id);
    free -= rsvp.party_size;
  }
  if (promoted.length > 0) {
    await q.query("UPDATE event_rsvps SET status = 'confirmed', promoted_at = $2 WHERE id = ANY($1::int[])", [promoted, now]);
  }
  return promoted;
}

/** Place on the wait list (1 = next in line) of a waitlisted RSVP, by order of arrival. */
export async function waitlistPosition(q: Queryable, eventId: number, rsvpId: number): Promise<number> {
  const [row] = await q.query<{ position: number }>(
    "SELECT count(*)::int AS position FROM event_rsvps WHERE event_id = $1 AND status = 'waitlisted' AND id <= $2", [eventId, rsvpId]);
  return row.position;
}
