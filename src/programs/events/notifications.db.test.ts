import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { startScheduler } from '../../core/jobs/scheduler.js';
import { OutboxEmailSender, OutboxSmsSender, readOutbox, type Senders, type SmsSender } from '../../core/messaging/index.js';
import { events } from './index.js';
import { runEventNotifications } from './notifications.js';
import { createEventVia, rsvpVia } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;
const HOUR = 3_600_000;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  officer = await insertStaff(db, await insertAgency(db), ['events:manage']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const outboxFor = async (recipient: string) => (await readOutbox(db, 'events')).filter((m) => m.recipient === recipient);
const at = (ms: number) => new Date(ms).toISOString();

describe('event messages from the scheduled job', () => {
  it('sends each reminder once, in the person’s language, through the manifest’s job', async () => {
    const start = Date.now() + 30 * HOUR;
    const eventId = await createEventVia(app, officer, { startsAt: at(start), endsAt: at(start + 2 * HOUR), reminderHours: 24, title: { en: 'Safety walk', es: 'Caminata de seguridad' } });
    await rsvpVia(app, eventId, { email: 'rosa@example.org', contactConsent: true, locale: 'es' });
    await rsvpVia(app, eventId, { phone: '215-555-0111', contactConsent: true });
    await rsvpVia(app, eventId, {});

    const scheduler = startScheduler(db, events.jobs!, { intervalMs: 0 });
    // 30 hours before: not yet due.
    expect(await scheduler.tick(new Date())).toEqual(['events.notifications']);
    expect((await outboxFor('rosa@example.org')).map((m) => m.subject)).toEqual(['Está inscrito: Caminata de seguridad']);
    // 23 hours before: due once.
    await scheduler.tick(new Date(start - 23 * HOUR));
    await scheduler.stop();
    await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org', now: new Date(start - 22 * HOUR) });
    const rosa = await outboxFor('rosa@example.org');
    expect(rosa.map((m) => m.subject)).toEqual(['Está inscrito: Caminata de seguridad', expect.stringMatching(/^Recordatorio: Caminata de seguridad, /)]);
    expect(rosa[1].body).toContain('Cuándo:');
    const sms = await outboxFor('+12155550111');
    expect(sms.map((m) => m.channel)).toEqual(['sms', 'sms']);
    expect(sms[1].body).toMatch(/^Reminder: Safety walk/);
  });

  it('tells a promoted person their place is confirmed, and tells everyone of a cancellation', async () => {
    const start = Date.now() + 10 * 24 * HOUR;
    const eventId = await createEventVia(app, officer, { capacity: 1, startsAt: at(start), endsAt: at(start + HOUR), title: { en: 'Youth night', es: 'Noche juvenil' } });
    const first = (await rsvpVia(app, eventId, { email: 'first@example.org', contactConsent: true })).json();
    const second = (await rsvpVia(app, eventId, { email: 'second@example.org', contactConsent: true })).json();
    expect(second.status).toBe('waitlisted');
    expect((await outboxFor('second@example.org'))[0].subject).toBe('You are on the wait list: Youth night');
    await app.inject({ method: 'POST', url: '/api/programs/events/public/rsvps/cancel', payload: { token: first.cancelToken } });
    const run = await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org' });
    expect(run.sent.promoted).toBe(1);
    expect((await outboxFor('second@example.org')).map((m) => m.subject)).toContain('A place opened up for you: Youth night');
    // The first person cancelled: their address is gone, so nothing more can reach them.
    expect(await outboxFor('first@example.org')).toHaveLength(1);

    await app.inject({ method: 'PATCH', url: `/api/programs/events/${eventId}`, headers: { cookie: officer.cookie }, payload: { status: 'cancelled' } });
    await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org' });
    await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org' });
    expect((await outboxFor('second@example.org')).filter((m) => m.subject === 'Cancelled: Youth night')).toHaveLength(1);
  });

  it('invites attendees to the survey after the event and erases contact details 30 days later', async () => {
    const start = Date.now() + 2 * HOUR;
    const eventId = await createEventVia(app, officer, { startsAt: at(start), endsAt: at(start + HOUR) });
    await rsvpVia(app, eventId, { name: 'Marta', email: 'marta@example.org', contactConsent: true });
    await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org', now: new Date(start + 2 * HOUR) });
    const followup = (await outboxFor('marta@example.org')).at(-1)!;
    expect(followup.subject).toMatch(/^Thank you for coming/);
    expect(followup.body).toContain(`https://bridges.example.org/events/${eventId}/survey`);

    const run = await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://bridges.example.org', now: new Date(start + 32 * 24 * HOUR) });
    expect(run.erased).toBeGreaterThan(0);
    const [row] = await db.query('SELECT name, email, phone FROM event_rsvps WHERE event_id = $1', [eventId]);
    expect(row).toEqual({ name: null, email: null, phone: null });
  });

  it('retries a failed message on the next run instead of marking it sent', async () => {
    const start = Date.now() + 20 * HOUR;
    const eventId = await createEventVia(app, officer, { startsAt: at(start), endsAt: at(start + HOUR) });
    // An RSVP made 40 hours ahead, so the reminder is due at the run below.
    await db.query(`INSERT INTO event_rsvps (event_id, status, phone, contact_consent, cancel_token_hash, created_at)
      VALUES ($1, 'confirmed', '+12155550199', true, 'retry-test', now() - interval '40 hours')`, [eventId]);
    const failing: SmsSender = { kind: 'twilio', send: async () => { throw new Error('provider down'); } };
    await expect(runEventNotifications(db, { senders: { email: new OutboxEmailSender(db), sms: failing }, publicUrl: 'https://x' }))
      .rejects.toThrow('retried on the next run');
    const run = await runEventNotifications(db, { senders: outboxSenders(), publicUrl: 'https://x' });
    expect(run.sent.reminder).toBe(1);
  });
});

const outboxSenders = (): Senders => ({ email: new OutboxEmailSender(db), sms: new OutboxSmsSender(db) });
