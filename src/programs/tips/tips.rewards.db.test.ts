import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { bearer, inboundText, sendTip, tipsTestApp, twilioRequest } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let handler: TestStaff;
let board: TestStaff;
let command: TestStaff;
const API = '/api/programs/tips';

beforeAll(async () => {
  db = await createTestDatabase();
  const agencyId = await insertAgency(db, { slug: 'tips-rewards-pd' });
  handler = await insertStaff(db, agencyId, ['tips:read', 'tips:triage', 'tips:reward_propose', 'tips:reward_pay', 'tips:dashboard']);
  board = await insertStaff(db, agencyId, ['tips:read', 'tips:reward_approve', 'tips:reward_propose']);
  command = await insertStaff(db, agencyId, ['tips:dashboard']);
  ({ app } = await tipsTestApp(db, { tips: { limits: { submit: { max: 1000, windowSeconds: 60 } } } }));
});
afterAll(async () => { await app.close(); await db.drop(); });

const post = (staff: TestStaff, url: string, payload: unknown) => app.inject({ method: 'POST', url: `${API}${url}`, headers: { cookie: staff.cookie }, payload: payload as object });
const get = (staff: TestStaff, url: string) => app.inject({ method: 'GET', url: `${API}${url}`, headers: { cookie: staff.cookie } });
const tipsterView = async (token: string) => (await app.inject({ method: 'GET', url: `${API}/public/tip`, headers: bearer(token) })).json();

async function tipThatLedToAnArrest(language: 'en' | 'es' = 'en') {
  const receipt = await sendTip(app, { category: 'robbery', description: 'The robber from the gas station lives above the laundromat.', language });
  const [tip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [receipt.tipNumber]);
  await post(handler, `/tips/${tip.id}/state`, { state: 'in_progress' });
  return { ...receipt, id: tip.id };
}

