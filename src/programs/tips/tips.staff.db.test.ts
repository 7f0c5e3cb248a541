import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { bearer, sendTip, tipsTestApp } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let handler: TestStaff;
let reader: TestStaff;
let analyst: TestStaff;
let partner: TestStaff;
let stranger: TestStaff;
let partnerAgencyId: number;
const API = '/api/programs/tips';

beforeAll(async () => {
  db = await createTestDatabase();
  const agencyId = await insertAgency(db, { slug: 'tips-staff-pd' });
  partnerAgencyId = await insertAgency(db, { slug: 'tips-partner', kind: 'partner_agency' });
  handler = await insertStaff(db, agencyId, ['tips:read', 'tips:triage']);
  reader = await insertStaff(db, agencyId, ['tips:read']);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  partner = await insertStaff(db, partnerAgencyId, ['tips:read', 'tips:triage']);
  stranger = await insertStaff(db, await insertAgency(db, { slug: 'tips-stranger-pd' }), ['tips:read', 'tips:triage']);
  ({ app } = await tipsTestApp(db, { tips: { limits: { submit: { max: 1000, windowSeconds: 60 } } } }));
});
afterAll(async () => { await app.close(); await db.drop(); });

const as = (staff: TestStaff) => ({ cookie: staff.cookie });
const post = (staff: TestStaff, url: string, payload: unknown) => app.inject({ method: 'POST', url: `${API}${url}`, headers: as(staff), payload: payload as object });
const get = (staff: TestStaff, url: string) => app.inject({ method: 'GET', url: `${API}${url}`, headers: as(staff) });
const newTip = async (overrides = {}) => {
  const receipt = await sendTip(app, { agency: 'tips-staff-pd', ...overrides });
  const [row] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [receipt.tipNumber]);
  return { ...receipt, id: row.id };
};
const audits = (action: string, userId: number) => db.query('SELECT 1 FROM audit_log WHERE action = $1 AND actor_user_id = $2', [action, userId]);

describe('the triage queue', () => {
  it('lists new tips of the agency only, and audits each read of the queue and of a tip', async () => {
    const tip = await newTip({ description: 'Queue test: stolen bikes stored in the garage behind the school.' });
    const queue = await get(handler, '/tips');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((i: { id: number }) => i.id)).toContain(tip.id);
    expect((await get(stranger, '/tips')).json().items).toEqual([]);
    expect((await get(stranger, `/tips/${tip.id}`)).statusCode).toBe(404);

    const detail = await get(reader, `/tips/${tip.id}`);
    expect(detail.json()).toMatchObject({ number: tip.tipNumber, state: { code: 'new' }, access: 'owner' });
    expect(await audits('tips.list', handler.userId)).toHaveLength(1);
    expect(await audits('tips.read', reader.userId)).toHaveLength(1);
  });

  it('refuses staff without the permission (audited) and anyone not signed in', async () => {
    expect((await get(analyst, '/tips')).statusCode).toBe(403);
    expect(await audits('access.denied', analyst.userId)).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: `${API}/tips` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `${API}/map` })).statusCode).toBe(401);
    const tip = await newTip();
    expect((await post(reader, `/tips/${tip.id}/state`, { state: 'in_progress' })).statusCode).toBe(403);
  });
});

