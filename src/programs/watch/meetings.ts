/** A group's meetings and trainings: events of the events program, linked by id (no import of that program). */
import type { Db } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { conflict, notFound } from '../../core/errors.js';
import { findAgencyGroup } from './groups.js';
import type { MeetingInput } from './validation.js';

type Actor = AuditActor & { agencyId: number };

export async function addMeeting(db: Db, actor: Actor, groupId: number, input: MeetingInput): Promise<void> {
  await db.transaction(async (tx) => {
    await findAgencyGroup(tx, actor.agencyId, groupId);
    const clash = await tx.query('SELECT 1 FROM watch_meetings WHERE group_id = $1 AND event_id = $2', [groupId, input.eventId]);
    if (clash.length > 0) throw conflict(`eventId: event ${input.eventId} is already one of this group's meetings`);
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO watch_meetings (group_id, event_id, kind, title, starts_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [groupId, input.eventId, input.kind, JSON.stringify(input.title), input.startsAt]);
    await appendAudit(tx, { actor, action: 'watch.meeting_add', targetType: 'watch_group', targetId: groupId, outcome: 'success', details: { meetingId: id, eventId: input.eventId, kind: input.kind } });
  });
}

export async function removeMeeting(db: Db, actor: Actor, groupId: number, eventId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await findAgencyGroup(tx, actor.agencyId, groupId);
    const rows = await tx.query('DELETE FROM watch_meetings WHERE group_id = $1 AND event_id = $2 RETURNING id', [groupId, eventId]);
    if (rows.length === 0) throw notFound(`Meeting with event ${eventId}`);
    await appendAudit(tx, { actor, action: 'watch.meeting_remove', targetType: 'watch_group', targetId: groupId, outcome: 'success', details: { eventId } });
  });
}
