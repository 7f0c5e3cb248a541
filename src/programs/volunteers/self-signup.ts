/**
 * Volunteers sign themselves up for shifts with a private link. A coordinator issues the link to an active
 * volunteer (the token is shown once, stored only as its SHA-256, and replaced when issued again); with it the
 * volunteer sees the upcoming shifts of their own program — times, places and free places, never other
 * volunteers' names — and signs up or cancels. The sign-up itself is the coordinators' signUp, so capacity,
 * "active only" and the audit log are the same.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';

/** The portal page a link opens (ui/index.tsx registers it as the public route 'shifts'). */
export const SHIFT_PORTAL_PATH = '/volunteers/shifts';
import { cancelSignUp, signUp } from './shifts.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const PUBLIC_ACTOR: AuditActor = { label: 'public' };

/** `path` is the portal page with the token in its fragment; the staff screen puts the site's origin before it. */
export interface ShiftLink { token: string; path: string }

export async function issueShiftLink(db: Db, agencyId: number, volunteerId: number, actor: AuditActor): Promise<ShiftLink> {
  return db.transaction(async (tx) => {
    const [volunteer] = await tx.query<{ serving: boolean }>(
      'SELECT st.serving FROM volunteers v JOIN volunteer_states st ON st.code = v.state WHERE v.id = $1 AND v.agency_id = $2 FOR UPDATE OF v',
      [volunteerId, agencyId]);
    if (!volunteer) throw notFound(`Volunteer ${volunteerId}`);
    if (!volunteer.serving) throw new AppError(409, 'volunteer_not_active', 'Only active volunteers get a shift sign-up link.');
    const token = randomBytes(32).toString('base64url');
    await tx.query('UPDATE volunteers SET shift_link_hash = $2, updated_at = now() WHERE id = $1', [volunteerId, hash(token)]);
    await appendAudit(tx, { actor, action: 'volunteers.shift_link', targetType: 'volunteer', targetId: volunteerId, outcome: 'success', details: {} });
    // Shown once. The portal page carries it in the URL fragment, which browsers never send to a server or in
    // a Referer; the API takes it in a POST body only.
    return { token, path: `${SHIFT_PORTAL_PATH}#${token}` };
  });
}

interface LinkedVolunteer { id: number; agency_id: number; program_id: number; given_name: string; serving: boolean }

/** The volunteer behind a link; a stopped volunteer's link no longer works. */
async function volunteerByLink(q: Queryable, token: string): Promise<LinkedVolunteer> {
  const [volunteer] = await q.query<LinkedVolunteer>(
    `SELECT v.id, v.agency_id, v.program_id, v.given_name, st.serving FROM volunteers v JOIN volunteer_states st ON st.code = v.state
      WHERE v.shift_link_hash = $1`, [hash(token)]);
  if (!volunteer) throw new AppError(404, 'shift_link_invalid', 'This sign-up link is not valid (it may have been replaced). Ask your coordinator for a new one.');
  if (!volunteer.serving) throw new AppError(403, 'shift_link_inactive', 'Shift sign-up is for active volunteers. Ask your coordinator.');
  return volunteer;
}

export interface OpenShiftView {
  id: number; title: string; location: string; startsAt: Date; endsAt: Date; capacity: number; placesLeft: number; signedUp: boolean;
}
export interface MyShifts {
  givenName: string; programName: Record<string, string>; agencyName: string; timeZone: string; shifts: OpenShiftView[];
}

export async function myShifts(q: Queryable, token: string, now = new Date()): Promise<MyShifts> {
  const volunteer = await volunteerByLink(q, token);
  // Times are shown in the agency's zone: the volunteer's phone may be set to another.
  const [program] = await q.query<{ name: Record<string, string>; agency_name: string; time_zone: string }>(
    'SELECT p.name, a.name AS agency_name, a.time_zone FROM volunteer_programs p JOIN agencies a ON a.id = p.agency_id WHERE p.id = $1', [volunteer.program_id]);
  const rows = await q.query<{ id: number; title: string; location: string; starts_at: Date; ends_at: Date; capacity: number; taken: number; mine: boolean }>(
    `SELECT s.id, s.title, s.location, s.starts_at, s.ends_at, s.capacity,
            (SELECT count(*)::int FROM volunteer_signups su WHERE su.shift_id = s.id) AS taken,
            EXISTS (SELECT 1 FROM volunteer_signups su WHERE su.shift_id = s.id AND su.volunteer_id = $3) AS mine
       FROM volunteer_shifts s WHERE s.agency_id = $1 AND s.program_id = $2 AND s.starts_at > $4
      ORDER BY s.starts_at, s.id LIMIT 100`, [volunteer.agency_id, volunteer.program_id, volunteer.id, now]);
  return {
    givenName: volunteer.given_name,
    programName: program.name,
    agencyName: program.agency_name,
    timeZone: program.time_zone,
    shifts: rows.map((r) => ({ id: r.id, title: r.title, location: r.location, startsAt: r.starts_at, endsAt: r.ends_at, capacity: r.capacity,
      placesLeft: Math.max(0, r.capacity - r.taken), signedUp: r.mine })),
  };
}

/** Signs the link's volunteer up for (or off) an upcoming shift of their own program; answers their shifts. */
export async function signUpByLink(db: Db, token: string, shiftId: number, join: boolean, now = new Date()): Promise<MyShifts> {
  const volunteer = await volunteerByLink(db, token);
  const [shift] = await db.query<{ starts_at: Date }>(
    'SELECT starts_at FROM volunteer_shifts WHERE id = $1 AND agency_id = $2 AND program_id = $3', [shiftId, volunteer.agency_id, volunteer.program_id]);
  if (!shift) throw new AppError(404, 'shift_unavailable', `Shift ${shiftId} is not one of your program's shifts; it may have been removed.`);
  if (shift.starts_at <= now) throw new AppError(409, 'shift_started', 'This shift has already started.');
  const actor = { ...PUBLIC_ACTOR, agencyId: volunteer.agency_id };
  if (join) await signUp(db, volunteer.agency_id, shiftId, volunteer.id, actor);
  else await cancelSignUp(db, volunteer.agency_id, shiftId, volunteer.id, actor);
  return myShifts(db, token, now);
}
