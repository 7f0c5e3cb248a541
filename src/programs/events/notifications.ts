/**
 * Messages to people who RSVP'd with consent: the confirmation (sent at once, as only then is the private
 * cancel link known), and, from the scheduled job, wait-list promotions, reminders, cancellations and the
 * survey invitation. The job also erases contact details 30 days after each event: they were given for
 * this event only.
 */
import type { Db, Queryable } from '../../db/types.js';
import type { Senders } from '../../core/messaging/index.js';
import { renderMessage, type MessageKind } from './messages.js';

export interface NotifyOptions {
  senders: Senders;
  /** Portal origin for links, e.g. https://bridges.example.org */
  publicUrl: string;
  now?: Date;
}

interface DueRow {
  id: number; email: string | null; phone: string | null; locale: string; position: number | null;
  event_id: number; title: Record<string, string>; starts_at: Date; time_zone: string; place_name: string; address: string;
}

const DUE_COLUMNS = `r.id, r.email, r.phone, r.locale, e.id AS event_id, e.title, e.starts_at, ag.time_zone, e.place_name, e.address`;
const FROM = `FROM event_rsvps r JOIN events e ON e.id = r.event_id JOIN agencies ag ON ag.id = e.agency_id`;
// Contact is only ever present with consent (a CHECK holds it), but the condition is stated where it matters.
const REACHABLE = `r.contact_consent AND (r.email IS NOT NULL OR r.phone IS NOT NULL)`;
export const CONTACT_RETENTION_DAYS = 30;

/**
 * Each kind of message: which RSVPs are due, and which column records that it went out. Someone who RSVPs
 * inside the reminder window just got their confirmation, so they get no reminder on top of it.
 */
const DUE: Array<{ kind: MessageKind; column: string; where: string }> = [
  { kind: 'promoted', column: 'promotion_sent_at', where: `r.status = 'confirmed' AND r.promoted_at IS NOT NULL AND e.status = 'published' AND e.starts_at > $1` },
  { kind: 'cancelled', column: 'cancellation_sent_at', where: `r.status <> 'cancelled' AND e.status = 'cancelled' AND e.ends_at > $1` },
  { kind: 'reminder', column: 'reminder_sent_at', where: `r.status = 'confirmed' AND e.status = 'published' AND e.starts_at > $1 AND e.starts_at - make_interval(hours => e.reminder_hours) <= $1 AND r.created_at < e.starts_at - make_interval(hours => e.reminder_hours)` },
  { kind: 'followup', column: 'followup_sent_at', where: `r.status = 'confirmed' AND e.status = 'published' AND e.ends_at <= $1 AND e.ends_at > $1::timestamptz - interval '3 days'` },
];

async function deliver(options: NotifyOptions, row: DueRow, kind: MessageKind, cancelUrl?: string): Promise<void> {
  const lang = row.locale === 'es' ? 'es' : 'en';
  const eventUrl = `${options.publicUrl}/events/${row.event_id}`;
  const message = renderMessage(kind, lang, {
    title: row.title[lang] || row.title.en, startsAt: row.starts_at, timeZone: row.time_zone,
    place: [row.place_name, row.address].filter(Boolean).join(', '), eventUrl, cancelUrl,
    surveyUrl: `${eventUrl}/survey`, position: row.position,
  });
  if (row.email) await options.senders.email.send({ to: row.email, subject: message.subject, text: message.text, source: 'events' });
  else if (row.phone) await options.senders.sms.send({ to: row.phone, body: message.sms, source: 'events' });
}

/** The confirmation of a new RSVP, with its private cancel link. Returns whether a message went out. */
export async function sendConfirmation(db: Queryable, rsvpId: number, cancelToken: string, options: NotifyOptions): Promise<boolean> {
  const [row] = await db.query<DueRow & { status: string }>(
    `SELECT ${DUE_COLUMNS}, r.status,
       (SELECT count(*)::int FROM event_rsvps w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.id <= r.id) AS position
     ${FROM} WHERE r.id = $1 AND ${REACHABLE}`, [rsvpId]);
  if (!row) return false;
  const kind: MessageKind = row.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
  await deliver(options, row, kind, `${options.publicUrl}/events/rsvp#${cancelToken}`);
  await db.query('UPDATE event_rsvps SET confirmation_sent_at = $2 WHERE id = $1', [rsvpId, options.now ?? new Date()]);
  return true;
}

export interface NotificationRun {
  sent: Record<MessageKind, number>;
  failed: number;
  erased: number;
}

/**
 * One pass of the job: every due message is sent and marked, one RSVP at a time, so a failure leaves only
 * that message to be retried on the next run. Throws after the pass if anything failed (the scheduler
 * records it), without undoing what was sent.
 */
export async function runEventNotifications(db: Db, options: NotifyOptions): Promise<NotificationRun> {
  const now = options.now ?? new Date();
  const run: NotificationRun = { sent: { confirmed: 0, waitlisted: 0, promoted: 0, reminder: 0, cancelled: 0, followup: 0 }, failed: 0, erased: 0 };
  for (const due of DUE) {
    const rows = await db.query<DueRow>(
      `SELECT ${DUE_COLUMNS}, NULL::int AS position ${FROM} WHERE ${due.where} AND r.${due.column} IS NULL AND ${REACHABLE} ORDER BY r.id LIMIT 500`, [now]);
    for (const row of rows) {
      try {
        await deliver(options, row, due.kind);
        await db.query(`UPDATE event_rsvps SET ${due.column} = $2 WHERE id = $1`, [row.id, now]);
        run.sent[due.kind] += 1;
      } catch {
        run.failed += 1;
      }
    }
  }
  const erased = await db.query<{ id: number }>(
    `UPDATE event_rsvps r SET name = NULL, email = NULL, phone = NULL, contact_erased_at = $1
     FROM events e WHERE e.id = r.event_id AND r.contact_erased_at IS NULL AND e.ends_at < $1::timestamptz - make_interval(days => $2)
     RETURNING r.id`, [now, CONTACT_RETENTION_DAYS]);
  run.erased = erased.length;
  if (run.failed > 0) throw new Error(`${run.failed} event messages could not be sent; they are retried on the next run`);
  return run;
}
