/** Seats and terms: how many seats the board has is data, each filled by one member per term. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import type { SeatInput, SeatPatch, SeatView, StaffSeatView, TermInput, TermPatch } from './validation.js';

type Actor = AuditActor & { agencyId: number };

interface TermRow { id: number; seat_id: number; member_name: string; bio: Record<string, string>; appointing_body: string; term_start: string; term_end: string; ended_early: string | null }
interface SeatRow { id: number; number: number; label: Record<string, string>; appointing_body: string; active: boolean }

const TERM_COLUMNS = `t.id, t.seat_id, t.member_name, t.bio, t.appointing_body, to_char(t.term_start, 'YYYY-MM-DD') AS term_start,
  to_char(t.term_end, 'YYYY-MM-DD') AS term_end, to_char(t.ended_early, 'YYYY-MM-DD') AS ended_early`;

const memberOf = (t: TermRow) => ({ termId: t.id, name: t.member_name, bio: t.bio, appointingBody: t.appointing_body, termStart: t.term_start, termEnd: t.term_end });

/** Whether a term covers a day (YYYY-MM-DD): between its start and its end, or the day it ended early. */
export const termCovers = (t: { term_start: string; term_end: string; ended_early: string | null }, day: string) =>
  t.term_start <= day && day <= (t.ended_early ?? t.term_end);

