/**
 * Volunteer hours: staff log them (pending), a coordinator approves or rejects them, and only approved hours
 * count in reports and public figures. The report sums approved hours by program and month.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import { toCsv } from '../../core/public/csv.js';
import type { HoursInput } from './validation.js';

export type HoursStatus = 'pending' | 'approved' | 'rejected';

export interface HoursView {
  id: number; volunteerId: number; volunteerName: string; programId: number; programName: Record<string, string>;
  shiftId: number | null; workedOn: string; hours: number; description: string; status: HoursStatus;
  loggedBy: string | null; reviewedBy: string | null; reviewedAt: Date | null; isDemo: boolean;
}

interface HoursRow {
  id: number; volunteer_id: number; volunteer_name: string; program_id: number; program_name: Record<string, string>; shift_id: number | null;
  worked_on: string; hours: string; description: string; status: HoursStatus; logged_by: string | null; reviewed_by: string | null;
  reviewed_at: Date | null; is_demo: boolean;
}

const SELECT_HOURS = `SELECT h.id, h.volunteer_id, v.given_name || ' ' || v.family_name AS volunteer_name, h.program_id, p.name AS program_name,
    h.shift_id, to_char(h.worked_on, 'YYYY-MM-DD') AS worked_on, h.hours::text AS hours, h.description, h.status,
    lu.display_name AS logged_by, ru.display_name AS reviewed_by, h.reviewed_at, h.is_demo
  FROM volunteer_hours h JOIN volunteers v ON v.id = h.volunteer_id JOIN volunteer_programs p ON p.id = h.program_id
  LEFT JOIN users lu ON lu.id = h.logged_by LEFT JOIN users ru ON ru.id = h.reviewed_by`;

const toView = (r: HoursRow): HoursView => ({
  id: r.id, volunteerId: r.volunteer_id, volunteerName: r.volunteer_name, programId: r.program_id, programName: r.program_name,
  shiftId: r.shift_id, workedOn: r.worked_on, hours: Number(r.hours), description: r.description, status: r.status,
  loggedBy: r.logged_by, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, isDemo: r.is_demo,
});

export async function listHours(q: Queryable, agencyId: number, status?: HoursStatus): Promise<HoursView[]> {
  const rows = await q.query<HoursRow>(`${SELECT_HOURS} WHERE h.agency_id = $1 AND ($2::text IS NULL OR h.status = $2)
    ORDER BY h.worked_on DESC, h.id DESC LIMIT 500`, [agencyId, status ?? null]);
  return rows.map(toView);
}

async function findHours(q: Queryable, agencyId: number, id: number): Promise<HoursView> {
  const rows = await q.query<HoursRow>(`${SELECT_HOURS} WHERE h.id = $1 AND h.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Hours entry ${id}`);
  return toView(rows[0]);
}

export async function logHours(db: Db, agencyId: number, input: HoursInput, actor: AuditActor & { userId: number }): Promise<HoursView> {
  return db.transaction(async (tx) => {
    const [volunteer] = await tx.query<{ program_id: number; state: string }>('SELECT program_id, state FROM volunteers WHERE id = $1 AND agency_id = $2', [input.volunteerId, agencyId]);
    if (!volunteer) throw badRequest(`body.volunteerId: volunteer ${input.volunteerId} is not one of your agency's volunteers`, { field: 'body.volunteerId' });
    if (volunteer.state === 'applied' || volunteer.state === 'interview') throw conflict('body.volunteerId: hours can be logged only for volunteers past their interview');
    if (input.workedOn > new Date().toISOString().slice(0, 10)) throw badRequest('body.workedOn: cannot be in the future', { field: 'body.workedOn' });
    if (input.shiftId !== undefined) {
      const shift = await tx.query('SELECT 1 FROM volunteer_shifts WHERE id = $1 AND agency_id = $2', [input.shiftId, agencyId]);
      if (shift.length === 0) throw badRequest(`body.shiftId: shift ${input.shiftId} is not one of your agency's shifts`, { field: 'body.shiftId' });
    }
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO volunteer_hours (agency_id, volunteer_id, program_id, shift_id, worked_on, hours, description, logged_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
      [agencyId, input.volunteerId, volunteer.program_id, input.shiftId ?? null, input.workedOn, input.hours, input.description, actor.userId]);
    await appendAudit(tx, { actor, action: 'volunteers.hours.log', targetType: 'volunteer_hours', targetId: row.id, outcome: 'success', details: { volunteerId: input.volunteerId, hours: input.hours } });
    return findHours(tx, agencyId, row.id);
  });
}

/** Approves or rejects a pending entry; a reviewed entry is final (a correction is a new entry). */
export async function reviewHours(db: Db, agencyId: number, id: number, status: 'approved' | 'rejected', actor: AuditActor & { userId: number }): Promise<HoursView> {
  return db.transaction(async (tx) => {
    const [entry] = await tx.query<{ status: HoursStatus }>('SELECT status FROM volunteer_hours WHERE id = $1 AND agency_id = $2 FOR UPDATE', [id, agencyId]);
    if (!entry) throw notFound(`Hours entry ${id}`);
    if (entry.status !== 'pending') throw conflict(`Hours entry ${id} was already ${entry.status}.`);
    await tx.query('UPDATE volunteer_hours SET status = $3, reviewed_by = $4, reviewed_at = now() WHERE id = $1 AND agency_id = $2', [id, agencyId, status, actor.userId]);
    await appendAudit(tx, { actor, action: 'volunteers.hours.review', targetType: 'volunteer_hours', targetId: id, outcome: 'success', details: { status } });
    return findHours(tx, agencyId, id);
  });
}

export interface HoursReportRow { month: string; programId: number; programCode: string; programName: Record<string, string>; hours: number; volunteers: number; entries: number }

/** Approved hours by program and month (months as YYYY-MM, inclusive; the last 12 months by default). */
export async function hoursReport(q: Queryable, agencyId: number, range: { from?: string; to?: string }): Promise<HoursReportRow[]> {
  const to = range.to ?? new Date().toISOString().slice(0, 7);
  const from = range.from ?? shiftMonth(to, -11);
  const rows = await q.query<{ month: string; program_id: number; code: string; name: Record<string, string>; hours: string; volunteers: number; entries: number }>(
    `SELECT to_char(h.worked_on, 'YYYY-MM') AS month, p.id AS program_id, p.code, p.name, sum(h.hours)::text AS hours,
            count(DISTINCT h.volunteer_id)::int AS volunteers, count(*)::int AS entries
       FROM volunteer_hours h JOIN volunteer_programs p ON p.id = h.program_id
      WHERE h.agency_id = $1 AND h.status = 'approved' AND h.worked_on >= $2::date AND h.worked_on < ($3::date + interval '1 month')
      GROUP BY 1, 2, 3, 4, p.sort ORDER BY 1, p.sort, 2`,
    [agencyId, `${from}-01`, `${to}-01`]);
  return rows.map((r) => ({ month: r.month, programId: r.program_id, programCode: r.code, programName: r.name, hours: Number(r.hours), volunteers: r.volunteers, entries: r.entries }));
}

export function shiftMonth(month: string, delta: number): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

export const hoursReportCsv = (rows: readonly HoursReportRow[]): string =>
  toCsv(['month', 'program', 'program_name', 'approved_hours', 'volunteers', 'entries'],
    rows.map((r) => [r.month, r.programCode, r.programName.en, r.hours, r.volunteers, r.entries]));
