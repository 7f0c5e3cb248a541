import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { bearer, dumpDatabase, inboundText, photoWithMetadata, sendTip, tipsTestApp, twilioRequest } from './testing.js';

/**
 * The promise to tipsters, tested end to end: submit and follow up by web and by text (with MMS media) with
 * seeded network values, including requests that fail on the server (a 500), then search every row of every
 * table, every log line and every answer the server gave for them.
 */
const SEEDED = {
  ip: '203.0.113.77',
  forwardedFor: '198.51.100.23, 192.0.2.44',
  forwardedIps: ['198.51.100.23', '192.0.2.44'],
  userAgent: 'Mozilla/5.0 (SeededAgent-7f3a9c; Tipster Phone)',
  phone: '+12155550199',
  phoneDigits: '2155550199',
  /** The phone of a text whose tip fails to be stored (a new conversation, so it reaches the INSERT). */
  failingPhone: '+13025550142',
  failingPhoneDigits: '3025550142',
};
const HEADERS = { 'x-forwarded-for': SEEDED.forwardedFor, 'user-agent': SEEDED.userAgent };
const URL_ = '/api/programs/tips/public';

let db: TestDatabase;
let app: FastifyInstance;
let logs: string[];
let handler: TestStaff;
/** Every answer the server gave in these tests, status line, headers and body: the error output a client sees. */
const answers: string[] = [];
/** A loopback stand-in for Twilio: its REST API (staff replies) and its media URLs (MMS). */
let twilio: Server;
let twilioBase: string;

// A failure inside the submission handlers that the real code hits: a trigger (created by this test only) makes
// storing a tip whose text holds the marker fail, with the whole row in the error message, so whatever the
// server put in the row would reach the log line of the unhandled error.
const FAIL_MARKER = 'FAIL-ON-STORE';
const FAILING_TRIGGER = `
  CREATE FUNCTION test_fail_marked_tip() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.description LIKE '%${FAIL_MARKER}%' THEN RAISE EXCEPTION 'test failure while storing a tip: %', NEW::text; END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER test_fail_marked_tip BEFORE INSERT ON tips FOR EACH ROW EXECUTE FUNCTION test_fail_marked_tip()`;

beforeAll(async () => {
  db = await createTestDatabase();
  handler = await insertStaff(db, await insertAgency(db), ['tips:read', 'tips:triage']);
  const photo = await photoWithMetadata();
  twilio = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/media/photo') return void response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
      if (request.url?.startsWith('/media/')) return void response.writeHead(500).end('media store failed');
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: 'SM_rest_0001', status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve));
  twilioBase = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
  // trustProxy on: X-Forwarded-For then becomes request.ip, the hardest case for keeping it out of storage.
  ({ app, logs } = await tipsTestApp(db, {
    logger: true, trustProxy: true,
    tips: { twilio: { accountSid: 'AC_test', fromNumber: '+12155550100', apiBase: twilioBase, mediaOrigins: [twilioBase] } },
  }));
});
afterAll(async () => {
  await app.close();
  await new Promise<void>((resolve) => twilio.close(() => resolve()));
  await db.drop();
});

const seeded = { headers: HEADERS, remoteAddress: SEEDED.ip };

/** A request to the app whose whole answer (status, headers, body) is kept for the search. */
async function inject(options: InjectOptions) {
  const response = await app.inject(options);
  answers.push(`${response.statusCode} ${JSON.stringify(response.headers)} ${response.body}`);
  return response;
}

