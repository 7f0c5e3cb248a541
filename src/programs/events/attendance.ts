/** At the door and afterwards: the RSVP list, check-in, walk-ins, and the anonymous follow-up survey. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';
import { findAgencyEvent, findPublicEvent, toPublicView } from './queries.js';
import type { StaffRsvpView, SurveyInput, SurveySummary } from './validation.js';

type Actor = AuditActor & { agencyId: number };

interface StaffRsvpRow {
  id: number; name: string | null; party_size: number; status: StaffRsvpView['status']; position: number | null;
  created_at: Date; checked_in_at: Date | null; has_contact: boolean;
}

/**
 * The check-in list. Names are personal data residents chose to give, so reading the list is audited; the
 * e-mail addresses and phone numbers are never sent to the browser at all.
 */
export async function listRsvps(db: Db, actor: Actor, eventId: number): Promise<StaffRsvpView[]> {
  await findAgencyEvent(db, actor.agencyId, eventId);
  return db.transaction(async (tx) => {
    const rows = await tx.query<StaffRsvpRow>(
      `SELECT id, name, party_size, status, created_at, checked_in_at, (email IS NOT NULL OR phone IS NOT NULL) AS has_contact,
         CASE WHEN status = 'waitlisted' THEN row_number() OVER (PARTITION BY status ORDER BY id)::int END AS position
       FROM event_rsvps WHERE event_id = $1
       ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, id`, [eventId]);
    await appendAudit(tx, { actor, action: 'events.rsvps_read', targetType: 'event', targetId: eventId, outcome: 'success', details: { rows: rows.length } });
    return rows.map((r) => ({
      id: r.id, name: r.name, partySize: r.party_size, status: r.status, position: r.position, createdAt: r.created_at,
      checkedIn: r.checked_in_at !== null, hasContact: r.has_contact,
    }));
  });
}

/** Marks a party as arrived (or undoes it). Someone from the wait list who is let in becomes confirmed. */
export async function setCheckIn(db: Db, actor: Actor, eventId: number, rsvpId: number, checkedIn: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await findAgencyEvent(tx, actor.agencyId, eventId);
    const [rsvp] = await tx.query<{ status: string }>('SELECT status FROM event_rsvps WHERE id = $1 AND event_id = $2', [rsvpId, eventId]);
    if (!rsvp) throw notFound(`RSVP ${rsvpId}`);
    if (rsvp.status === 'cancelled') throw new AppError(409, 'cancelled', `RSVP ${rsvpId} was cancelled; count the person as a walk-in instead.`);
    await tx.query(
      `UPDATE event_rsvps SET checked_in_at = CASE WHEN $2 THEN COALESCE(checked_in_at, now()) END,
         status = CASE WHEN $2 THEN 'confirmed' ELSE status END WHERE id = $1`, [rsvpId, checkedIn]);
    await appendAudit(tx, { actor, action: 'events.check_in', targetType: 'event', targetId: eventId, outcome: 'success', details: { rsvpId, checkedIn } });
  });
}

export async function setWalkIns(db: Db, actor: Actor, eventId: number, walkIns: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findAgencyEvent(tx, actor.agencyId, eventId);
    await tx.query('UPDATE events SET walk_ins = $2, updated_at = now() WHERE id = $1', [eventId, walkIns]);
    await appendAudit(tx, { actor, action: 'events.walk_ins', targetType: 'event', targetId: eventId, outcome: 'success', details: { from: before.walk_ins, to: walkIns } });
  });
}

/** An anonymous answer: nothing links it to an RSVP, a person or a device. */
export async function submitSurvey(q: Queryable, eventId: number, input: SurveyInput, now = new Date()): Promise<void> {
  const event = toPublicView(await findPublicEvent(q, eventId), now);
  if (!event.surveyOpen) throw new AppError(409, 'survey_closed', 'The survey for this event is not open: it opens when the event starts and closes 30 days after it ends.');
  await q.query('INSERT INTO event_survey_responses (event_id, rating, comment) VALUES ($1, $2, $3)', [eventId, input.rating, input.comment ?? null]);
}

export async function surveySummary(q: Queryable, agencyId: number, eventId: number): Promise<SurveySummary> {
  await findAgencyEvent(q, agencyId, eventId);
  const rows = await q.query<{ rating: number; comment: string | null; created_at: Date }>(
    'SELECT rating, comment, created_at FROM event_survey_responses WHERE event_id = $1 ORDER BY id DESC', [eventId]);
  const byRating = [1, 2, 3, 4, 5].map((r) => rows.filter((row) => row.rating === r).length);
  const average = rows.length ? Math.round((rows.reduce((sum, r) => sum + r.rating, 0) / rows.length) * 100) / 100 : null;
  return {
    count: rows.length, averageRating: average, byRating,
    comments: rows.filter((r) => r.comment).map((r) => ({ rating: r.rating, comment: r.comment!, createdAt: r.created_at })),
  };
}