describe('rewards', () => {
  it('go from proposal to board approval to collection by tip number, told to the tipster, every step audited', async () => {
    const tip = await tipThatLedToAnArrest();
    expect((await post(handler, `/tips/${tip.id}/rewards`, { reason: 'Led to the arrest of the robbery suspect' })).statusCode).toBe(409);
    await post(handler, `/tips/${tip.id}/state`, { state: 'closed', outcome: 'arrest' });
    const proposed = await post(handler, `/tips/${tip.id}/rewards`, { amountCents: 100_000, reason: 'Led to the arrest of the robbery suspect' });
    expect(proposed.statusCode).toBe(201);
    const rewardId = proposed.json().rewardId as number;
    expect((await tipsterView(tip.accessToken)).reward).toEqual({ status: 'none', amountCents: null, collectionCode: null });

    expect((await post(handler, `/rewards/${rewardId}/decision`, { decision: 'approve', amountCents: 100_000 })).statusCode).toBe(403);
    const boardList = await get(board, '/rewards?status=proposed');
    expect(boardList.json().map((r: { tipNumber: string }) => r.tipNumber)).toEqual([tip.tipNumber]);
    const approved = await post(board, `/rewards/${rewardId}/decision`, { decision: 'approve', amountCents: 75_000, note: 'Board meeting of the 3rd' });
    expect(approved.json()).toEqual({ rewardId, decision: 'approve', amountCents: 75_000 });

    const view = await tipsterView(tip.accessToken);
    expect(view.reward).toMatchObject({ status: 'approved', amountCents: 75_000 });
    expect(view.reward.collectionCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(view.messages.at(-1).body).toContain('$750');
    // Staff never see the collection code.
    expect(JSON.stringify((await get(handler, `/tips/${tip.id}`)).json())).not.toContain(view.reward.collectionCode);

    expect((await post(handler, '/rewards/pay', { tipNumber: tip.tipNumber, collectionCode: 'WRONGCOD' })).statusCode).toBe(400);
    const paid = await post(handler, '/rewards/pay', { tipNumber: tip.tipNumber.toLowerCase(), collectionCode: view.reward.collectionCode.toLowerCase() });
    expect(paid.json()).toEqual({ rewardId, paid: true });
    expect((await post(handler, '/rewards/pay', { tipNumber: tip.tipNumber, collectionCode: view.reward.collectionCode })).statusCode).toBe(404);
    expect((await tipsterView(tip.accessToken)).reward).toEqual({ status: 'paid', amountCents: 75_000, collectionCode: null });

    const trail = await db.query<{ action: string; outcome: string }>(
      "SELECT action, outcome FROM audit_log WHERE target_id = $1 AND action LIKE 'tips.reward%' ORDER BY id", [String(tip.id)]);
    expect(trail).toEqual([
      { action: 'tips.reward_propose', outcome: 'success' },
      { action: 'tips.reward_approve', outcome: 'success' },
      { action: 'tips.reward_pay', outcome: 'failure' },
      { action: 'tips.reward_pay', outcome: 'success' },
    ]);
  });

  it('can be rejected by the board, which the tipster is not told, and proposed again; amounts in the tip’s language', async () => {
    const tip = await tipThatLedToAnArrest('es');
    await post(handler, `/tips/${tip.id}/state`, { state: 'closed', outcome: 'arrest' });
    const rewardId = (await post(handler, `/tips/${tip.id}/rewards`, { reason: 'Arrest made' })).json().rewardId;
    expect((await post(board, `/rewards/${rewardId}/decision`, { decision: 'reject', note: 'Information was already known' })).statusCode).toBe(200);
    expect((await tipsterView(tip.accessToken)).reward.status).toBe('none');
    const again = await post(handler, `/tips/${tip.id}/rewards`, { reason: 'New evidence' });
    expect(again.statusCode).toBe(201);
    // A Spanish tip hears the amount the Spanish way (Intl), not as an English "$1,250.50".
    await post(board, `/rewards/${again.json().rewardId}/decision`, { decision: 'approve', amountCents: 125_050 });
    const told = (await tipsterView(tip.accessToken)).messages.at(-1).body as string;
    expect(told).toMatch(/^La junta aprobó una recompensa de /);
    expect(told).toContain(new Intl.NumberFormat('es', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(1250.5));
    expect(told).not.toContain('$1,250');
  });

  it('reach a text tipster by text message while the conversation is open', async () => {
    const first = await app.inject(twilioRequest(inboundText('+12155550600', 'The shooter hides his gun in the shed behind the church')));
    const number = first.body.match(/T[0-9A-HJKMNP-TV-Z]{11}/)![0];
    const [tip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [number]);
    await post(handler, `/tips/${tip.id}/state`, { state: 'closed', outcome: 'arrest' });
    const rewardId = (await post(handler, `/tips/${tip.id}/rewards`, { reason: 'Gun recovered, arrest made' })).json().rewardId;
    await post(board, `/rewards/${rewardId}/decision`, { decision: 'approve', amountCents: 50_000 });
    const outbox = await db.query<{ body: string }>('SELECT o.body FROM tip_sms_outbox o JOIN tip_sms_conversations c ON c.id = o.conversation_id WHERE c.tip_id = $1', [tip.id]);
    expect(outbox.map((o) => o.body)).toEqual([`There is news about a reward for tip ${number}. Reply here or use the follow-up page.`]);
  });
});

describe('dashboards', () => {
  it('count tips per week, category, area and channel, with response times and outcomes', async () => {
    await db.query(
      `INSERT INTO areas (agency_id, kind, name, geometry, bbox) SELECT id, 'district', 'District 9',
         '{"type":"Polygon","coordinates":[[[-75.2,39.9],[-75.1,39.9],[-75.1,40.0],[-75.2,40.0],[-75.2,39.9]]]}', '{-75.2,39.9,-75.1,40.0}'
       FROM agencies WHERE slug = 'tips-rewards-pd'`);
    await sendTip(app, { category: 'drugs', location: { lon: -75.15, lat: 39.95 } });
    await sendTip(app, { category: 'drugs', location: { lon: -80, lat: 30 } });
    const dashboard = await get(command, '/dashboard');
    expect(dashboard.statusCode).toBe(200);
    const body = dashboard.json();
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body.perCategory.find((c: { key: string }) => c.key === 'drugs').count).toBe(2);
    expect(body.perArea[0]).toMatchObject({ name: 'District 9', count: 1 });
    expect(body.perChannel.map((c: { channel: string }) => c.channel)).toEqual(['sms', 'web']);
    expect(body.perWeek.reduce((n: number, w: { count: number }) => n + w.count, 0)).toBe(body.total);
    expect(body.responseHours.responded).toBeGreaterThanOrEqual(3);
    expect(body.outcomes.find((o: { key: string }) => o.key === 'arrest').count).toBe(3);
    expect(body.rewards).toMatchObject({ paid: 1, paidCents: 75_000 });

    const map = await get(command, '/map');
    expect(map.json().features).toHaveLength(2);
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'tips.map_read' AND actor_user_id = $1", [command.userId])).toHaveLength(1);
  });
});
