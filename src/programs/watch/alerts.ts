/**
 * Alerts from staff to a group's members (a string of break-ins, a meeting moved), each in the member's
 * language, by the channels staff choose and the member gave. Addresses are read only to send; the record
 * keeps what was said and how many were reached.
 */
import type { Db } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import type { Senders } from '../../core/messaging/index.js';
import { findAgencyGroup } from './groups.js';
import { alertMessage } from './messages.js';
import type { AlertInput, AlertView } from './validation.js';

type Actor = AuditActor & { userId: number; agencyId: number };

export async function sendAlert(db: Db, actor: Actor, groupId: number, input: AlertInput, senders: Senders, publicUrl: string): Promise<AlertView> {
  const group = await findAgencyGroup(db, actor.agencyId, groupId);
  // The alert is recorded (and audited) before anything goes out, so every message sent has a record.
  const alertId = await db.transaction(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO watch_alerts (group_id, subject, body, channels, sent_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [groupId, JSON.stringify(input.subject), JSON.stringify(input.body), input.channels, actor.userId]);
    await appendAudit(tx, { actor, action: 'watch.alert_send', targetType: 'watch_group', targetId: groupId, outcome: 'success', details: { alertId: id, channels: input.channels } });
    return id;
  });
  const members = await db.query<{ email: string | null; phone: string | null; locale: string }>(
    'SELECT email, phone, locale FROM watch_members WHERE group_id = $1 AND left_at IS NULL AND contact_consent', [groupId]);
  const counts = { email: 0, sms: 0, failed: 0 };
  for (const member of members) {
    const lang = member.locale === 'es' ? 'es' : 'en';
    const message = alertMessage(lang, input.subject[lang], input.body[lang], group.name, `${publicUrl}/watch/${groupId}`);
    const attempts: Array<[keyof typeof counts, () => Promise<unknown>]> = [];
    if (member.email && input.channels.includes('email')) attempts.push(['email', () => senders.email.send({ to: member.email!, subject: message.subject, text: message.text, source: 'watch' })]);
    if (member.phone && input.channels.includes('sms')) attempts.push(['sms', () => senders.sms.send({ to: member.phone!, body: message.sms, source: 'watch' })]);
    for (const [channel, send] of attempts) {
      try {
        await send();
        counts[channel] += 1;
      } catch {
        counts.failed += 1;
      }
    }
  }
  const [row] = await db.query<AlertView>(
    `UPDATE watch_alerts SET sent_email = $2, sent_sms = $3, failed = $4 WHERE id = $1
     RETURNING id, subject, body, channels, sent_email AS "sentEmail", sent_sms AS "sentSms", failed, sent_at AS "sentAt"`,
    [alertId, counts.email, counts.sms, counts.failed]);
  return row;
}

export async function listAlerts(db: Db, agencyId: number, groupId: number): Promise<AlertView[]> {
  await findAgencyGroup(db, agencyId, groupId);
  return db.query<AlertView>(
    `SELECT id, subject, body, channels, sent_email AS "sentEmail", sent_sms AS "sentSms", failed, sent_at AS "sentAt"
     FROM watch_alerts WHERE group_id = $1 ORDER BY sent_at DESC, id DESC`, [groupId]);
}
