/**
 * Volunteers sign themselves up for shifts with the private link a coordinator issues: only active volunteers,
 * only their own program's upcoming shifts, capacity kept, no other volunteer's name shown, an old or wrong
 * link refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;
let coordinator: TestStaff;
let programs: Record<string, number>;
const BASE = '/api/programs/volunteers';
const HOUR = 3_600_000;

const staff = (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url: `${BASE}${url}`, headers: { cookie: coordinator.cookie }, payload });
const pub = (url: string, token: string) => app.inject({ method: 'POST', url: `${BASE}/public${url}`, payload: { token } });

async function volunteer(familyName: string, programId: number, states: string[]): Promise<number> {
  const applied = await app.inject({ method: 'POST', url: `${BASE}/public/applications`, payload: {
    programId, givenName: 'Sam', familyName, email: `${familyName.toLowerCase()}@example.org`, preferredContact: 'email', ageBand: '21-54', contactConsent: true,
  } });
  expect(applied.statusCode).toBe(201);
  const [{ id }] = await db.query<{ id: number }>('SELECT id FROM volunteers WHERE family_name = $1', [familyName]);
  for (const to of states) expect((await staff('POST', `/volunteers/${id}/transitions`, { to, note: to })).statusCode).toBe(200);
  return id;
}
async function shift(programId: number, title: string, startsInHours: number, capacity: number): Promise<number> {
  const res = await staff('POST', '/shifts', { programId, title, location: 'HQ', capacity,
    startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(), endsAt: new Date(Date.now() + (startsInHours + 2) * HOUR).toISOString() });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  coordinator = await insertStaff(db, await insertAgency(db), ['volunteers:manage']);
  programs = Object.fromEntries((await staff('POST', '/programs/standard')).json<Array<{ code: string; id: number }>>().map((p) => [p.code, p.id]));
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('signing oneself up for a shift', () => {
  it('issues links to active volunteers only, stored as a hash, and audited', async () => {
    const applicant = await volunteer('Applicant', programs.vips, []);
    expect((await staff('POST', `/volunteers/${applicant}/shift-link`)).statusCode).toBe(409);
    const active = await volunteer('Linked', programs.vips, ['interview', 'background_check', 'training', 'active']);
    const link = await staff('POST', `/volunteers/${active}/shift-link`);
    expect(link.statusCode).toBe(201);
    expect(link.headers['cache-control']).toBe('no-store');
    const { token, path } = link.json<{ token: string; path: string }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The portal page, with the token in the fragment (never sent to a server or in a Referer).
    expect(path).toBe(`/volunteers/shifts#${token}`);
    const [row] = await db.query<{ shift_link_hash: string }>('SELECT shift_link_hash FROM volunteers WHERE id = $1', [active]);
    expect(row.shift_link_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.shift_link_hash).not.toContain(token);
    const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'volunteers.shift_link' AND target_id = $1", [String(active)]);
    expect(audit).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: `${BASE}/volunteers/${active}/shift-link` })).statusCode).toBe(401);
  });

  it("shows the volunteer their own program's upcoming shifts and lets them sign up and cancel, keeping capacity", async () => {
    const me = await volunteer('Rivera', programs.vips, ['interview', 'background_check', 'training', 'active']);
    const other = await volunteer('Other', programs.vips, ['interview', 'background_check', 'training', 'active']);
    const { token } = (await staff('POST', `/volunteers/${me}/shift-link`)).json<{ token: string }>();
    const open = await shift(programs.vips, 'Front desk', 48, 2);
    const full = await shift(programs.vips, 'Parade', 72, 1);
    const past = await shift(programs.vips, 'Yesterday', -24, 5);
    const elsewhere = await shift(programs.chaplaincy, 'Chaplain rounds', 48, 5);
    expect((await staff('POST', `/shifts/${full}/signups`, { volunteerId: other })).statusCode).toBe(200);

    const mine = await pub('/shifts/mine', token);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    const view = mine.json<{ givenName: string; timeZone: string; shifts: Array<{ id: number; placesLeft: number; signedUp: boolean }> }>();
    expect(view.givenName).toBe('Sam');
    expect(view.timeZone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+/);
    const ids = view.shifts.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([open, full]));
    expect(ids).not.toContain(past);
    expect(ids).not.toContain(elsewhere);
    expect(view.shifts.find((s) => s.id === full)).toMatchObject({ placesLeft: 0, signedUp: false });
    expect(mine.body).not.toContain('Other');

    const joined = await pub(`/shifts/${open}/signup`, token);
    expect(joined.statusCode).toBe(200);
    expect(joined.json().shifts.find((s: { id: number }) => s.id === open)).toMatchObject({ placesLeft: 1, signedUp: true });
    const [signup] = await db.query('SELECT 1 FROM volunteer_signups WHERE shift_id = $1 AND volunteer_id = $2', [open, me]);
    expect(signup).toBeTruthy();
    expect((await pub(`/shifts/${open}/signup`, token)).statusCode).toBe(409);
    const refused = await pub(`/shifts/${full}/signup`, token);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'shift_full', details: { capacity: 1 } });
    expect((await pub(`/shifts/${past}/signup`, token)).statusCode).toBe(409);
    expect((await pub(`/shifts/${elsewhere}/signup`, token)).statusCode).toBe(404);
    const audit = await db.query<{ actor_label: string }>("SELECT actor_label FROM audit_log WHERE action = 'volunteers.signup' AND target_id = $1", [String(open)]);
    expect(audit.map((a) => a.actor_label)).toEqual(['public']);

    const cancelled = await pub(`/shifts/${open}/cancel`, token);
    expect(cancelled.json().shifts.find((s: { id: number }) => s.id === open)).toMatchObject({ placesLeft: 2, signedUp: false });
  });

  it('refuses a wrong, replaced or stopped volunteer’s link, naming the problem', async () => {
    const id = await volunteer('Stopped', programs.vips, ['interview', 'background_check', 'training', 'active']);
    const first = (await staff('POST', `/volunteers/${id}/shift-link`)).json<{ token: string }>().token;
    const second = (await staff('POST', `/volunteers/${id}/shift-link`)).json<{ token: string }>().token;
    const replaced = await pub('/shifts/mine', first);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json().error.code).toBe('shift_link_invalid');
    expect((await pub('/shifts/mine', second)).statusCode).toBe(200);
    const short = await pub('/shifts/mine', 'abc');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('body.token');
    expect((await staff('POST', `/volunteers/${id}/transitions`, { to: 'inactive', note: 'moved away' })).statusCode).toBe(200);
    const stopped = await pub('/shifts/mine', second);
    expect(stopped.statusCode).toBe(403);
    expect(stopped.json().error.message).toContain('active volunteers');
    expect(stopped.json().error.code).toBe('shift_link_inactive');
  });
});
