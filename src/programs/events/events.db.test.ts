import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { verifyAuditChain } from '../../core/audit/audit.js';
import { createEventVia, eventBody } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let officer: TestStaff;
let analyst: TestStaff;
let otherAgency: TestStaff;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  officer = await insertStaff(db, agencyId, ['events:manage']);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  otherAgency = await insertStaff(db, await insertAgency(db), ['events:manage']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const api = '/api/programs/events';

describe('events program: staff side', () => {
  it('refuses staff without events:manage (audited) and anonymous callers', async () => {
    const res = await app.inject({ method: 'POST', url: api, headers: { cookie: analyst.cookie }, payload: eventBody() });
    expect(res.statusCode).toBe(403);
    const denied = await db.query("SELECT details FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [analyst.userId]);
    expect(denied).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: api })).statusCode).toBe(401);
  });

  it('names the field that is wrong', async () => {
    const noSpanish = await app.inject({ method: 'POST', url: api, headers: { cookie: officer.cookie }, payload: eventBody({ title: { en: 'Only English' } }) });
    expect(noSpanish.statusCode).toBe(400);
    expect(noSpanish.json().error.message).toContain('body.title.es');
    const backwards = await app.inject({ method: 'POST', url: api, headers: { cookie: officer.cookie }, payload: eventBody({ endsAt: '2020-01-01T00:00:00Z' }) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('endsAt');
    const badType = await app.inject({ method: 'POST', url: api, headers: { cookie: officer.cookie }, payload: eventBody({ typeId: 9999 }) });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message).toContain('typeId');
    const oneCoordinate = await app.inject({ method: 'POST', url: api, headers: { cookie: officer.cookie }, payload: eventBody({ lat: null }) });
    expect(oneCoordinate.json().error.message).toContain('lat');
  });

  it('keeps drafts off the public list, publishes, and records every change in the audit log', async () => {
    const id = await createEventVia(app, officer, { status: 'draft', title: { en: 'Draft town hall', es: 'Asamblea borrador' } });
    const publicTitles = async () => (await app.inject({ method: 'GET', url: `${api}/public/events` })).json<Array<{ title: { en: string } }>>().map((e) => e.title.en);
    expect(await publicTitles()).not.toContain('Draft town hall');
    expect((await app.inject({ method: 'GET', url: `${api}/public/events/${id}` })).statusCode).toBe(404);

    const published = await app.inject({ method: 'PATCH', url: `${api}/${id}`, headers: { cookie: officer.cookie }, payload: { status: 'published' } });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', sequence: 1 });
    expect(await publicTitles()).toContain('Draft town hall');

    const view = (await app.inject({ method: 'GET', url: `${api}/public/events/${id}` })).json();
    expect(view).toMatchObject({ timeZone: 'America/New_York', placeName: 'Fishtown Library', languages: ['en', 'es'], rsvpOpen: true, spotsLeft: null });
    expect(view.accessibility.es).toBe('Entrada sin escalones');

    const trail = await db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE target_type = 'event' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(trail.map((r) => r.action)).toEqual(['events.create', 'events.update']);
    expect(trail[1].details).toMatchObject({ statusFrom: 'draft', statusTo: 'published' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('lets an agency add its own event type, unique by code', async () => {
    const created = await app.inject({ method: 'POST', url: `${api}/types`, headers: { cookie: officer.cookie }, payload: { code: 'bike_registration', name: { en: 'Bike registration', es: 'Registro de bicicletas' } } });
    expect(created.statusCode).toBe(201);
    const again = await app.inject({ method: 'POST', url: `${api}/types`, headers: { cookie: officer.cookie }, payload: { code: 'town_hall', name: { en: 'x', es: 'y' } } });
    expect(again.statusCode).toBe(409);
    const mine = (await app.inject({ method: 'GET', url: `${api}/types`, headers: { cookie: officer.cookie } })).json<Array<{ code: string }>>();
    expect(mine.map((t) => t.code)).toContain('bike_registration');
    const theirs = (await app.inject({ method: 'GET', url: `${api}/types`, headers: { cookie: otherAgency.cookie } })).json<Array<{ code: string }>>();
    expect(theirs.map((t) => t.code)).not.toContain('bike_registration');
    // Another agency cannot use it either.
    const typeId = created.json().id as number;
    const refused = await app.inject({ method: 'POST', url: api, headers: { cookie: otherAgency.cookie }, payload: eventBody({ typeId }) });
    expect(refused.statusCode).toBe(400);
  });

  it("never shows or changes another agency's events", async () => {
    const id = await createEventVia(app, officer);
    const list = (await app.inject({ method: 'GET', url: api, headers: { cookie: otherAgency.cookie } })).json<Array<{ id: number }>>();
    expect(list.map((e) => e.id)).not.toContain(id);
    for (const request of [
      { method: 'PATCH' as const, url: `${api}/${id}`, payload: { status: 'cancelled' } },
      { method: 'GET' as const, url: `${api}/${id}/rsvps` },
      { method: 'PUT' as const, url: `${api}/${id}/walk-ins`, payload: { walkIns: 3 } },
    ]) {
      const res = await app.inject({ ...request, headers: { cookie: otherAgency.cookie } });
      expect(res.statusCode, request.url).toBe(404);
    }
  });

  it('publishes public events, upcoming and past, as CSV and GeoJSON open data without RSVP data or drafts', async () => {
    const DAY = 86_400_000;
    const upcoming = await createEventVia(app, officer, { title: { en: 'Open data town hall', es: 'Asamblea de datos abiertos' } });
    const pastStart = new Date(Date.now() - 10 * DAY);
    const past = await createEventVia(app, officer, {
      title: { en: 'Past workshop, "home security"', es: 'Taller pasado' }, startsAt: pastStart.toISOString(),
      endsAt: new Date(pastStart.getTime() + 2 * 3_600_000).toISOString(), lon: null, lat: null,
    });
    const draft = await createEventVia(app, officer, { status: 'draft', title: { en: 'Secret draft', es: 'Borrador secreto' } });
    const rsvp = await app.inject({ method: 'POST', url: `${api}/public/events/${upcoming}/rsvps`, payload: { name: 'Rosa Resident', email: 'rosa@example.org', contactConsent: true } });
    expect(rsvp.statusCode).toBe(201);

    const csv = await app.inject({ method: 'GET', url: `${api}/public/events.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('events.csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('id,agency,type,host_program,title,title_es,status,when,starts_at,ends_at,time_zone,place,address,longitude,latitude,languages,page,demo');
    const row = (id: number) => lines.find((l) => l.startsWith(`${id},`));
    expect(row(upcoming)).toContain(',upcoming,');
    expect(row(upcoming)).toContain('-75.13,39.9727');
    expect(row(past)).toContain('"Past workshop, ""home security"""');
    expect(row(past)).toContain(',past,');
    expect(row(draft)).toBeUndefined();
    expect(csv.body).not.toContain('Rosa');
    expect(csv.body).not.toContain('rosa@example.org');

    const geo = await app.inject({ method: 'GET', url: `${api}/public/events.geojson` });
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const collection = geo.json<{ type: string; features: Array<{ id: number; geometry: { coordinates: number[] }; properties: Record<string, unknown> }> }>();
    expect(collection.type).toBe('FeatureCollection');
    const feature = collection.features.find((f) => f.id === upcoming)!;
    expect(feature.geometry.coordinates).toEqual([-75.13, 39.9727]);
    expect(feature.properties).toMatchObject({ when: 'upcoming', place: 'Fishtown Library', page: `/events/${upcoming}`, title: { en: 'Open data town hall' } });
    // The past event has no venue position: it is in the CSV only; drafts are in neither.
    expect(collection.features.map((f) => f.id)).not.toContain(past);
    expect(collection.features.map((f) => f.id)).not.toContain(draft);
    expect(geo.body).not.toContain('Rosa');
    for (const key of Object.keys(feature.properties)) expect(key).not.toMatch(/rsvp|confirmed|attend|email|phone/i);

    const open = (await app.inject({ method: 'GET', url: '/api/public/open-data' })).json<{ datasets: Array<{ id: string; programId?: string; formats: Record<string, string>; description: { en: string } }> }>();
    expect(open.datasets.find((d) => d.id === 'events')).toMatchObject({ programId: 'events', formats: { csv: `${api}/public/events.csv`, geojson: `${api}/public/events.geojson` } });
    expect(open.datasets.find((d) => d.id === 'watch-groups')).toMatchObject({ programId: 'watch', formats: { geojson: '/api/programs/watch/public/groups' } });
    expect((await app.inject({ method: 'GET', url: '/api/programs/watch/public/groups' })).statusCode).toBe(200);
    // Program results have no geography: the catalogue says so instead of offering a map file.
    const results = open.datasets.find((d) => d.id === 'program-results')!;
    expect(results.formats.geojson).toBeUndefined();
    expect(results.description.en).toContain('no map (GeoJSON) file');
    // Every download address is a route in the OpenAPI document.
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    for (const dataset of open.datasets) {
      for (const url of Object.values(dataset.formats)) expect(Object.keys(doc.paths), url).toContain(url.split('?')[0]);
    }
  });

  it('reports stats for the results page', async () => {
    const { events } = await import('./index.js');
    const stats = await events.stats!(db);
    expect(stats.map((s) => s.key)).toEqual(['held', 'attendance', 'upcoming', 'rsvps', 'surveyResponses', 'averageRating']);
    expect(stats.find((s) => s.key === 'upcoming')!.value).toBeGreaterThan(0);
    for (const stat of stats) expect(stat.label.es).toBeTruthy();
  });
});

describe('demo events', () => {
  it('seeds a few months of upcoming events relative to today, some past ones with attendance, all marked demo', async () => {
    const agencyId = await insertAgency(db, { slug: `philadelphia-demo-${process.pid}` });
    const { events } = await import('./index.js');
    await events.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    await events.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    const rows = await db.query<{ title: { en: string; es: string }; starts_at: Date; is_demo: boolean; host_program: string; walk_ins: number }>(
      'SELECT title, starts_at, is_demo, host_program, walk_ins FROM events WHERE agency_id = $1 ORDER BY starts_at', [agencyId]);
    const now = Date.now();
    const upcoming = rows.filter((r) => r.starts_at.getTime() > now);
    expect(upcoming.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...upcoming.map((r) => r.starts_at.getTime())) - now).toBeGreaterThan(60 * 86_400_000);
    expect(rows.every((r) => r.is_demo && r.title.en.startsWith('Demo:') && r.title.es.startsWith('Demo:'))).toBe(true);
    expect(new Set(rows.map((r) => r.host_program))).toEqual(new Set(['events', 'board', 'watch']));
    const list = (await app.inject({ method: 'GET', url: `${api}/public/events?agency=philadelphia-demo-${process.pid}` })).json<Array<{ spotsLeft: number | null }>>();
    // The home-security workshop is full, with people waiting.
    expect(list.some((e) => e.spotsLeft === 0)).toBe(true);
    const past = (await app.inject({ method: 'GET', url: `${api}/public/events?past=true&agency=philadelphia-demo-${process.pid}` })).json<unknown[]>();
    expect(past.length).toBe(3);
  });
});
