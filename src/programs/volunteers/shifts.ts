/**
 * Shifts and sign-ups. A shift has a capacity; signing up locks the shift row first, so two coordinators
 * signing the last two people up at once cannot both succeed. Only serving (active) volunteers of the
 * shift's agency can be signed up.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, badRequest, notFound } from '../../core/errors.js';
import type { ShiftInput } from './validation.js';

export interface ShiftView {
  id: number;
  programId: number;
  programName: Record<string, string>;
  title: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  volunteers: Array<{ id: number; name: string }>;
  isDemo: boolean;
}

interface ShiftRow {
  id: number; program_id: number; program_name: Record<string, string>; title: string; location: string; starts_at: Date; ends_at: Date;
  capacity: number; volunteers: Array<{ id: number; name: string }> | null; is_demo: boolean;
}

const SELECT_SHIFT = `SELECT s.id, s.program_id, p.name AS program_name, s.title, s.location, s.starts_at, s.ends_at, s.capacity, s.is_demo,
    (SELECT json_agg(json_build_object('id', v.id, 'name', v.given_name || ' ' || v.family_name) ORDER BY v.family_name, v.given_name)
       FROM volunteer_signups su JOIN volunteers v ON v.id = su.volunteer_id WHERE su.shift_id = s.id) AS volunteers
  FROM volunteer_shifts s JOIN volunteer_programs p ON p.id = s.program_id`;

const toView = (r: ShiftRow): ShiftView => ({
  id: r.id, programId: r.program_id, programName: r.program_name, title: r.title, location: r.location, startsAt: r.starts_at,
  endsAt: r.ends_at, capacity: r.capacity, volunteers: r.volunteers ?? [], isDemo: r.is_demo,
});

/** Shifts that end after `since` (default: the last week on), soonest first. */
export async function listShifts(q: Queryable, agencyId: number, since = new Date(Date.now() - 7 * 86_400_000)): Promise<ShiftView[]> {
  return (await q.query<ShiftRow>(`${SELECT_SHIFT} WHERE s.agency_id = $1 AND s.ends_at >= $2 ORDER BY s.starts_at, s.id LIMIT 500`, [agencyId, since])).map(toView);
}

async function findShift(q: Queryable, agencyId: number, id: number): Promise<ShiftView> {
  const rows = await q.query<ShiftRow>(`${SELECT_SHIFT} WHERE s.id = $1 AND s.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Shift ${id}`);
  return toView(rows[0]);
}

export async function createShift(db: Db, agencyId: number, input: ShiftInput, actor: AuditActor & { userId: number }): Promise<ShiftView> {
  return db.transaction(async (tx) => {
    const program = await tx.query('SELECT 1 FROM volunteer_programs WHERE id = $1 AND agency_id = $2', [input.programId, agencyId]);
    if (program.length === 0) throw badRequest(`body.programId: program ${input.programId} is not one of your agency's programs`, { field: 'body.programId' });
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO volunteer_shifts (agency_id, program_id, title, location, starts_at, ends_at, capacity, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [agencyId, input.programId, input.title, input.location, input.startsAt, input.endsAt, input.capacity, actor.userId]);
    await appendAudit(tx, { actor, action: 'volunteers.shift.create', targetType: 'volunteer_shift', targetId: row.id, outcome: 'success', details: { capacity: input.capacity } });
    return findShift(tx, agencyId, row.id);
  });
}

export async function signUp(db: Db, agencyId: number, shiftId: number, volunteerId: number, actor: AuditActor): Promise<ShiftView> {
  return db.transaction(async (tx) => {
    const [shift] = await tx.query<{ capacity: number }>('SELECT capacity FROM volunteer_shifts WHERE id = $1 AND agency_id = $2 FOR UPDATE', [shiftId, agencyId]);
    if (!shift) throw notFound(`Shift ${shiftId}`);
    const [volunteer] = await tx.query<{ serving: boolean }>(
      'SELECT st.serving FROM volunteers v JOIN volunteer_states st ON st.code = v.state WHERE v.id = $1 AND v.agency_id = $2', [volunteerId, agencyId]);
    if (!volunteer) throw badRequest(`body.volunteerId: volunteer ${volunteerId} is not one of your agency's volunteers`, { field: 'body.volunteerId' });
    if (!volunteer.serving) throw new AppError(409, 'volunteer_not_active', 'body.volunteerId: only active volunteers can sign up for shifts');
    const [{ taken }] = await tx.query<{ taken: number }>('SELECT count(*)::int AS taken FROM volunteer_signups WHERE shift_id = $1', [shiftId]);
    const already = await tx.query('SELECT 1 FROM volunteer_signups WHERE shift_id = $1 AND volunteer_id = $2', [shiftId, volunteerId]);
    if (already.length > 0) throw new AppError(409, 'shift_already_signed_up', 'body.volunteerId: this volunteer is already signed up for the shift');
    if (taken >= shift.capacity) throw new AppError(409, 'shift_full', `The shift is full (${shift.capacity} places).`, { capacity: shift.capacity });
    await tx.query('INSERT INTO volunteer_signups (shift_id, volunteer_id) VALUES ($1, $2)', [shiftId, volunteerId]);
    await appendAudit(tx, { actor, action: 'volunteers.signup', targetType: 'volunteer_shift', targetId: shiftId, outcome: 'success', details: { volunteerId } });
    return findShift(tx, agencyId, shiftId);
  });
}

export async function cancelSignUp(db: Db, agencyId: number, shiftId: number, volunteerId: number, actor: AuditActor): Promise<ShiftView> {
  return db.transaction(async (tx) => {
    await findShift(tx, agencyId, shiftId);
    const removed = await tx.query('DELETE FROM volunteer_signups WHERE shift_id = $1 AND volunteer_id = $2 RETURNING shift_id', [shiftId, volunteerId]);
    if (removed.length === 0) throw new AppError(404, 'signup_not_found', `Volunteer ${volunteerId} is not signed up for shift ${shiftId}.`);
    await appendAudit(tx, { actor, action: 'volunteers.signup.cancel', targetType: 'volunteer_shift', targetId: shiftId, outcome: 'success', details: { volunteerId } });
    return findShift(tx, agencyId, shiftId);
  });
}
