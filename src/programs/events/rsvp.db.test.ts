import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { readOutbox } from '../../core/messaging/index.js';
import { availableLanguages, setLanguagesForTesting } from '../../core/languages.js';
import { createEventVia, rsvpVia } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  officer = await insertStaff(db, await insertAgency(db), ['events:manage']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const api = '/api/programs/events';
const cancel = (token: string) => app.inject({ method: 'POST', url: `${api}/public/rsvps/cancel`, payload: { token } });
const rsvpRow = (id: number) => db.query<{ status: string; name: string | null; email: string | null; phone: string | null }>('SELECT status, name, email, phone FROM event_rsvps WHERE id = $1', [id]);

describe('RSVP, capacity and the wait list', () => {
  it('confirms while places last, then waitlists, and promotes the first that fits when someone cancels', async () => {
    const eventId = await createEventVia(app, officer, { capacity: 4 });
    const a = await rsvpVia(app, eventId, { partySize: 3 });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ status: 'confirmed', position: null });
    expect(a.headers['cache-control']).toBe('no-store');
    const b = (await rsvpVia(app, eventId, { partySize: 2 })).json();
    expect(b).toMatchObject({ status: 'waitlisted', position: 1 });
    const c = (await rsvpVia(app, eventId, { partySize: 1 })).json();
    // One place is left and C's party of one fits, so C is confirmed at once.
    expect(c).toMatchObject({ status: 'confirmed' });
    const d = (await rsvpVia(app, eventId, { partySize: 1 })).json();
    expect(d).toMatchObject({ status: 'waitlisted', position: 2 });

    let event = (await app.inject({ method: 'GET', url: `${api}/public/events/${eventId}` })).json();
    expect(event.spotsLeft).toBe(0);

    // A (3 people) cancels: B (2) is next in line and fits, then D (1) fits too.
    expect((await cancel(a.json().cancelToken)).json()).toEqual({ eventId, status: 'cancelled' });
    const lookupB = (await app.inject({ method: 'POST', url: `${api}/public/rsvps/lookup`, payload: { token: b.cancelToken } })).json();
    expect(lookupB).toMatchObject({ status: 'confirmed', position: null, partySize: 2 });
    const lookupD = (await app.inject({ method: 'POST', url: `${api}/public/rsvps/lookup`, payload: { token: d.cancelToken } })).json();
    expect(lookupD.status).toBe('confirmed');
    event = (await app.inject({ method: 'GET', url: `${api}/public/events/${eventId}` })).json();
    expect(event.spotsLeft).toBe(0);

    const promotions = await db.query<{ details: { promotedRsvps: number[] } }>(
      "SELECT details FROM audit_log WHERE action = 'events.rsvp_cancel' AND target_id = $1", [String(eventId)]);
    expect(promotions[0].details.promotedRsvps).toHaveLength(2);
  });

  it('skips a party too big for the freed places and promotes a smaller one behind it', async () => {
    const eventId = await createEventVia(app, officer, { capacity: 3 });
    const first = (await rsvpVia(app, eventId, { partySize: 1 })).json();
    await rsvpVia(app, eventId, { partySize: 2 });
    const big = (await rsvpVia(app, eventId, { partySize: 3 })).json();
    const small = (await rsvpVia(app, eventId, { partySize: 1 })).json();
    expect([big.status, small.status]).toEqual(['waitlisted', 'waitlisted']);
    await cancel(first.cancelToken);
    const lookup = async (token: string) => (await app.inject({ method: 'POST', url: `${api}/public/rsvps/lookup`, payload: { token } })).json();
    expect((await lookup(big.cancelToken)).status).toBe('waitlisted');
    expect((await lookup(small.cancelToken)).status).toBe('confirmed');
    expect((await lookup(big.cancelToken)).position).toBe(1);
  });

  it('promotes from the wait list when staff raise the capacity', async () => {
    const eventId = await createEventVia(app, officer, { capacity: 2 });
    await rsvpVia(app, eventId, { partySize: 1 });
    const waiting = (await rsvpVia(app, eventId, { partySize: 2 })).json();
    expect(waiting.status).toBe('waitlisted');
    const patched = await app.inject({ method: 'PATCH', url: `${api}/${eventId}`, headers: { cookie: officer.cookie }, payload: { capacity: 3 } });
    expect(patched.json()).toMatchObject({ confirmed: 3, waitlisted: 0 });
  });

  it('gives a party larger than the whole event a clear refusal', async () => {
    const eventId = await createEventVia(app, officer, { capacity: 2 });
    const res = await rsvpVia(app, eventId, { partySize: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('partySize');
  });

  it('takes no RSVP for a cancelled event, a draft, or one that has started', async () => {
    const cancelled = await createEventVia(app, officer);
    await app.inject({ method: 'PATCH', url: `${api}/${cancelled}`, headers: { cookie: officer.cookie }, payload: { status: 'cancelled' } });
    expect((await rsvpVia(app, cancelled)).statusCode).toBe(409);
    const draft = await createEventVia(app, officer, { status: 'draft' });
    expect((await rsvpVia(app, draft)).statusCode).toBe(404);
    const started = await createEventVia(app, officer, { startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await rsvpVia(app, started)).json().error.code).toBe('rsvp_closed');
  });

  it('cancelling twice is harmless, and a made-up token is not found', async () => {
    const eventId = await createEventVia(app, officer);
    const { cancelToken } = (await rsvpVia(app, eventId)).json();
    expect((await cancel(cancelToken)).statusCode).toBe(200);
    expect((await cancel(cancelToken)).statusCode).toBe(200);
    expect((await cancel('x'.repeat(32))).statusCode).toBe(404);
    expect((await cancel('short')).json().error.message).toContain('body.token');
  });
});

describe('consent and minimal storage', () => {
  it('needs no personal data at all', async () => {
    const eventId = await createEventVia(app, officer);
    const res = await rsvpVia(app, eventId, {});
    expect(res.statusCode).toBe(201);
  });

  it('refuses contact details without the consent box, naming it', async () => {
    const eventId = await createEventVia(app, officer);
    const res = await rsvpVia(app, eventId, { email: 'ana@example.org' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.contactConsent');
    const badPhone = await rsvpVia(app, eventId, { phone: '12345', contactConsent: true });
    expect(badPhone.json().error.message).toContain('body.phone');
  });

  it('keeps contact only with consent, sends the confirmation with the private cancel link, and erases contact on cancel', async () => {
    const eventId = await createEventVia(app, officer, { title: { en: 'Home security workshop', es: 'Taller de seguridad en el hogar' } });
    const res = await rsvpVia(app, eventId, { name: 'Ana', email: 'ana@example.org', phone: '(215) 555-0100', contactConsent: true, locale: 'es' });
    expect(res.statusCode).toBe(201);
    const { cancelToken } = res.json();
    const [stored] = await db.query<{ id: number; email: string; phone: string; cancel_token_hash: string }>(
      'SELECT id, email, phone, cancel_token_hash FROM event_rsvps WHERE event_id = $1', [eventId]);
    expect(stored.phone).toBe('+12155550100');
    // The token itself is never stored, only its hash.
    expect(stored.cancel_token_hash).not.toContain(cancelToken);
    expect(stored.cancel_token_hash).toMatch(/^[0-9a-f]{64}$/);

    const mail = (await readOutbox(db, 'events')).filter((m) => m.recipient === 'ana@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Está inscrito: Taller de seguridad en el hogar');
    expect(mail[0].body).toContain(`/events/rsvp#${cancelToken}`);

    await cancel(cancelToken);
    expect((await rsvpRow(stored.id))[0]).toEqual({ status: 'cancelled', name: null, email: null, phone: null });
  });

  it('never shows contact details to staff, only whether a reminder can reach the person', async () => {
    const eventId = await createEventVia(app, officer);
    await rsvpVia(app, eventId, { name: 'Luis', email: 'luis@example.org', contactConsent: true });
    await rsvpVia(app, eventId, { partySize: 2 });
    const res = await app.inject({ method: 'GET', url: `${api}/${eventId}/rsvps`, headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('luis@example.org');
    expect(res.json().map((r: { name: string | null; hasContact: boolean }) => [r.name, r.hasContact])).toEqual([['Luis', true], [null, false]]);
    const reads = await db.query("SELECT 1 FROM audit_log WHERE action = 'events.rsvps_read' AND target_id = $1", [String(eventId)]);
    expect(reads).toHaveLength(1);
  });
});

describe('check-in, attendance and the anonymous survey', () => {
  it('counts checked-in parties plus walk-ins as attendance', async () => {
    const eventId = await createEventVia(app, officer, { startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString() });
    await rsvpVia(app, eventId, { partySize: 2 });
    await rsvpVia(app, eventId, { partySize: 3 });
    const list = (await app.inject({ method: 'GET', url: `${api}/${eventId}/rsvps`, headers: { cookie: officer.cookie } })).json<Array<{ id: number }>>();
    const checkIn = (rsvpId: number, checkedIn: boolean) => app.inject({ method: 'POST', url: `${api}/${eventId}/rsvps/${rsvpId}/check-in`, headers: { cookie: officer.cookie }, payload: { checkedIn } });
    expect((await checkIn(list[0].id, true)).statusCode).toBe(204);
    await checkIn(list[1].id, true);
    await checkIn(list[1].id, false);
    await app.inject({ method: 'PUT', url: `${api}/${eventId}/walk-ins`, headers: { cookie: officer.cookie }, payload: { walkIns: 7 } });
    const event = (await app.inject({ method: 'GET', url: `${api}/${eventId}`, headers: { cookie: officer.cookie } })).json();
    expect(event).toMatchObject({ checkedIn: 2, walkIns: 7, attendance: 9, confirmed: 5 });
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('events.check_in', 'events.walk_ins') ORDER BY id", [String(eventId)]);
    expect(audit.map((a) => a.action)).toEqual(['events.check_in', 'events.check_in', 'events.check_in', 'events.walk_ins']);
  });

  it('opens the survey at the start, stores answers with nothing that identifies anyone, and summarises them', async () => {
    const future = await createEventVia(app, officer);
    const early = await app.inject({ method: 'POST', url: `${api}/public/events/${future}/survey`, payload: { rating: 5 } });
    expect(early.json().error.code).toBe('survey_closed');

    const past = await createEventVia(app, officer, { startsAt: new Date(Date.now() - 5 * 3_600_000).toISOString(), endsAt: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    expect((await app.inject({ method: 'GET', url: `${api}/public/events/${past}` })).json().surveyOpen).toBe(true);
    expect((await app.inject({ method: 'POST', url: `${api}/public/events/${past}/survey`, payload: { rating: 5, comment: 'Muy útil' } })).statusCode).toBe(204);
    await app.inject({ method: 'POST', url: `${api}/public/events/${past}/survey`, payload: { rating: 3 } });
    const bad = await app.inject({ method: 'POST', url: `${api}/public/events/${past}/survey`, payload: { rating: 9 } });
    expect(bad.json().error.message).toContain('body.rating');

    const columns = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'event_survey_responses' ORDER BY ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'event_id', 'rating', 'comment', 'created_at']);
    const summary = (await app.inject({ method: 'GET', url: `${api}/${past}/survey`, headers: { cookie: officer.cookie } })).json();
    expect(summary).toMatchObject({ count: 2, averageRating: 4, byRating: [0, 0, 1, 0, 1] });
    expect(summary.comments.map((c: { comment: string }) => c.comment)).toEqual(['Muy útil']);
  });
});

describe('the language of an RSVP', () => {
  it('accepts any language with a locale file (a new one needs no code change) and writes English where no template exists', async () => {
    expect(availableLanguages()).toEqual(['en', 'es']);
    const eventId = await createEventVia(app, officer);
    // Without a locale file, Vietnamese is refused…
    expect((await rsvpVia(app, eventId, { locale: 'vi' })).statusCode).toBe(400);
    // …and accepted as soon as there is one (here the discovered list with a 'vi' file added).
    const restore = setLanguagesForTesting([...availableLanguages(), 'vi']);
    try {
      const res = await rsvpVia(app, eventId, { locale: 'vi', email: 'an@example.org', contactConsent: true });
      expect(res.statusCode).toBe(201);
      const [row] = await db.query<{ locale: string }>('SELECT locale FROM event_rsvps WHERE email = $1', ['an@example.org']);
      expect(row.locale).toBe('vi');
      // The server has no Vietnamese e-mail template: the confirmation is in English.
      const sent = (await readOutbox(db, 'events')).filter((m) => m.recipient === 'an@example.org');
      expect(sent.map((m) => m.subject)).toEqual(['You are registered: Coffee with a Cop, Fishtown']);
      const config = (await app.inject({ method: 'GET', url: '/api/config' })).json<{ languages: string[] }>();
      expect(config.languages).toEqual(['en', 'es', 'vi']);
    } finally {
      restore();
    }
    expect((await app.inject({ method: 'GET', url: '/api/config' })).json<{ languages: string[] }>().languages).toEqual(['en', 'es']);
  });

  it('refuses an unknown language code, naming the field', async () => {
    const eventId = await createEventVia(app, officer);
    const res = await rsvpVia(app, eventId, { locale: 'xx' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.locale');
    expect(res.json().error.message).toContain('"xx" is not a language of this site');
  });
});