async function exerciseEveryTipsterPath() {
  const receipt = await sendTip(app, { location: { text: '5th and Main', lon: -75.15, lat: 39.95 } }, HEADERS, SEEDED.ip);
  // A wrong passphrase (throttle row) and a validation error (error path) with the same seeded request data.
  await inject({ method: 'POST', url: `${URL_}/access`, ...seeded, payload: { tipNumber: receipt.tipNumber, passphrase: 'WRONG-WRONG-WRONG-1' } });
  const invalid = await inject({ method: 'POST', url: `${URL_}/tips`, ...seeded, payload: { category: 'drugs', description: 'short' } });
  expect(invalid.statusCode).toBe(400);
  const access = await inject({ method: 'POST', url: `${URL_}/access`, ...seeded, payload: { tipNumber: receipt.tipNumber, passphrase: receipt.passphrase } });
  const headers = { ...HEADERS, ...bearer(access.json().accessToken) };
  await inject({ method: 'GET', url: `${URL_}/tip`, headers, remoteAddress: SEEDED.ip });
  await inject({ method: 'POST', url: `${URL_}/tip/messages`, headers, remoteAddress: SEEDED.ip, payload: { body: 'More: he drives a gray car.' } });
  const upload = await inject({
    method: 'POST', url: `${URL_}/tip/files`, headers: { ...headers, 'content-type': 'application/octet-stream' }, remoteAddress: SEEDED.ip, payload: await photoWithMetadata(),
  });
  expect(upload.statusCode).toBe(201);

  // The first text carries MMS media: a photo (fetched, cleaned, stored) and one the media store fails to give.
  const opened = await inject({
    ...twilioRequest(inboundText(SEEDED.phone, 'Tip by text about a stash house', {
      NumMedia: '2', MediaUrl0: `${twilioBase}/media/photo`, MediaContentType0: 'image/jpeg', MediaUrl1: `${twilioBase}/media/broken`, MediaContentType1: 'image/jpeg',
    }), HEADERS),
    remoteAddress: SEEDED.ip,
  });
  expect(opened.statusCode).toBe(200);
  const smsNumber = opened.body.match(/T[0-9A-HJKMNP-TV-Z]{11}/)![0];
  await inject({ ...twilioRequest(inboundText('+1 215 555 0199', 'Second text, same phone written with spaces'), HEADERS), remoteAddress: SEEDED.ip });
  const [smsTip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [smsNumber]);
  const threaded = await db.query("SELECT 1 FROM tip_timeline WHERE tip_id = $1 AND kind = 'message_in'", [smsTip.id]);
  expect(threaded).toHaveLength(1);
  const media = await db.query<{ kind: string }>('SELECT kind FROM tip_attachments WHERE tip_id = $1', [smsTip.id]);
  expect(media).toEqual([{ kind: 'image' }]);
  const mediaNotes = await db.query<{ data: { event: string } }>("SELECT data FROM tip_timeline WHERE tip_id = $1 AND kind = 'sms'", [smsTip.id]);
  expect(mediaNotes.map((n) => n.data.event)).toEqual(['media_not_added']);

  // Unhandled failures while storing a web tip and a text tip: 500s, logged, with the same seeded request data.
  await db.exec(FAILING_TRIGGER);
  try {
    const failedWeb = await inject({ method: 'POST', url: `${URL_}/tips`, ...seeded, payload: { category: 'drugs', description: `Guns in the garage ${FAIL_MARKER}`, location: { text: 'Behind 9th St' } } });
    expect(failedWeb.statusCode).toBe(500);
    expect(failedWeb.json().error).toEqual({ code: 'internal', message: 'Something went wrong on the server.' });
    const failedText = await inject({ ...twilioRequest(inboundText(SEEDED.failingPhone, `New text tip ${FAIL_MARKER}`, { MessageSid: 'SM_fail_0001' }), HEADERS), remoteAddress: SEEDED.ip });
    expect(failedText.statusCode).toBe(500);
  } finally {
    await db.exec('DROP TRIGGER test_fail_marked_tip ON tips; DROP FUNCTION test_fail_marked_tip()');
  }
  const staffReply = await inject({ method: 'POST', url: `/api/programs/tips/tips/${smsTip.id}/messages`, headers: { cookie: handler.cookie }, payload: { body: 'Thanks, which street?' } });
  expect(staffReply.json()).toMatchObject({ status: 'sent' });
  // Staff read the tips (their own address may be audited; the tipster's may not appear anywhere).
  await inject({ method: 'GET', url: '/api/programs/tips/tips', headers: { cookie: handler.cookie } });
  await inject({ method: 'GET', url: `/api/programs/tips/tips/${smsTip.id}`, headers: { cookie: handler.cookie } });
  return { receipt, smsNumber };
}

describe('anonymity of tip submission and follow-up', () => {
  it('keeps IP address, X-Forwarded-For, user agent and phone number out of every table, log line and answer, failures (500) and MMS included', async () => {
    await exerciseEveryTipsterPath();
    const dump = await dumpDatabase(db);
    // The searches mean something only if the dump and the logs really hold the tips.
    expect(dump).toContain('Tip by text about a stash house');
    expect(dump).toContain('tip_sms_conversations');
    expect(logs.some((line) => line.includes('/api/programs/tips/public/tips'))).toBe(true);
    expect(logs.some((line) => line.includes('/api/programs/tips/sms/twilio'))).toBe(true);
    // The failures were really logged as unhandled errors, with the failing row in the message.
    const failures = logs.filter((line) => line.includes('unhandled error'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.some((line) => line.includes(FAIL_MARKER))).toBe(true);
    expect(answers.filter((answer) => answer.startsWith('500 '))).toHaveLength(2);

    const forbidden = [SEEDED.ip, ...SEEDED.forwardedIps, SEEDED.forwardedFor, SEEDED.userAgent, 'SeededAgent', SEEDED.phone, SEEDED.phoneDigits, '555-0199', SEEDED.failingPhone, SEEDED.failingPhoneDigits];
    for (const value of forbidden) {
      expect(dump.includes(value), `database holds ${value}`).toBe(false);
      const leaking = logs.filter((line) => line.includes(value));
      expect(leaking, `log lines hold ${value}`).toEqual([]);
      expect(answers.filter((answer) => answer.includes(value)), `answers hold ${value}`).toEqual([]);
    }
  });

  it('audits tipster actions as "public", without an address', async () => {
    const rows = await db.query<{ action: string; actor_label: string; source_ip: string | null; details: Record<string, unknown> }>(
      "SELECT action, actor_label, source_ip, details FROM audit_log WHERE actor_label LIKE 'public%' ORDER BY id");
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['tips.submit', 'tips.follow_up', 'tips.tipster_message', 'tips.tipster_file']));
    expect(rows.every((r) => r.source_ip === null)).toBe(true);
  });
});
