/** RSVPs without an account: reserve a place (or join the wait list), look it up and cancel it by private token. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit } from '../../core/audit/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../core/errors.js';
import { findPublicEvent } from './queries.js';
import { promoteWaitlist, waitlistPosition } from './waitlist.js';
import type { RsvpInput, RsvpLookup, RsvpReceipt, RsvpStatus } from './validation.js';

// Residents are not staff: their actions are audited under one label, never with an address or a name.
const PUBLIC_ACTOR = { label: 'public' };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Reserves places for a party. Confirmed when the party fits in the places left, otherwise on the wait list.
 * The event row is locked for the count, so two people can never take the last place together.
 */
export async function createRsvp(db: Db, eventId: number, input: RsvpInput, now = new Date()): Promise<RsvpReceipt & { rsvpId: number }> {
  const cancelToken = randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    const locked = await tx.query<{ id: number }>("SELECT id FROM events WHERE id = $1 AND status <> 'draft' FOR UPDATE", [eventId]);
    if (locked.length === 0) throw notFound(`Event ${eventId}`);
    const event = await findPublicEvent(tx, eventId);
    if (event.status === 'cancelled') throw conflict('This event was cancelled.');
    if (event.starts_at <= now) throw new AppError(409, 'rsvp_closed', 'This event has already started, so it no longer takes RSVPs.');
    if (event.capacity !== null && input.partySize > event.capacity) {
      throw badRequest(`partySize: this event has room for ${event.capacity} people in all`, { field: 'partySize' });
    }
    const fits = event.capacity === null || event.confirmed + input.partySize <= event.capacity;
    const status: RsvpStatus = fits ? 'confirmed' : 'waitlisted';
    const consent = input.contactConsent && Boolean(input.email || input.phone);
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO event_rsvps (event_id, party_size, status, name, email, phone, contact_consent, locale, cancel_token_hash, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [eventId, input.partySize, status, input.name ?? null, consent ? input.email ?? null : null, consent ? input.phone ?? null : null,
        consent, input.locale, hashToken(cancelToken), now]);
    await appendAudit(tx, { actor: PUBLIC_ACTOR, action: 'events.rsvp', targetType: 'event', targetId: eventId, outcome: 'success', details: { rsvpId: id, status, partySize: input.partySize } });
    const position = status === 'waitlisted' ? await waitlistPosition(tx, eventId, id) : null;
    return { rsvpId: id, eventId, status, position, cancelToken };
  });
}

interface RsvpRow { id: number; event_id: number; status: RsvpStatus; party_size: number }

async function rsvpByToken(q: Queryable, token: string): Promise<RsvpRow> {
  const [row] = await q.query<RsvpRow>('SELECT id, event_id, status, party_size FROM event_rsvps WHERE cancel_token_hash = $1', [hashToken(token)]);
  // The same answer for a wrong token and a deleted RSVP: a token cannot be probed.
  if (!row) throw notFound('This RSVP');
  return row;
}

/** What the private link shows before cancelling: the event and the RSVP's state. */
export async function lookupRsvp(db: Db, token: string): Promise<RsvpLookup> {
  const rsvp = await rsvpByToken(db, token);
  const event = await findPublicEvent(db, rsvp.event_id);
  return {
    eventId: event.id, title: event.title, startsAt: event.starts_at, timeZone: event.time_zone, status: rsvp.status,
    partySize: rsvp.party_size, position: rsvp.status === 'waitlisted' ? await waitlistPosition(db, rsvp.event_id, rsvp.id) : null,
  };
}

/**
 * Cancels by private token. Name and contact are erased at once (nothing is needed any more), and freed
 * places go to the wait list in the same transaction. Cancelling twice is harmless.
 */
export async function cancelRsvp(db: Db, token: string, now = new Date()): Promise<{ eventId: number; status: 'cancelled'; promoted: number }> {
  return db.transaction(async (tx) => {
    const rsvp = await rsvpByToken(tx, token);
    await tx.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [rsvp.event_id]);
    if (rsvp.status === 'cancelled') return { eventId: rsvp.event_id, status: 'cancelled' as const, promoted: 0 };
    await tx.query(
      `UPDATE event_rsvps SET status = 'cancelled', cancelled_at = $2, name = NULL, email = NULL, phone = NULL, contact_erased_at = $2
       WHERE id = $1`, [rsvp.id, now]);
    const promoted = rsvp.status === 'confirmed' ? await promoteWaitlist(tx, rsvp.event_id, now) : [];
    await appendAudit(tx, {
      actor: PUBLIC_ACTOR, action: 'events.rsvp_cancel', targetType: 'event', targetId: rsvp.event_id, outcome: 'success',
      details: { rsvpId: rsvp.id, statusFrom: rsvp.status, promotedRsvps: promoted },
    });
    return { eventId: rsvp.event_id, status: 'cancelled' as const, promoted: promoted.length };
  });
}
