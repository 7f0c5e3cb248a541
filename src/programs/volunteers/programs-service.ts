/** Volunteer programs of an agency: the list residents choose from, kept as data. */
import type { Db, Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { conflict, notFound } from '../../core/errors.js';
import type { AgeBand } from './catalogue.js';
import { STANDARD_PROGRAMS } from './catalogue.js';
import type { ProgramInput, ProgramPatch } from './validation.js';

export interface VolunteerProgramView {
  id: number;
  code: string;
  name: Record<string, string>;
  description: Record<string, string>;
  youth: boolean;
  ageBands: AgeBand[];
  active: boolean;
  sort: number;
  isDemo: boolean;
  agency: { slug: string; name: string };
}

interface ProgramRow {
  id: number; code: string; name: Record<string, string>; description: Record<string, string>; youth: boolean;
  age_bands: AgeBand[]; active: boolean; sort: number; is_demo: boolean; agency_slug: string; agency_name: string;
}

const SELECT_PROGRAM = `SELECT p.id, p.code, p.name, p.description, p.youth, p.age_bands, p.active, p.sort, p.is_demo,
    a.slug AS agency_slug, a.name AS agency_name
  FROM volunteer_programs p JOIN agencies a ON a.id = p.agency_id`;

const toView = (r: ProgramRow): VolunteerProgramView => ({
  id: r.id, code: r.code, name: r.name, description: r.description, youth: r.youth, ageBands: r.age_bands, active: r.active,
  sort: r.sort, isDemo: r.is_demo, agency: { slug: r.agency_slug, name: r.agency_name },
});

/** Programs residents may apply to: active ones of every agency. */
export async function listPublicPrograms(q: Queryable): Promise<VolunteerProgramView[]> {
  return (await q.query<ProgramRow>(`${SELECT_PROGRAM} WHERE p.active ORDER BY a.id, p.sort, p.id`)).map(toView);
}

export async function listAgencyPrograms(q: Queryable, agencyId: number): Promise<VolunteerProgramView[]> {
  return (await q.query<ProgramRow>(`${SELECT_PROGRAM} WHERE p.agency_id = $1 ORDER BY p.sort, p.id`, [agencyId])).map(toView);
}

export async function findProgram(q: Queryable, agencyId: number, id: number): Promise<VolunteerProgramView> {
  const rows = await q.query<ProgramRow>(`${SELECT_PROGRAM} WHERE p.id = $1 AND p.agency_id = $2`, [id, agencyId]);
  if (!rows[0]) throw notFound(`Volunteer program ${id}`);
  return toView(rows[0]);
}

async function insertProgram(q: Queryable, agencyId: number, input: ProgramInput, isDemo: boolean): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO volunteer_programs (agency_id, code, name, description, youth, age_bands, active, sort, is_demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (agency_id, code) DO NOTHING RETURNING id`,
    [agencyId, input.code, JSON.stringify(input.name), JSON.stringify(input.description), input.youth, input.ageBands, input.active, input.sort, isDemo]);
  return rows[0]?.id ?? 0;
}

export async function createProgram(db: Db, agencyId: number, input: ProgramInput, actor: AuditActor): Promise<VolunteerProgramView> {
  return db.transaction(async (tx) => {
    const id = await insertProgram(tx, agencyId, input, false);
    if (!id) throw conflict(`body.code: your agency already has a program with the code "${input.code}"`);
    await appendAudit(tx, { actor, action: 'volunteers.program.create', targetType: 'volunteer_program', targetId: id, outcome: 'success', details: { code: input.code } });
    return findProgram(tx, agencyId, id);
  });
}

export async function updateProgram(db: Db, agencyId: number, id: number, patch: ProgramPatch, actor: AuditActor): Promise<VolunteerProgramView> {
  return db.transaction(async (tx) => {
    const before = await findProgram(tx, agencyId, id);
    await tx.query(
      `UPDATE volunteer_programs SET name = $3, description = $4, youth = $5, age_bands = $6, active = $7, sort = $8 WHERE id = $1 AND agency_id = $2`,
      [id, agencyId, JSON.stringify(patch.name ?? before.name), JSON.stringify(patch.description ?? before.description),
        patch.youth ?? before.youth, patch.ageBands ?? before.ageBands, patch.active ?? before.active, patch.sort ?? before.sort]);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof ProgramPatch] !== undefined);
    await appendAudit(tx, { actor, action: 'volunteers.program.update', targetType: 'volunteer_program', targetId: id, outcome: 'success', details: { changed } });
    return findProgram(tx, agencyId, id);
  });
}

/** Adds whichever standard programs the agency does not have yet (by code); answers the agency's list. */
export async function addStandardPrograms(db: Db, agencyId: number, actor: AuditActor, isDemo = false): Promise<VolunteerProgramView[]> {
  return db.transaction(async (tx) => {
    const added: string[] = [];
    for (const program of STANDARD_PROGRAMS) {
      if (await insertProgram(tx, agencyId, { ...program, active: true }, isDemo)) added.push(program.code);
    }
    if (added.length > 0) {
      await appendAudit(tx, { actor, action: 'volunteers.program.standard', targetType: 'agency', targetId: agencyId, outcome: 'success', details: { added } });
    }
    return listAgencyPrograms(tx, agencyId);
  });
}
