/** Staff side of events: create, change, publish and cancel an agency's events; event types. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict } from '../../core/errors.js';
import { findAgencyEvent, SELECT_EVENT, toStaffView, type EventRow } from './queries.js';
import { promoteWaitlist } from './waitlist.js';
import type { EventInput, EventPatch, EventTypeView, StaffEventView } from './validation.js';

type Actor = AuditActor & { userId: number; agencyId: number };

/** The platform's event types and the agency's own. */
export async function listEventTypes(q: Queryable, agencyId: number | null): Promise<EventTypeView[]> {
  return q.query<EventTypeView>(
    `SELECT id, code, name, agency_id AS "agencyId" FROM event_types
     WHERE active AND (agency_id IS NULL OR agency_id = $1) ORDER BY sort, id`, [agencyId]);
}

export async function createEventType(db: Db, actor: Actor, input: { code: string; name: Record<string, string> }): Promise<EventTypeView> {
  return db.transaction(async (tx) => {
    const clash = await tx.query('SELECT 1 FROM event_types WHERE code = $1 AND (agency_id IS NULL OR agency_id = $2)', [input.code, actor.agencyId]);
    if (clash.length > 0) throw conflict(`code: an event type "${input.code}" already exists`);
    const [row] = await tx.query<EventTypeView>(
      `INSERT INTO event_types (agency_id, code, name, sort) VALUES ($1, $2, $3, 200) RETURNING id, code, name, agency_id AS "agencyId"`,
      [actor.agencyId, input.code, JSON.stringify(input.name)]);
    await appendAudit(tx, { actor, action: 'events.type_create', targetType: 'event_type', targetId: row.id, outcome: 'success', details: { code: input.code } });
    return row;
  });
}

async function assertTypeUsable(q: Queryable, agencyId: number, typeId: number): Promise<void> {
  const rows = await q.query('SELECT 1 FROM event_types WHERE id = $1 AND active AND (agency_id IS NULL OR agency_id = $2)', [typeId, agencyId]);
  if (rows.length === 0) throw badRequest(`typeId: event type ${typeId} does not exist`, { field: 'typeId' });
}

export async function listAgencyEvents(q: Queryable, agencyId: number, filter: { program?: string } = {}): Promise<StaffEventView[]> {
  const rows = await q.query<EventRow>(
    `${SELECT_EVENT} WHERE e.agency_id = $1 AND ($2::text IS NULL OR e.host_program = $2) ORDER BY e.starts_at DESC, e.id DESC`,
    [agencyId, filter.program ?? null]);
  const now = new Date();
  return rows.map((row) => toStaffView(row, now));
}

export async function getAgencyEvent(q: Queryable, agencyId: number, id: number): Promise<StaffEventView> {
  return toStaffView(await findAgencyEvent(q, agencyId, id));
}

export async function createEvent(db: Db, actor: Actor, input: EventInput): Promise<StaffEventView> {
  return db.transaction(async (tx) => {
    await assertTypeUsable(tx, actor.agencyId, input.typeId);
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO events (agency_id, type_id, host_program, title, description, starts_at, ends_at, place_name, address, lon, lat,
         accessibility, languages, capacity, status, reminder_hours, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
      [actor.agencyId, input.typeId, input.hostProgram, JSON.stringify(input.title), JSON.stringify(input.description),
        input.startsAt, input.endsAt, input.placeName, input.address, input.lon, input.lat, JSON.stringify(input.accessibility),
        input.languages, input.capacity, input.status, input.reminderHours, actor.userId]);
    await appendAudit(tx, { actor, action: 'events.create', targetType: 'event', targetId: id, outcome: 'success', details: { status: input.status, typeId: input.typeId, hostProgram: input.hostProgram } });
    return toStaffView(await findAgencyEvent(tx, actor.agencyId, id));
  });
}

/**
 * Changes an event. Every change bumps the iCalendar SEQUENCE so subscribed calendars replace their copy;
 * more capacity moves people up from the wait list in the same transaction.
 */
export async function updateEvent(db: Db, actor: Actor, id: number, patch: EventPatch): Promise<StaffEventView> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT id FROM events WHERE id = $1 AND agency_id = $2 FOR UPDATE', [id, actor.agencyId]);
    const before = await findAgencyEvent(tx, actor.agencyId, id);
    if (patch.typeId !== undefined) await assertTypeUsable(tx, actor.agencyId, patch.typeId);
    const startsAt = patch.startsAt ?? before.starts_at;
    const endsAt = patch.endsAt ?? before.ends_at;
    if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt', { field: 'endsAt' });
    const lon = patch.lon === undefined ? before.lon : patch.lon;
    const lat = patch.lat === undefined ? before.lat : patch.lat;
    if ((lon === null) !== (lat === null)) throw badRequest('lat: give both lon and lat, or neither', { field: 'lat' });
    if (before.status === 'cancelled' && patch.status && patch.status !== 'cancelled') {
      throw conflict('status: a cancelled event stays cancelled; create a new event instead');
    }
    const capacity = patch.capacity === undefined ? before.capacity : patch.capacity;
    await tx.query(
      `UPDATE events SET type_id = $3, host_program = $4, title = $5, description = $6, starts_at = $7, ends_at = $8, place_name = $9,
         address = $10, lon = $11, lat = $12, accessibility = $13, languages = $14, capacity = $15, status = $16, reminder_hours = $17,
         sequence = sequence + 1, updated_at = now()
       WHERE id = $1 AND agency_id = $2`,
      [id, actor.agencyId, patch.typeId ?? before.type_id, patch.hostProgram ?? before.host_program,
        JSON.stringify(patch.title ?? before.title), JSON.stringify(patch.description ?? before.description), startsAt, endsAt,
        patch.placeName ?? before.place_name, patch.address ?? before.address, lon, lat,
        JSON.stringify(patch.accessibility ?? before.accessibility), patch.languages ?? before.languages, capacity,
        patch.status ?? before.status, patch.reminderHours ?? before.reminder_hours]);
    // A moved start time means the reminder is due again at the new time.
    if (patch.startsAt && patch.startsAt.getTime() !== before.starts_at.getTime()) {
      await tx.query('UPDATE event_rsvps SET reminder_sent_at = NULL WHERE event_id = $1', [id]);
    }
    const promoted = (patch.status ?? before.status) === 'cancelled' ? [] : await promoteWaitlist(tx, id, new Date());
    const changed = Object.keys(patch).filter((k) => patch[k as keyof EventPatch] !== undefined);
    await appendAudit(tx, {
      actor, action: 'events.update', targetType: 'event', targetId: id, outcome: 'success',
      details: {
        changed, promotedRsvps: promoted.length,
        ...(patch.status && patch.status !== before.status ? { statusFrom: before.status, statusTo: patch.status } : {}),
      },
    });
    return toStaffView(await findAgencyEvent(tx, actor.agencyId, id));
  });
}
