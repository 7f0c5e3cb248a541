/**
 * Applications and the pipeline. A resident applies without an account; coordinators move the application
 * through states that are data (volunteer_states, volunteer_transitions); every move is a timeline row and an
 * audit row, never an overwrite of history. Reads of applicants' contact details are audited too.
 */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import { isMinor, type AgeBand } from './catalogue.js';
import type { ApplicationInput } from './validation.js';

export interface VolunteerState { code: string; label: { en: string; es: string }; sort: number; serving: boolean }
export interface Pipeline { states: VolunteerState[]; transitions: Array<{ from: string; to: string }> }

export async function loadPipeline(q: Queryable): Promise<Pipeline> {
  const states = await q.query<{ code: string; label_en: string; label_es: string; sort: number; serving: boolean }>(
    'SELECT code, label_en, label_es, sort, serving FROM volunteer_states ORDER BY sort');
  const transitions = await q.query<{ from: string; to: string }>('SELECT from_state AS "from", to_state AS "to" FROM volunteer_transitions ORDER BY 1, 2');
  return { states: states.map((s) => ({ code: s.code, label: { en: s.label_en, es: s.label_es }, sort: s.sort, serving: s.serving })), transitions };
}

/** A public application; answers only what the applicant needs to read back (no id to guess others by). */
export async function submitApplication(db: Db, input: ApplicationInput): Promise<{ programName: Record<string, string>; agencyName: string }> {
  return db.transaction(async (tx) => {
    const [program] = await tx.query<{ id: number; agency_id: number; name: Record<string, string>; age_bands: AgeBand[]; agency_name: string; code: string }>(
      `SELECT p.id, p.agency_id, p.name, p.age_bands, p.code, a.name AS agency_name
         FROM volunteer_programs p JOIN agencies a ON a.id = p.agency_id WHERE p.id = $1 AND p.active`, [input.programId]);
    if (!program) throw badRequest(`body.programId: program ${input.programId} is not open for applications`, { field: 'body.programId' });
    if (!program.age_bands.includes(input.ageBand)) {
      throw badRequest(`body.ageBand: this program is for ages ${program.age_bands.join(', ')}`, { field: 'body.ageBand' });
    }
    // A guardian is recorded only for a minor; an adult's form never keeps one.
    const guardian = isMinor(input.ageBand) ? input.guardian ?? null : null;
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO volunteers (agency_id, program_id, given_name, family_name, email, phone, preferred_contact, language, age_band,
         motivation, contact_consent_at, guardian_name, guardian_contact, guardian_consent_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,now(),$11,$12,$13) RETURNING id`,
      [program.agency_id, program.id, input.givenName, input.familyName, input.email ?? null, input.phone ?? null, input.preferredContact,
        input.language, input.ageBand, input.motivation ?? '', guardian?.name ?? null, guardian?.contact ?? null, guardian ? new Date() : null]);
    await tx.query(`INSERT INTO volunteer_timeline (volunteer_id, from_state, to_state, note) VALUES ($1, NULL, 'applied', '')`, [row.id]);
    // The audit row says an application arrived, not who sent it: no name or contact in the log.
    await appendAudit(tx, {
      actor: { label: 'public' }, action: 'volunteers.apply', targetType: 'volunteer', targetId: row.id, outcome: 'success',
      details: { program: program.code, minor: isMinor(input.ageBand) },
    });
    return { programName: program.name, agencyName: program.agency_name };
  });
}

export interface VolunteerSummary {
  id: number; givenName: string; familyName: string; state: string; programId: number; programName: Record<string, string>;
  ageBand: AgeBand; minor: boolean; appliedAt: Date; stateSince: Date; approvedHours: number; isDemo: boolean;
}

interface SummaryRow {
  id: number; given_name: string; family_name: string; state: string; program_id: number; program_name: Record<string, string>;
  age_band: AgeBand; created_at: Date; state_since: Date; approved_hours: string; is_demo: boolean;
}

const SUMMARY_COLUMNS = `v.id, v.given_name, v.family_name, v.state, v.program_id, p.name AS program_name, v.age_band, v.created_at,
    (SELECT max(t.at) FROM volunteer_timeline t WHERE t.volunteer_id = v.id) AS state_since,
    (SELECT COALESCE(sum(h.hours), 0) FROM volunteer_hours h WHERE h.volunteer_id = v.id AND h.status = 'approved')::text AS approved_hours,
    v.is_demo`;
const FROM_VOLUNTEERS = 'FROM volunteers v JOIN volunteer_programs p ON p.id = v.program_id';
const SELECT_SUMMARY = `SELECT ${SUMMARY_COLUMNS} ${FROM_VOLUNTEERS}`;
const DETAIL_COLUMNS = `v.email, v.phone, v.preferred_contact, v.language, v.motivation, v.contact_consent_at,
    v.guardian_name, v.guardian_contact, v.guardian_consent_at`;

const toSummary = (r: SummaryRow): VolunteerSummary => ({
  id: r.id, givenName: r.given_name, familyName: r.family_name, state: r.state, programId: r.program_id, programName: r.program_name,
  ageBand: r.age_band, minor: isMinor(r.age_band), appliedAt: r.created_at, stateSince: r.state_since, approvedHours: Number(r.approved_hours), isDemo: r.is_demo,
});

export async function listVolunteers(db: Db, agencyId: number, filter: { state?: string; programId?: number }, actor: AuditActor): Promise<VolunteerSummary[]> {
  const rows = await db.query<SummaryRow>(
    `${SELECT_SUMMARY} WHERE v.agency_id = $1 AND ($2::text IS NULL OR v.state = $2) AND ($3::int IS NULL OR v.program_id = $3)
     ORDER BY v.created_at DESC, v.id DESC LIMIT 1000`, [agencyId, filter.state ?? null, filter.programId ?? null]);
  await db.transaction((tx) => appendAudit(tx, { actor, action: 'volunteers.read', targetType: 'volunteer', outcome: 'success', details: { filter, returned: rows.length } }));
  return rows.map(toSummary);
}

export interface VolunteerDetail extends VolunteerSummary {
  email: string | null; phone: string | null; preferredContact: string; language: string; motivation: string; contactConsentAt: Date;
  guardian: { name: string; contact: string; consentAt: Date } | null;
  timeline: Array<{ id: number; from: string | null; to: string; note: string; actor: string | null; at: Date }>;
}

async function volunteerDetail(q: Queryable, agencyId: number, id: number): Promise<VolunteerDetail> {
  const rows = await q.query<SummaryRow & {
    email: string | null; phone: string | null; preferred_contact: string; language: string; motivation: string; contact_consent_at: Date;
    guardian_name: string | null; guardian_contact: string | null; guardian_consent_at: Date | null;
  }>(`SELECT ${SUMMARY_COLUMNS}, ${DETAIL_COLUMNS} ${FROM_VOLUNTEERS} WHERE v.id = $1 AND v.agency_id = $2`, [id, agencyId]);
  const r = rows[0];
  if (!r) throw notFound(`Volunteer ${id}`);
  const timeline = await q.query<{ id: number; from_state: string | null; to_state: string; note: string; actor: string | null; at: Date }>(
    `SELECT t.id, t.from_state, t.to_state, t.note, u.display_name AS actor, t.at
       FROM volunteer_timeline t LEFT JOIN users u ON u.id = t.actor_user_id WHERE t.volunteer_id = $1 ORDER BY t.at, t.id`, [id]);
  return {
    ...toSummary(r), email: r.email, phone: r.phone, preferredContact: r.preferred_contact, language: r.language, motivation: r.motivation,
    contactConsentAt: r.contact_consent_at,
    guardian: r.guardian_name && r.guardian_contact && r.guardian_consent_at ? { name: r.guardian_name, contact: r.guardian_contact, consentAt: r.guardian_consent_at } : null,
    timeline: timeline.map((t) => ({ id: t.id, from: t.from_state, to: t.to_state, note: t.note, actor: t.actor, at: t.at })),
  };
}

/** One applicant with contact details and timeline; the read is audited (it shows personal data). */
export async function getVolunteer(db: Db, agencyId: number, id: number, actor: AuditActor): Promise<VolunteerDetail> {
  const detail = await volunteerDetail(db, agencyId, id);
  await db.transaction((tx) => appendAudit(tx, { actor, action: 'volunteers.read', targetType: 'volunteer', targetId: id, outcome: 'success' }));
  return detail;
}

/** Moves an applicant along an allowed transition; the old state stays on the timeline. */
export async function transitionVolunteer(
  db: Db, agencyId: number, id: number, move: { to: string; note: string }, actor: AuditActor & { userId: number },
): Promise<VolunteerDetail> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ state: string }>('SELECT state FROM volunteers WHERE id = $1 AND agency_id = $2 FOR UPDATE', [id, agencyId]);
    if (!current) throw notFound(`Volunteer ${id}`);
    const allowed = await tx.query('SELECT 1 FROM volunteer_transitions WHERE from_state = $1 AND to_state = $2', [current.state, move.to]);
    if (allowed.length === 0) throw conflict(`body.to: an applicant in "${current.state}" cannot move to "${move.to}"`);
    await tx.query('UPDATE volunteers SET state = $3, updated_at = now() WHERE id = $1 AND agency_id = $2', [id, agencyId, move.to]);
    await tx.query('INSERT INTO volunteer_timeline (volunteer_id, from_state, to_state, note, actor_user_id) VALUES ($1,$2,$3,$4,$5)',
      [id, current.state, move.to, move.note, actor.userId]);
    await appendAudit(tx, { actor, action: 'volunteers.transition', targetType: 'volunteer', targetId: id, outcome: 'success', details: { from: current.state, to: move.to } });
    return volunteerDetail(tx, agencyId, id);
  });
}
