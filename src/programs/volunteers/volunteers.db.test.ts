import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { volunteerStats } from './stats.js';

let db: TestDatabase;
let app: FastifyInstance;
let coordinator: TestStaff;
let analyst: TestStaff;
let otherCoordinator: TestStaff;
let programs: Record<string, number>;
const BASE = '/api/programs/volunteers';

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  coordinator = await insertStaff(db, agencyId, ['volunteers:manage']);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  otherCoordinator = await insertStaff(db, await insertAgency(db), ['volunteers:manage']);
  const res = await staff('POST', '/programs/standard');
  programs = Object.fromEntries(res.json<Array<{ code: string; id: number }>>().map((p) => [p.code, p.id]));
});
afterAll(async () => { await app.close(); await db.drop(); });

function staff(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: TestStaff = coordinator) {
  return app.inject({ method, url: `${BASE}${url}`, headers: { cookie: who.cookie }, payload });
}
const adult = () => ({
  programId: programs.vips, givenName: 'Ana', familyName: 'Reyes', email: 'ana@example.org', preferredContact: 'email',
  ageBand: '21-54', contactConsent: true, language: 'es',
});
const apply = (payload: object) => app.inject({ method: 'POST', url: `${BASE}/public/applications`, payload });
async function applicantId(familyName: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM volunteers WHERE family_name = $1', [familyName]);
  return row.id;
}
async function moveTo(id: number, ...states: string[]) {
  for (const to of states) expect((await staff('POST', `/volunteers/${id}/transitions`, { to, note: `to ${to}` })).statusCode).toBe(200);
}

