import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { tipJobs } from './jobs.js';
import { dumpDatabase, inboundText, photoWithMetadata, tipsTestApp, twilioRequest, CAMERA } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let handler: TestStaff;
const PHONE = '+12155550123';

beforeAll(async () => {
  db = await createTestDatabase();
  handler = await insertStaff(db, await insertAgency(db), ['tips:read', 'tips:triage']);
  ({ app } = await tipsTestApp(db));
});
afterAll(async () => { await app.close(); await db.drop(); });

const text = (from: string, body: string, extra = {}) => app.inject(twilioRequest(inboundText(from, body, extra)));
const tipOf = async (number: string) => (await db.query<{ id: number; channel: string; language: string }>('SELECT id, channel, language FROM tips WHERE number = $1', [number]))[0];
const numberIn = (twiml: string) => twiml.match(/T[0-9A-HJKMNP-TV-Z]{11}/)![0];
const reply = (tipId: number, body: string) =>
  app.inject({ method: 'POST', url: `/api/programs/tips/tips/${tipId}/messages`, headers: { cookie: handler.cookie }, payload: { body } });

describe('the Twilio webhook', () => {
  it('refuses requests without a valid signature, including ones changed after signing', async () => {
    const signed = twilioRequest(inboundText(PHONE, 'hello'));
    expect((await app.inject({ ...signed, headers: { ...signed.headers, 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } })).statusCode).toBe(403);
    expect((await app.inject({ ...signed, payload: `${signed.payload}&Injected=1` })).statusCode).toBe(403);
    const { app: unconfigured } = await tipsTestApp(db, { tips: { twilio: { authToken: undefined } } });
    expect((await unconfigured.inject(signed)).statusCode).toBe(503);
    await unconfigured.close();
    expect(await db.query("SELECT 1 FROM tips WHERE channel = 'sms'")).toHaveLength(0);
  });

  it('opens a tip with the first text, answers its number in the tipster’s language, and threads later texts', async () => {
    const first = await text(PHONE, 'Hay un hombre que vende drogas en la esquina de la calle 5 todas las noches');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/xml');
    expect(first.body).toContain('<Response><Message>Gracias. Su número de pista es T');
    const tip = await tipOf(numberIn(first.body));
    expect(tip).toMatchObject({ channel: 'sms', language: 'es' });

    const second = await text(PHONE, 'Maneja un carro gris');
    expect(second.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const other = await text('+12675550999', 'Someone is breaking into cars on Elm Street right now');
    expect(numberIn(other.body)).not.toBe(numberIn(first.body));

    const messages = await db.query<{ body: string }>("SELECT body FROM tip_timeline WHERE tip_id = $1 AND kind = 'message_in'", [tip.id]);
    expect(messages.map((m) => m.body)).toEqual(['Maneja un carro gris']);
    const [conversation] = await db.query<{ phone_key: string; relay_enc: string; status: string }>('SELECT phone_key, relay_enc, status FROM tip_sms_conversations WHERE tip_id = $1', [tip.id]);
    expect(conversation.status).toBe('open');
    expect(conversation.relay_enc).toMatch(/^v1:/);
    expect(await dumpDatabase(db)).not.toContain('2155550123');
  });

  it('handles a retried delivery (same MessageSid) once', async () => {
    const params = inboundText('+12155550777', 'A retried message about a stolen bike');
    await app.inject(twilioRequest(params));
    await app.inject(twilioRequest(params));
    expect(await db.query("SELECT 1 FROM tips WHERE description = 'A retried message about a stolen bike'")).toHaveLength(1);
  });

  it('sends staff replies through the sender (the outbox here), ends on STOP, and erases the relay', async () => {
    const phone = '+12155550456';
    const first = await text(phone, 'The guy with the gun lives at the end of Pine Street');
    const tip = await tipOf(numberIn(first.body));
    const sent = await reply(tip.id, 'Thank you. Which house number?');
    expect(sent.json()).toMatchObject({ channel: 'sms', status: 'sent', sender: 'outbox' });
    const outbox = await db.query<{ body: string }>('SELECT o.body FROM tip_sms_outbox o JOIN tip_sms_conversations c ON c.id = o.conversation_id WHERE c.tip_id = $1', [tip.id]);
    expect(outbox.map((o) => o.body)).toEqual(['Thank you. Which house number?']);

    const stop = await text(phone, 'STOP');
    expect(stop.body).toContain('conversation has ended');
    const [conversation] = await db.query<Record<string, unknown>>('SELECT status, phone_key, relay_enc FROM tip_sms_conversations WHERE tip_id = $1', [tip.id]);
    expect(conversation).toEqual({ status: 'stopped', phone_key: null, relay_enc: null });
    expect((await reply(tip.id, 'Are you still there?')).json()).toMatchObject({ status: 'not_sent', reason: 'conversation_ended' });

    // Nothing links the phone to the old tip any more: a new text starts a new tip.
    const again = await text(phone, 'I have something else to report about a car');
    expect(numberIn(again.body)).not.toBe(numberIn(first.body));
  });

  it('keeps the conversation of a closed tip: replies still go out, and a new text continues the closed tip', async () => {
    const phone = '+12155550654';
    const first = await text(phone, 'The stolen generator is in the garage on Cedar Lane');
    const tip = await tipOf(numberIn(first.body));
    const closed = await app.inject({ method: 'POST', url: `/api/programs/tips/tips/${tip.id}/state`, headers: { cookie: handler.cookie }, payload: { state: 'closed', outcome: 'useful' } });
    expect(closed.statusCode).toBe(200);
    const conversation = async () => (await db.query<{ status: string; relay_enc: string | null }>('SELECT status, relay_enc FROM tip_sms_conversations WHERE tip_id = $1', [tip.id]))[0];
    expect(await conversation()).toMatchObject({ status: 'open', relay_enc: expect.stringMatching(/^v1:/) });
    expect((await reply(tip.id, 'Thank you, the generator was recovered.')).json()).toMatchObject({ channel: 'sms', status: 'sent' });

    const openView = async () => (await app.inject({ method: 'GET', url: '/api/programs/tips/tips', headers: { cookie: handler.cookie } }))
      .json<{ items: Array<{ id: number; state: string; newsAfterClose: boolean }> }>().items.find((item) => item.id === tip.id);
    expect(await openView()).toBeUndefined();

    const again = await text(phone, 'There is a second generator in the shed');
    expect(again.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await db.query("SELECT 1 FROM tips WHERE description = 'There is a second generator in the shed'")).toHaveLength(0);
    const messages = await db.query<{ body: string }>("SELECT body FROM tip_timeline WHERE tip_id = $1 AND kind = 'message_in'", [tip.id]);
    expect(messages.map((m) => m.body)).toEqual(['There is a second generator in the shed']);
    const [state] = await db.query<{ state: string; outcome: string }>('SELECT state, outcome FROM tips WHERE id = $1', [tip.id]);
    expect(state).toEqual({ state: 'closed', outcome: 'useful' });
    // Staff see it: the closed tip is back in the default (open) view, tagged.
    expect(await openView()).toMatchObject({ state: 'closed', newsAfterClose: true });
  });

  it('closes quiet conversations and erases their relay (the hourly job, and any queue read)', async () => {
    const quiet = async (phone: string) => {
      const tip = await tipOf(numberIn((await text(phone, 'Old conversation about a burglary on Walnut')).body));
      await db.query("UPDATE tip_sms_conversations SET last_message_at = now() - interval '40 days' WHERE tip_id = $1", [tip.id]);
      return async () => (await db.query<Record<string, unknown>>('SELECT status, relay_enc FROM tip_sms_conversations WHERE tip_id = $1', [tip.id]))[0];
    };
    const byJob = await quiet('+12155550888');
    await tipJobs.find((job) => job.name === 'tips.expire-sms-relays')!.run({ db, now: new Date() });
    expect(await byJob()).toEqual({ status: 'closed', relay_enc: null });
    const byRead = await quiet('+12155550889');
    await app.inject({ method: 'GET', url: '/api/programs/tips/tips', headers: { cookie: handler.cookie } });
    expect(await byRead()).toEqual({ status: 'closed', relay_enc: null });
  });
});

describe('with Twilio configured (a loopback stand-in for its REST API and media)', () => {
  let server: Server;
  let base: string;
  const received: Array<{ url: string; auth: string; form: URLSearchParams }> = [];
  let photo: Buffer;

  beforeAll(async () => {
    photo = await photoWithMetadata();
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        if (request.url?.startsWith('/media/')) {
          response.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
          return;
        }
        received.push({ url: request.url!, auth: request.headers.authorization ?? '', form: new URLSearchParams(body) });
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: 'SM_rest_0001', status: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts replies in Twilio’s REST shape and stores the provider id, never the number', async () => {
    const { app: live } = await tipsTestApp(db, { tips: { twilio: { accountSid: 'AC_test', fromNumber: '+12155550100', apiBase: base, mediaOrigins: [base] } } });
    try {
      const phone = '+12155550321';
      const first = await live.inject(twilioRequest(inboundText(phone, 'Photo of the car they used', { NumMedia: '2', MediaUrl0: `${base}/media/1`, MediaContentType0: 'image/jpeg', MediaUrl1: 'http://192.0.2.1/evil' })));
      const tip = await tipOf(numberIn(first.body));
      const files = await db.query<{ kind: string }>('SELECT kind FROM tip_attachments WHERE tip_id = $1', [tip.id]);
      expect(files).toEqual([{ kind: 'image' }]);
      const notes = await db.query<{ data: { event: string } }>("SELECT data FROM tip_timeline WHERE tip_id = $1 AND kind = 'sms'", [tip.id]);
      expect(notes.map((n) => n.data.event)).toEqual(['media_not_added']);

      const answer = await live.inject({ method: 'POST', url: `/api/programs/tips/tips/${tip.id}/messages`, headers: { cookie: handler.cookie }, payload: { body: 'Thanks, got the photo.' } });
      expect(answer.json()).toMatchObject({ status: 'sent', sender: 'twilio', providerId: 'SM_rest_0001' });
      expect(received).toHaveLength(1);
      expect(received[0].url).toBe('/2010-04-01/Accounts/AC_test/Messages.json');
      expect(received[0].auth).toBe(`Basic ${Buffer.from(`AC_test:${'test-twilio-auth-token-0123456789'}`).toString('base64')}`);
      expect(Object.fromEntries(received[0].form)).toEqual({ To: phone, From: '+12155550100', Body: 'Thanks, got the photo.' });
      const dump = await dumpDatabase(db);
      expect(dump).not.toContain('2155550321');
      expect(dump).not.toContain(CAMERA.serial);
    } finally {
      await live.close();
    }
  });
});
