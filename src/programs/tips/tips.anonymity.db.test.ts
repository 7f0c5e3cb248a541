import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { bearer, dumpDatabase, inboundText, photoWithMetadata, sendTip, tipsTestApp, twilioRequest } from './testing.js';

/**
 * The promise to tipsters, tested end to end: submit and follow up by web and by text with seeded network
 * values, then search every row of every table and every log line for them.
 */
const SEEDED = {
  ip: '203.0.113.77',
  forwardedFor: '198.51.100.23, 192.0.2.44',
  forwardedIps: ['198.51.100.23', '192.0.2.44'],
  userAgent: 'Mozilla/5.0 (SeededAgent-7f3a9c; Tipster Phone)',
  phone: '+12155550199',
  phoneDigits: '2155550199',
};
const HEADERS = { 'x-forwarded-for': SEEDED.forwardedFor, 'user-agent': SEEDED.userAgent };
const URL_ = '/api/programs/tips/public';

let db: TestDatabase;
let app: FastifyInstance;
let logs: string[];
let handler: TestStaff;

beforeAll(async () => {
  db = await createTestDatabase();
  handler = await insertStaff(db, await insertAgency(db), ['tips:read', 'tips:triage']);
  // trustProxy on: X-Forwarded-For then becomes request.ip, the hardest case for keeping it out of storage.
  ({ app, logs } = await tipsTestApp(db, { logger: true, trustProxy: true }));
});
afterAll(async () => { await app.close(); await db.drop(); });

const seeded = { headers: HEADERS, remoteAddress: SEEDED.ip };

async function exerciseEveryTipsterPath() {
  const receipt = await sendTip(app, { location: { text: '5th and Main', lon: -75.15, lat: 39.95 } }, HEADERS, SEEDED.ip);
  // A wrong passphrase (throttle row) and a validation error (error path) with the same seeded request data.
  await app.inject({ method: 'POST', url: `${URL_}/access`, ...seeded, payload: { tipNumber: receipt.tipNumber, passphrase: 'WRONG-WRONG-WRONG-1' } });
  const invalid = await app.inject({ method: 'POST', url: `${URL_}/tips`, ...seeded, payload: { category: 'drugs', description: 'short' } });
  expect(invalid.statusCode).toBe(400);
  const access = await app.inject({ method: 'POST', url: `${URL_}/access`, ...seeded, payload: { tipNumber: receipt.tipNumber, passphrase: receipt.passphrase } });
  const headers = { ...HEADERS, ...bearer(access.json().accessToken) };
  await app.inject({ method: 'GET', url: `${URL_}/tip`, headers, remoteAddress: SEEDED.ip });
  await app.inject({ method: 'POST', url: `${URL_}/tip/messages`, headers, remoteAddress: SEEDED.ip, payload: { body: 'More: he drives a gray car.' } });
  const upload = await app.inject({
    method: 'POST', url: `${URL_}/tip/files`, headers: { ...headers, 'content-type': 'application/octet-stream' }, remoteAddress: SEEDED.ip, payload: await photoWithMetadata(),
  });
  expect(upload.statusCode).toBe(201);

  const opened = await app.inject({ ...twilioRequest(inboundText(SEEDED.phone, 'Tip by text about a stash house'), HEADERS), remoteAddress: SEEDED.ip });
  expect(opened.statusCode).toBe(200);
  const smsNumber = opened.body.match(/T[0-9A-HJKMNP-TV-Z]{11}/)![0];
  await app.inject({ ...twilioRequest(inboundText('+1 215 555 0199', 'Second text, same phone written with spaces'), HEADERS), remoteAddress: SEEDED.ip });
  const [smsTip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [smsNumber]);
  const threaded = await db.query("SELECT 1 FROM tip_timeline WHERE tip_id = $1 AND kind = 'message_in'", [smsTip.id]);
  expect(threaded).toHaveLength(1);
  const staffReply = await app.inject({ method: 'POST', url: `/api/programs/tips/tips/${smsTip.id}/messages`, headers: { cookie: handler.cookie }, payload: { body: 'Thanks, which street?' } });
  expect(staffReply.json()).toMatchObject({ status: 'sent' });
  // Staff read the tips (their own address may be audited; the tipster's may not appear anywhere).
  await app.inject({ method: 'GET', url: '/api/programs/tips/tips', headers: { cookie: handler.cookie } });
  await app.inject({ method: 'GET', url: `/api/programs/tips/tips/${smsTip.id}`, headers: { cookie: handler.cookie } });
  return { receipt, smsNumber };
}

describe('anonymity of tip submission and follow-up', () => {
  it('keeps IP address, X-Forwarded-For, user agent and phone number out of every table and every log line', async () => {
    await exerciseEveryTipsterPath();
    const dump = await dumpDatabase(db);
    // The searches mean something only if the dump and the logs really hold the tips.
    expect(dump).toContain('Tip by text about a stash house');
    expect(dump).toContain('tip_sms_conversations');
    expect(logs.some((line) => line.includes('/api/programs/tips/public/tips'))).toBe(true);
    expect(logs.some((line) => line.includes('/api/programs/tips/sms/twilio'))).toBe(true);

    const forbidden = [SEEDED.ip, ...SEEDED.forwardedIps, SEEDED.forwardedFor, SEEDED.userAgent, 'SeededAgent', SEEDED.phone, SEEDED.phoneDigits, '555-0199'];
    for (const value of forbidden) {
      expect(dump.includes(value), `database holds ${value}`).toBe(false);
      const leaking = logs.filter((line) => line.includes(value));
      expect(leaking, `log lines hold ${value}`).toEqual([]);
    }
  });

  it('audits tipster actions as "public", without an address', async () => {
    const rows = await db.query<{ action: string; actor_label: string; source_ip: string | null; details: Record<string, unknown> }>(
      "SELECT action, actor_label, source_ip, details FROM audit_log WHERE actor_label LIKE 'public%' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['tips.submit', 'tips.follow_up', 'tips.tipster_message', 'tips.tipster_file']));
    expect(rows.every((r) => r.source_ip === null)).toBe(true);
  });
});