describe('applying to volunteer (public, no account)', () => {
  it('lists the standard programs, added once however often it is asked', async () => {
    await staff('POST', '/programs/standard');
    const list = await app.inject({ method: 'GET', url: `${BASE}/public/programs` });
    expect(list.json<Array<{ code: string; youth: boolean }>>().map((p) => [p.code, p.youth])).toEqual([
      ['vips', false], ['sentinel', false], ['chaplaincy', false], ['explorers', true], ['yal', true],
    ]);
  });

  it('names the field that is missing or wrong', async () => {
    const cases: Array<[object, string]> = [
      [{ ...adult(), contactConsent: false }, 'body.contactConsent'],
      [{ ...adult(), email: undefined }, 'body.email'],
      [{ ...adult(), preferredContact: 'text' }, 'body.phone'],
      [{ ...adult(), ageBand: '14-15', programId: programs.explorers }, 'body.guardian'],
      [{ ...adult(), ageBand: '16-17', programId: programs.explorers, guardian: { name: 'Rosa Reyes', contact: '215-555-0100', consent: false } }, 'body.guardian.consent'],
      [{ ...adult(), programId: programs.sentinel }, 'body.ageBand'],
      [{ ...adult(), programId: 999999 }, 'body.programId'],
      [{ ...adult(), website: 'http://spam.example' }, 'body.website'],
    ];
    for (const [payload, field] of cases) {
      const res = await apply(payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    expect(await db.query('SELECT 1 FROM volunteers')).toHaveLength(0);
  });

  it("records a minor's guardian and consent, and never keeps a guardian for an adult", async () => {
    const guardian = { name: 'Rosa Ortiz', contact: 'rosa@example.org', consent: true };
    const youth = await apply({ ...adult(), familyName: 'Ortiz', programId: programs.explorers, ageBand: '14-15', guardian });
    expect(youth.statusCode).toBe(201);
    expect(youth.json()).toMatchObject({ programName: { en: 'Police Explorers' } });
    expect((await apply({ ...adult(), guardian })).statusCode).toBe(201);
    const rows = await db.query<{ family_name: string; guardian_name: string | null; guardian_consent_at: Date | null; state: string }>(
      'SELECT family_name, guardian_name, guardian_consent_at, state FROM volunteers ORDER BY id');
    expect(rows[0]).toMatchObject({ family_name: 'Ortiz', guardian_name: 'Rosa Ortiz', state: 'applied' });
    expect(rows[0].guardian_consent_at).toBeInstanceOf(Date);
    expect(rows[1]).toMatchObject({ family_name: 'Reyes', guardian_name: null, guardian_consent_at: null });
    // The audit log says that an application arrived, never who sent it.
    const audit = await db.query<{ actor_label: string; details: Record<string, unknown> }>("SELECT actor_label, details FROM audit_log WHERE action = 'volunteers.apply' ORDER BY id");
    expect(audit.map((a) => a.details)).toEqual([{ program: 'explorers', minor: true }, { program: 'vips', minor: false }]);
    expect(JSON.stringify(audit)).not.toMatch(/Ortiz|Reyes|example\.org/);
  });
});

describe('the pipeline (volunteers:manage)', () => {
  it('is refused without a session or the permission, and the refusal is audited', async () => {
    expect((await app.inject({ method: 'GET', url: `${BASE}/volunteers` })).statusCode).toBe(401);
    expect((await staff('GET', '/volunteers', undefined, analyst)).statusCode).toBe(403);
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [analyst.userId])).toHaveLength(1);
  });

  it('moves an applicant along allowed transitions only, keeping each step on the timeline', async () => {
    const id = await applicantId('Reyes');
    const skip = await staff('POST', `/volunteers/${id}/transitions`, { to: 'active' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toContain('body.to');
    await moveTo(id, 'interview', 'background_check', 'training', 'active');
    const detail = await staff('GET', `/volunteers/${id}`);
    expect(detail.json().state).toBe('active');
    expect(detail.json().timeline.map((t: { from: string | null; to: string }) => `${t.from}>${t.to}`))
      .toEqual(['null>applied', 'applied>interview', 'interview>background_check', 'background_check>training', 'training>active']);
    expect(detail.json().email).toBe('ana@example.org');
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'volunteer' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(['volunteers.apply', ...Array(4).fill('volunteers.transition'), 'volunteers.read']);
    const pipeline = await staff('GET', '/pipeline');
    expect(pipeline.json().states.map((s: { code: string }) => s.code)).toEqual(['applied', 'interview', 'background_check', 'training', 'active', 'inactive']);
  });

  it('filters the list by state and keeps other agencies out', async () => {
    const applied = await staff('GET', '/volunteers?state=applied');
    expect(applied.json().map((v: { familyName: string }) => v.familyName)).toEqual(['Ortiz']);
    expect(applied.json()[0]).toMatchObject({ minor: true, ageBand: '14-15' });
    expect((await staff('GET', '/volunteers', undefined, otherCoordinator)).json()).toEqual([]);
    const id = await applicantId('Ortiz');
    expect((await staff('GET', `/volunteers/${id}`, undefined, otherCoordinator)).statusCode).toBe(404);
    expect((await staff('POST', `/volunteers/${id}/transitions`, { to: 'interview' }, otherCoordinator)).statusCode).toBe(404);
  });
});

describe('shifts and hours', () => {
  it('signs active volunteers up until the shift is full', async () => {
    const starts = new Date(Date.now() + 2 * 86_400_000);
    const created = await staff('POST', '/shifts', { programId: programs.vips, title: 'Front desk', startsAt: starts, endsAt: new Date(starts.getTime() + 3_600_000), capacity: 1 });
    expect(created.statusCode).toBe(201);
    const shiftId = created.json().id as number;
    const reyes = await applicantId('Reyes');
    const ortiz = await applicantId('Ortiz');
    const notActive = await staff('POST', `/shifts/${shiftId}/signups`, { volunteerId: ortiz });
    expect(notActive.statusCode).toBe(409);
    const ok = await staff('POST', `/shifts/${shiftId}/signups`, { volunteerId: reyes });
    expect(ok.json().volunteers).toEqual([{ id: reyes, name: 'Ana Reyes' }]);
    await moveTo(ortiz, 'interview', 'background_check', 'training', 'active');
    const full = await staff('POST', `/shifts/${shiftId}/signups`, { volunteerId: ortiz });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('full');
    const badTimes = await staff('POST', '/shifts', { programId: programs.vips, title: 'x', startsAt: starts, endsAt: starts, capacity: 1 });
    expect(badTimes.json().error.message).toContain('body.endsAt');
  });

  it('counts hours once a coordinator approves them, by program and month, in JSON and CSV', async () => {
    const reyes = await applicantId('Reyes');
    const ortiz = await applicantId('Ortiz');
    const log = (volunteerId: number, workedOn: string, hours: number) => staff('POST', '/hours', { volunteerId, workedOn, hours, description: 'Front desk' });
    const first = await log(reyes, '2025-03-04', 3.5);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'pending', hours: 3.5 });
    const second = (await log(ortiz, '2025-03-20', 2)).json().id as number;
    const third = (await log(reyes, '2025-04-02', 1.25)).json().id as number;
    expect((await log(reyes, '2025-04-02', 0.3)).json().error.message).toContain('body.hours');
    expect((await log(reyes, '2999-01-01', 1)).json().error.message).toContain('body.workedOn');

    for (const id of [first.json().id, second, third]) {
      expect((await staff('POST', `/hours/${id}/review`, { status: id === third ? 'rejected' : 'approved' })).statusCode).toBe(200);
    }
    expect((await staff('POST', `/hours/${second}/review`, { status: 'rejected' })).statusCode).toBe(409);
    expect((await staff('GET', '/hours?status=pending')).json()).toEqual([]);

    const report = await staff('GET', '/reports/hours?from=2025-01&to=2025-06');
    expect(report.json().map((r: { month: string; programCode: string; hours: number; volunteers: number }) => [r.month, r.programCode, r.hours, r.volunteers]))
      .toEqual([['2025-03', 'vips', 3.5, 1], ['2025-03', 'explorers', 2, 1]]);
    const csv = await staff('GET', '/reports/hours?from=2025-01&to=2025-06&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe('month,program,program_name,approved_hours,volunteers,entries\r\n2025-03,vips,Volunteers in Police Service (VIPS),3.5,1,1\r\n2025-03,explorers,Police Explorers,2,1,1\r\n');
    expect((await staff('GET', '/reports/hours?from=2025-06&to=2025-01')).json().error.message).toContain('querystring.from');

    const stats = await volunteerStats(db);
    expect(stats.find((s) => s.key === 'active')?.value).toBe(2);
    expect(stats.find((s) => s.key === 'applications')?.value).toBe(2);
  });
});
