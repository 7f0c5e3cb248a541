/**
 * The iCalendar feeds, checked the way a calendar client reads them: parsed by ical.js (a real RFC 5545
 * parser), with the VTIMEZONE registered so local times resolve to the right instants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { createEventVia } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;
let townHall: number;
let boardMeeting: number;
let cancelled: number;
let draft: number;

// A winter event (EST) and a summer one (EDT): both must come out at the right UTC instant.
const WINTER = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 15, 23, 30));
const SUMMER = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 6, 15, 22, 0));

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  officer = await insertStaff(db, await insertAgency(db), ['events:manage']);
  const long = 'Bring questions about car break-ins, porch thefts; speeding on Frankford Ave, and the new lighting plan. '.repeat(3);
  townHall = await createEventVia(app, officer, {
    typeId: 2, startsAt: WINTER.toISOString(), endsAt: new Date(WINTER.getTime() + 90 * 60_000).toISOString(),
    title: { en: 'Town hall, 24th District; all welcome', es: 'Asamblea, Distrito 24; todos bienvenidos' },
    description: { en: long, es: `Traiga sus preguntas – señales, iluminación y más. ${long}` },
  });
  boardMeeting = await createEventVia(app, officer, {
    typeId: 6, hostProgram: 'board', startsAt: SUMMER.toISOString(), endsAt: new Date(SUMMER.getTime() + 2 * 3_600_000).toISOString(),
    title: { en: 'Advisory Board meeting', es: 'Reunión de la Junta Asesora' },
  });
  cancelled = await createEventVia(app, officer, { title: { en: 'Cancelled coffee', es: 'Café cancelado' } });
  await app.inject({ method: 'PATCH', url: `/api/programs/events/${cancelled}`, headers: { cookie: officer.cookie }, payload: { status: 'cancelled' } });
  draft = await createEventVia(app, officer, { status: 'draft', title: { en: 'Secret draft', es: 'Borrador' } });
});
afterAll(async () => { await app.close(); await db.drop(); });

async function fetchFeed(url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { host: 'bridges.example.org' } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const text = res.body;
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent');
  return { text, calendar, events, byUrl: (id: number) => events.find((e) => e.getFirstPropertyValue('url') === `http://bridges.example.org/events/${id}`) };
}

describe('iCalendar feeds', () => {
  it('are well-formed RFC 5545: CRLF line ends and no physical line over 75 octets', async () => {
    const { text } = await fetchFeed('/api/programs/events/calendar.ics?lang=es');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const physical = text.split('\r\n').slice(0, -1);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true); // the long description was folded
    for (const line of physical) {
      expect(line).not.toContain('\n');
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('carry UID, DTSTAMP, VTIMEZONE, URL back to the event page, and escaped text that parses back exactly', async () => {
    const { calendar, byUrl } = await fetchFeed('/api/programs/events/calendar.ics');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Bridges');
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);
    expect(zones[0].getAllSubcomponents('daylight').length).toBeGreaterThan(0);

    const vevent = byUrl(townHall)!;
    expect(vevent).toBeDefined();
    const [{ uid }] = await db.query<{ uid: string }>('SELECT uid::text FROM events WHERE id = $1', [townHall]);
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${uid}@bridges`);
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Town hall, 24th District; all welcome');
    expect(event.description).toContain('porch thefts; speeding on Frankford Ave, and the new lighting plan.');
    expect(event.description).toContain('http://bridges.example.org/events/');
    expect(event.location).toBe('Fishtown Library, 1217 E Montgomery Ave, Philadelphia, PA 19125');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/New_York');
    // Local 18:30 EST is 23:30 UTC; local 18:00 EDT is 22:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe(WINTER.toISOString());
    expect(new ICAL.Event(byUrl(boardMeeting)!).startDate.toJSDate().toISOString()).toBe(SUMMER.toISOString());
    expect(vevent.getFirstPropertyValue('geo')).toEqual([39.9727, -75.13]);
  });

  it('are written in the language asked for', async () => {
    const { byUrl } = await fetchFeed('/api/programs/events/calendar.ics?lang=es');
    const event = new ICAL.Event(byUrl(townHall)!);
    expect(event.summary).toBe('Asamblea, Distrito 24; todos bienvenidos');
    expect(event.description).toContain('Traiga sus preguntas – señales');
    expect(event.description).toContain('Accesibilidad: Entrada sin escalones');
  });

  it('keep cancelled events as STATUS:CANCELLED and never include drafts', async () => {
    const { text, byUrl } = await fetchFeed('/api/programs/events/calendar.ics');
    expect(byUrl(cancelled)!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUrl(draft)).toBeUndefined();
    expect(text).not.toContain('Secret draft');
  });

  it('exist per event type, per host program, and per event', async () => {
    const byType = await fetchFeed('/api/programs/events/calendar/types/town_hall.ics');
    expect(byType.events).toHaveLength(1);
    expect(byType.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Community events: Town hall');
    const byProgram = await fetchFeed('/api/programs/events/calendar/programs/board.ics?lang=es');
    expect(byProgram.events.map((e) => new ICAL.Event(e).summary)).toEqual(['Reunión de la Junta Asesora']);
    expect(byProgram.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Eventos comunitarios: Junta Asesora Comunitaria');
    const single = await fetchFeed(`/api/programs/events/calendar/events/${townHall}.ics`);
    expect(single.events).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: `/api/programs/events/calendar/events/${draft}.ics` })).statusCode).toBe(404);
  });

  it('bump SEQUENCE when an event changes, keeping the same UID', async () => {
    const before = (await fetchFeed('/api/programs/events/calendar.ics')).byUrl(townHall)!;
    await app.inject({ method: 'PATCH', url: `/api/programs/events/${townHall}`, headers: { cookie: officer.cookie }, payload: { placeName: 'Kensington High School' } });
    const after = (await fetchFeed('/api/programs/events/calendar.ics')).byUrl(townHall)!;
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(Number(after.getFirstPropertyValue('sequence'))).toBe(Number(before.getFirstPropertyValue('sequence')) + 1);
  });
});