describe('working a tip', () => {
  it('follows the workflow as data, and records every change on the timeline', async () => {
    const tip = await newTip();
    const meta = (await get(handler, '/meta')).json();
    expect(meta.states.map((s: { code: string }) => s.code)).toEqual(['new', 'assigned', 'in_progress', 'closed']);
    const gangs = meta.units.find((u: { code: string }) => u.code === 'gangs').id;
    const crt = meta.units.find((u: { code: string }) => u.code === 'crt').id;
    const narcotics = meta.units.find((u: { code: string }) => u.code === 'narcotics').id;

    expect((await post(handler, `/tips/${tip.id}/assign`, { userId: handler.userId })).json()).toMatchObject({ state: 'assigned' });
    expect((await post(handler, `/tips/${tip.id}/priority`, { priority: 'urgent' })).statusCode).toBe(200);
    expect((await post(handler, `/tips/${tip.id}/route`, { primaryUnitId: gangs, copyUnitIds: [crt, narcotics, gangs] })).json())
      .toEqual({ primaryUnitId: gangs, copyUnitIds: [crt, narcotics] });
    expect((await post(handler, `/tips/${tip.id}/state`, { state: 'closed' })).statusCode).toBe(400);
    expect((await post(handler, `/tips/${tip.id}/state`, { state: 'in_progress', note: 'Detective on it' })).statusCode).toBe(200);
    expect((await post(handler, `/tips/${tip.id}/state`, { state: 'new' })).statusCode).toBe(409);
    expect((await post(handler, `/tips/${tip.id}/notes`, { body: 'Internal: matches case 24-1187' })).statusCode).toBe(200);
    expect((await post(handler, `/tips/${tip.id}/state`, { state: 'closed', outcome: 'useful' })).json()).toEqual({ from: 'in_progress', to: 'closed', outcome: 'useful' });

    const detail = (await get(handler, `/tips/${tip.id}`)).json();
    expect(detail).toMatchObject({ priority: 'urgent', state: { code: 'closed' }, outcome: { code: 'useful' }, primaryUnit: { code: 'gangs' }, assignedTo: { id: handler.userId } });
    expect(detail.copies.map((c: { code: string }) => c.code)).toEqual(['crt', 'narcotics']);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'assign', 'state', 'priority', 'route', 'state', 'note', 'state']);
    expect(detail.firstResponseAt).not.toBeNull();

    // The tipster sees a vaguer state, and none of the internal entries.
    const view = (await app.inject({ method: 'GET', url: `${API}/public/tip`, headers: bearer(tip.accessToken) })).json();
    expect(view.status.code).toBe('closed');
    expect(JSON.stringify(view)).not.toContain('case 24-1187');
    const trail = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'tip' AND target_id = $1 AND actor_user_id = $2 ORDER BY id", [String(tip.id), handler.userId]);
    expect(trail.map((r) => r.action)).toEqual(['tips.assign', 'tips.priority', 'tips.route', 'tips.state', 'tips.note', 'tips.state', 'tips.read']);
  });

  it('marks duplicates and pranks, and refuses a duplicate of a tip of another agency', async () => {
    const original = await newTip();
    const copy = await newTip();
    expect((await post(handler, `/tips/${copy.id}/flags`, { duplicateOf: original.tipNumber.toLowerCase(), prank: true })).statusCode).toBe(200);
    const item = (await get(handler, '/tips?state=all')).json().items.find((i: { id: number }) => i.id === copy.id);
    expect(item).toMatchObject({ duplicateOf: original.tipNumber, isPrank: true });
    expect((await post(handler, `/tips/${copy.id}/flags`, { duplicateOf: copy.tipNumber })).statusCode).toBe(400);
    const foreign = await sendTip(app, { agency: 'tips-stranger-pd' });
    expect((await post(handler, `/tips/${copy.id}/flags`, { duplicateOf: foreign.tipNumber })).statusCode).toBe(400);
  });

  it('forwards a tip to a partner agency, which may read but not change it', async () => {
    const tip = await newTip();
    expect((await get(partner, `/tips/${tip.id}`)).statusCode).toBe(404);
    expect((await post(handler, `/tips/${tip.id}/forward`, { agencyId: partnerAgencyId, note: 'Their caseworkers know the family' })).statusCode).toBe(200);
    expect((await post(handler, `/tips/${tip.id}/forward`, { agencyId: partnerAgencyId })).statusCode).toBe(409);
    const seen = await get(partner, `/tips/${tip.id}`);
    expect(seen.json()).toMatchObject({ access: 'partner', forwards: [{ agencyId: partnerAgencyId, note: 'Their caseworkers know the family' }] });
    expect((await get(partner, '/tips')).json().items.map((i: { id: number; forwarded: boolean }) => [i.id, i.forwarded])).toEqual([[tip.id, true]]);
    expect((await post(partner, `/tips/${tip.id}/notes`, { body: 'Partner note' })).statusCode).toBe(403);
  });

  it('keeps the chat anonymous both ways: no staff name to the tipster, nothing about the tipster to staff', async () => {
    const tip = await newTip();
    await post(handler, `/tips/${tip.id}/messages`, { body: 'Did you see the license plate?', question: true });
    const view = (await app.inject({ method: 'GET', url: `${API}/public/tip`, headers: bearer(tip.accessToken) })).json();
    expect(view.messages.at(-1)).toMatchObject({ from: 'department', body: 'Did you see the license plate?', question: true });
    expect(JSON.stringify(view)).not.toContain(handler.username);
    const detail = (await get(handler, `/tips/${tip.id}`)).json();
    expect(Object.keys(detail)).not.toEqual(expect.arrayContaining(['ip', 'userAgent', 'phone']));
  });
});