async function seatsAndTerms(q: Queryable, agencyId: number, activeOnly: boolean): Promise<{ seats: SeatRow[]; terms: TermRow[] }> {
  const seats = await q.query<SeatRow>(
    'SELECT id, number, label, appointing_body, active FROM board_seats WHERE agency_id = $1 AND (active OR NOT $2) ORDER BY number', [agencyId, activeOnly]);
  const terms = await q.query<TermRow>(
    `SELECT ${TERM_COLUMNS} FROM board_terms t JOIN board_seats s ON s.id = t.seat_id WHERE s.agency_id = $1 ORDER BY t.term_start DESC, t.id DESC`, [agencyId]);
  return { seats, terms };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Active seats with the member serving today (or none: a vacant seat is shown as vacant). */
export async function currentSeats(q: Queryable, agencyId: number, day = today()): Promise<SeatView[]> {
  const { seats, terms } = await seatsAndTerms(q, agencyId, true);
  return seats.map((seat) => {
    const term = terms.find((t) => t.seat_id === seat.id && termCovers(t, day));
    return { id: seat.id, number: seat.number, label: seat.label, appointingBody: seat.appointing_body, member: term ? memberOf(term) : null };
  });
}

/** Every seat with its whole history of terms (staff). */
export async function staffSeats(q: Queryable, agencyId: number): Promise<StaffSeatView[]> {
  const { seats, terms } = await seatsAndTerms(q, agencyId, false);
  const day = today();
  return seats.map((seat) => {
    const own = terms.filter((t) => t.seat_id === seat.id);
    const current = own.find((t) => termCovers(t, day));
    return {
      id: seat.id, number: seat.number, label: seat.label, appointingBody: seat.appointing_body, active: seat.active,
      member: current ? memberOf(current) : null, terms: own.map((t) => ({ ...memberOf(t), endedEarly: t.ended_early })),
    };
  });
}

/** Terms serving on a day (for a meeting's attendance). */
export async function termsServingOn(q: Queryable, agencyId: number, day: string): Promise<Array<{ id: number; name: string }>> {
  const { seats, terms } = await seatsAndTerms(q, agencyId, false);
  const seatIds = new Set(seats.map((s) => s.id));
  return terms.filter((t) => seatIds.has(t.seat_id) && termCovers(t, day)).map((t) => ({ id: t.id, name: t.member_name })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createSeat(db: Db, actor: Actor, input: SeatInput): Promise<void> {
  await db.transaction(async (tx) => {
    const clash = await tx.query('SELECT 1 FROM board_seats WHERE agency_id = $1 AND number = $2', [actor.agencyId, input.number]);
    if (clash.length > 0) throw conflict(`number: seat ${input.number} already exists`);
    const [{ id }] = await tx.query<{ id: number }>('INSERT INTO board_seats (agency_id, number, label, appointing_body) VALUES ($1, $2, $3, $4) RETURNING id',
      [actor.agencyId, input.number, JSON.stringify(input.label), input.appointingBody]);
    await appendAudit(tx, { actor, action: 'board.seat_create', targetType: 'board_seat', targetId: id, outcome: 'success', details: { number: input.number } });
  });
}

export async function updateSeat(db: Db, actor: Actor, id: number, patch: SeatPatch): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE board_seats SET label = COALESCE($3, label), appointing_body = COALESCE($4, appointing_body), active = COALESCE($5, active)
       WHERE id = $1 AND agency_id = $2 RETURNING id`, [id, actor.agencyId, patch.label ? JSON.stringify(patch.label) : null, patch.appointingBody ?? null, patch.active ?? null]);
    if (rows.length === 0) throw notFound(`Seat ${id}`);
    await appendAudit(tx, { actor, action: 'board.seat_update', targetType: 'board_seat', targetId: id, outcome: 'success', details: { changed: Object.keys(patch) } });
  });
}

/** Appoints a member to a seat for a term; terms of one seat may not overlap. */
export async function addTerm(db: Db, actor: Actor, seatId: number, input: TermInput): Promise<void> {
  await db.transaction(async (tx) => {
    const seat = await tx.query('SELECT 1 FROM board_seats WHERE id = $1 AND agency_id = $2 FOR UPDATE', [seatId, actor.agencyId]);
    if (seat.length === 0) throw notFound(`Seat ${seatId}`);
    const overlap = await tx.query<{ member_name: string }>(
      'SELECT member_name FROM board_terms WHERE seat_id = $1 AND term_start <= $3::date AND COALESCE(ended_early, term_end) >= $2::date', [seatId, input.termStart, input.termEnd]);
    if (overlap.length > 0) throw badRequest(`termStart: the seat is held by ${overlap[0].member_name} during those dates; end that term first`, { field: 'termStart' });
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO board_terms (seat_id, member_name, bio, appointing_body, term_start, term_end) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [seatId, input.memberName, JSON.stringify(input.bio), input.appointingBody, input.termStart, input.termEnd]);
    await appendAudit(tx, { actor, action: 'board.term_create', targetType: 'board_term', targetId: id, outcome: 'success', details: { seatId, termStart: input.termStart, termEnd: input.termEnd } });
  });
}

export async function updateTerm(db: Db, actor: Actor, id: number, patch: TermPatch): Promise<void> {
  await db.transaction(async (tx) => {
    const [term] = await tx.query<TermRow>(`SELECT ${TERM_COLUMNS} FROM board_terms t JOIN board_seats s ON s.id = t.seat_id WHERE t.id = $1 AND s.agency_id = $2`, [id, actor.agencyId]);
    if (!term) throw notFound(`Term ${id}`);
    const termEnd = patch.termEnd ?? term.term_end;
    const endedEarly = patch.endedEarly === undefined ? term.ended_early : patch.endedEarly;
    if (termEnd <= term.term_start) throw badRequest('termEnd must be after termStart', { field: 'termEnd' });
    if (endedEarly && (endedEarly < term.term_start || endedEarly > termEnd)) throw badRequest('endedEarly must fall within the term', { field: 'endedEarly' });
    await tx.query('UPDATE board_terms SET member_name = $2, bio = $3, term_end = $4, ended_early = $5 WHERE id = $1',
      [id, patch.memberName ?? term.member_name, JSON.stringify(patch.bio ?? term.bio), termEnd, endedEarly]);
    await appendAudit(tx, { actor, action: 'board.term_update', targetType: 'board_term', targetId: id, outcome: 'success', details: { changed: Object.keys(patch) } });
  });
}
