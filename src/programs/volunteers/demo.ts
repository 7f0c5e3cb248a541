/**
 * Demo content for the volunteers program: the five standard programs, applicants in every pipeline state
 * (names end in "(demo)", contacts use the reserved example.org domain), shifts and some logged hours.
 * Everything is flagged is_demo. Idempotent: an interrupted demo load runs it again.
 */
import type { DemoSeedContext } from '../../core/program/define.js';
import type { Queryable } from '../../db/types.js';
import type { AgeBand } from './catalogue.js';
import { addStandardPrograms } from './programs-service.js';

const DAY = 86_400_000;
const PIPELINE = ['applied', 'interview', 'background_check', 'training', 'active'] as const;

interface DemoApplicant { given: string; family: string; program: string; band: AgeBand; state: string; language?: string; guardian?: string }

const APPLICANTS: DemoApplicant[] = [
  { given: 'Maria', family: 'Santos', program: 'vips', band: '21-54', state: 'active', language: 'es' },
  { given: 'James', family: 'Whitaker', program: 'vips', band: '55-64', state: 'active' },
  { given: 'Aisha', family: 'Bello', program: 'vips', band: '21-54', state: 'training' },
  { given: 'Kevin', family: 'Tran', program: 'vips', band: '18-20', state: 'applied' },
  { given: 'Dolores', family: 'Rivera', program: 'sentinel', band: '65-plus', state: 'active', language: 'es' },
  { given: 'Harold', family: 'Kim', program: 'sentinel', band: '65-plus', state: 'active' },
  { given: 'Bernice', family: 'Coleman', program: 'sentinel', band: '55-64', state: 'interview' },
  { given: 'Rev. Samuel', family: 'Okafor', program: 'chaplaincy', band: '55-64', state: 'active' },
  { given: 'Imam Yusuf', family: 'Hassan', program: 'chaplaincy', band: '21-54', state: 'background_check' },
  { given: 'Destiny', family: 'Jackson', program: 'explorers', band: '16-17', state: 'active', guardian: 'Tanya Jackson' },
  { given: 'Luis', family: 'Ortiz', program: 'explorers', band: '14-15', state: 'applied', language: 'es', guardian: 'Rosa Ortiz' },
  { given: 'Malik', family: 'Brown', program: 'explorers', band: '18-20', state: 'training' },
  { given: 'Sophia', family: 'Nguyen', program: 'yal', band: '10-13', state: 'active', guardian: 'Linh Nguyen' },
  { given: 'Jayden', family: 'Williams', program: 'yal', band: '6-9', state: 'applied', guardian: 'Keisha Williams' },
  { given: 'Patrick', family: 'Murphy', program: 'vips', band: '21-54', state: 'inactive' },
];

async function insertApplicant(q: Queryable, agencyId: number, programId: number, a: DemoApplicant, index: number, coordinator: number | null): Promise<number> {
  const appliedAt = new Date(Date.now() - (200 - index * 11) * DAY);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO volunteers (agency_id, program_id, state, given_name, family_name, email, phone, preferred_contact, language, age_band, motivation,
       contact_consent_at, guardian_name, guardian_contact, guardian_consent_at, is_demo, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,'215-555-01' || lpad($7::text, 2, '0'),'email',$8,$9,$10,$11,$12,$13,$14,true,$11) RETURNING id`,
    [agencyId, programId, a.state, a.given, `${a.family} (demo)`, `${a.given.split(' ').at(-1)!.toLowerCase()}.${a.family.toLowerCase()}@example.org`, index,
      a.language ?? 'en', a.band, 'Demonstration application.', appliedAt, a.guardian ? `${a.guardian} (demo)` : null,
      a.guardian ? 'guardian@example.org' : null, a.guardian ? appliedAt : null]);
  // The timeline walks the pipeline up to the current state, a week or two per step.
  const steps: string[] = a.state === 'inactive' ? ['applied', 'interview', 'inactive'] : PIPELINE.slice(0, PIPELINE.indexOf(a.state as (typeof PIPELINE)[number]) + 1);
  let previous: string | null = null;
  for (const [step, state] of steps.entries()) {
    await q.query('INSERT INTO volunteer_timeline (volunteer_id, from_state, to_state, note, actor_user_id, at) VALUES ($1,$2,$3,$4,$5,$6)',
      [row.id, previous, state, step === 0 ? '' : 'Demo step.', step === 0 ? null : coordinator, new Date(appliedAt.getTime() + step * 12 * DAY)]);
    previous = state;
  }
  return row.id;
}

export async function seedDemoVolunteers({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM volunteers WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  const coordinator = users['demo.volunteers'] ?? null;
  const programs = await addStandardPrograms(db, agencyId, { label: 'demo-loader' }, true);
  const programId = new Map(programs.map((p) => [p.code, p.id]));
  await db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const [index, applicant] of APPLICANTS.entries()) {
      ids.set(applicant.given, await insertApplicant(tx, agencyId, programId.get(applicant.program)!, applicant, index, coordinator));
    }
    const shift = async (program: string, title: string, location: string, dayOffset: number, hours: number, capacity: number, who: string[]) => {
      const starts = new Date(Math.floor(Date.now() / DAY) * DAY + dayOffset * DAY + 14 * 3_600_000);
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO volunteer_shifts (agency_id, program_id, title, location, starts_at, ends_at, capacity, is_demo, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8) RETURNING id`,
        [agencyId, programId.get(program), `${title} (demo)`, location, starts, new Date(starts.getTime() + hours * 3_600_000), capacity, coordinator]);
      for (const given of who) await tx.query('INSERT INTO volunteer_signups (shift_id, volunteer_id) VALUES ($1,$2)', [row.id, ids.get(given)]);
    };
    await shift('vips', '24th District front desk', '3901 Whitaker Ave', 3, 4, 2, ['Maria']);
    await shift('sentinel', 'Senior wellness calls', 'Northeast Senior Center', 5, 3, 4, ['Dolores', 'Harold']);
    await shift('explorers', 'Explorer post meeting', 'Police Academy, 8501 State Rd', 9, 2, 12, ['Destiny']);
    await shift('yal', 'After-school basketball', 'Hunting Park Rec Center', 2, 2, 6, ['Sophia']);
    await shift('vips', 'National Night Out table', 'Hunting Park', -20, 5, 6, ['Maria', 'James']);

    // Hours over the last eight months: most approved, the latest waiting for the coordinator.
    const serving = ['Maria', 'James', 'Dolores', 'Harold', 'Rev. Samuel', 'Destiny', 'Sophia'];
    for (let month = 0; month < 8; month++) {
      for (const [n, given] of serving.entries()) {
        if ((month + n) % 3 === 2) continue;
        const workedOn = new Date(Date.now() - (month * 30 + 3 + n) * DAY).toISOString().slice(0, 10);
        const pending = month === 0 && n < 3;
        const [{ program_id }] = await tx.query<{ program_id: number }>('SELECT program_id FROM volunteers WHERE id = $1', [ids.get(given)]);
        await tx.query(
          `INSERT INTO volunteer_hours (agency_id, volunteer_id, program_id, worked_on, hours, description, status, logged_by, reviewed_by, reviewed_at, is_demo)
           VALUES ($1,$2,$3,$4,$5,'Demo hours.',$6,$7,$8,$9,true)`,
          [agencyId, ids.get(given), program_id, workedOn, 2 + ((month + n) % 4) * 1.5, pending ? 'pending' : 'approved', coordinator,
            pending ? null : coordinator, pending ? null : new Date()]);
      }
    }
  });
}
