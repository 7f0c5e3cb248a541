/** Board meetings: agenda before, minutes and attendance after. The event (RSVP, calendar) is linked by id. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { notFound } from '../../core/errors.js';
import { termsServingOn } from './seats.js';
import type { MeetingInput, MeetingPatch, MeetingSummary, PublicMeetingView, StaffMeetingView } from './validation.js';

type Actor = AuditActor & { agencyId: number };

interface MeetingRow {
  id: number; agency_id: number; event_id: number | null; title: Record<string, string>; starts_at: Date; agenda: Record<string, string>;
  minutes: Record<string, string> | null; status: MeetingSummary['status']; time_zone: string; local_day: string;
}

const SELECT_MEETING = `SELECT m.id, m.agency_id, m.event_id, m.title, m.starts_at, m.agenda, m.minutes, m.status, ag.time_zone,
    to_char(m.starts_at AT TIME ZONE ag.time_zone, 'YYYY-MM-DD') AS local_day
  FROM board_meetings m JOIN agencies ag ON ag.id = m.agency_id`;

const summary = (r: MeetingRow): MeetingSummary => ({ id: r.id, eventId: r.event_id, title: r.title, startsAt: r.starts_at, status: r.status, hasMinutes: r.minutes !== null });

/** Meetings of an agency, newest first. */
export async function listMeetings(q: Queryable, agencyId: number): Promise<MeetingSummary[]> {
  const rows = await q.query<MeetingRow>(`${SELECT_MEETING} WHERE m.agency_id = $1 ORDER BY m.starts_at DESC`, [agencyId]);
  return rows.map(summary);
}

async function findMeeting(q: Queryable, id: number, agencyId?: number): Promise<MeetingRow> {
  const [row] = await q.query<MeetingRow>(`${SELECT_MEETING} WHERE m.id = $1 AND ($2::int IS NULL OR m.agency_id = $2)`, [id, agencyId ?? null]);
  if (!row) throw notFound(`Meeting ${id}`);
  return row;
}

/** Who served on the meeting's day, and whether they were recorded present (null = not recorded). */
async function attendanceOf(q: Queryable, row: MeetingRow): Promise<StaffMeetingView['attendanceByTerm']> {
  const serving = await termsServingOn(q, row.agency_id, row.local_day);
  const recorded = new Map((await q.query<{ term_id: number; present: boolean }>('SELECT term_id, present FROM board_attendance WHERE meeting_id = $1', [row.id])).map((a) => [a.term_id, a.present]));
  return serving.map((t) => ({ termId: t.id, name: t.name, present: recorded.get(t.id) ?? null }));
}

export async function publicMeeting(q: Queryable, id: number): Promise<PublicMeetingView> {
  const row = await findMeeting(q, id);
  const attendance = await attendanceOf(q, row);
  return {
    ...summary(row), agenda: row.agenda, minutes: row.minutes, timeZone: row.time_zone,
    attendance: { present: attendance.filter((a) => a.present === true).map((a) => a.name), absent: attendance.filter((a) => a.present === false).map((a) => a.name) },
  };
}

export async function staffMeeting(q: Queryable, agencyId: number, id: number): Promise<StaffMeetingView> {
  const row = await findMeeting(q, id, agencyId);
  const public_ = await publicMeeting(q, id);
  return { ...public_, attendanceByTerm: await attendanceOf(q, row) };
}

export async function createMeeting(db: Db, actor: Actor, input: MeetingInput): Promise<StaffMeetingView> {
  return db.transaction(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO board_meetings (agency_id, event_id, title, starts_at, agenda) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [actor.agencyId, input.eventId, JSON.stringify(input.title), input.startsAt, JSON.stringify(input.agenda)]);
    await appendAudit(tx, { actor, action: 'board.meeting_create', targetType: 'board_meeting', targetId: id, outcome: 'success', details: { eventId: input.eventId } });
    return staffMeeting(tx, actor.agencyId, id);
  });
}

export async function updateMeeting(db: Db, actor: Actor, id: number, patch: MeetingPatch): Promise<StaffMeetingView> {
  return db.transaction(async (tx) => {
    const before = await findMeeting(tx, id, actor.agencyId);
    await tx.query(
      `UPDATE board_meetings SET event_id = $2, title = $3, starts_at = $4, agenda = $5, minutes = $6, status = $7, updated_at = now() WHERE id = $1`,
      [id, patch.eventId === undefined ? before.event_id : patch.eventId, JSON.stringify(patch.title ?? before.title), patch.startsAt ?? before.starts_at,
        JSON.stringify(patch.agenda ?? before.agenda), patch.minutes === undefined ? (before.minutes && JSON.stringify(before.minutes)) : patch.minutes && JSON.stringify(patch.minutes),
        patch.status ?? before.status]);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof MeetingPatch] !== undefined);
    await appendAudit(tx, { actor, action: 'board.meeting_update', targetType: 'board_meeting', targetId: id, outcome: 'success', details: { changed } });
    return staffMeeting(tx, actor.agencyId, id);
  });
}

/** Records who was present: every member serving that day is recorded, present if listed, absent otherwise. */
export async function recordAttendance(db: Db, actor: Actor, id: number, presentTermIds: number[]): Promise<StaffMeetingView> {
  return db.transaction(async (tx) => {
    const row = await findMeeting(tx, id, actor.agencyId);
    const serving = await termsServingOn(tx, actor.agencyId, row.local_day);
    const present = new Set(presentTermIds);
    await tx.query('DELETE FROM board_attendance WHERE meeting_id = $1', [id]);
    for (const term of serving) {
      await tx.query('INSERT INTO board_attendance (meeting_id, term_id, present) VALUES ($1, $2, $3)', [id, term.id, present.has(term.id)]);
    }
    await appendAudit(tx, { actor, action: 'board.attendance', targetType: 'board_meeting', targetId: id, outcome: 'success', details: { present: serving.filter((t) => present.has(t.id)).length, serving: serving.length } });
    return staffMeeting(tx, actor.agencyId, id);
  });
}
