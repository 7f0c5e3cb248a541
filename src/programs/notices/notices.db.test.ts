import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

let db: TestDatabase;
let app: FastifyInstance;
let publisher: TestStaff;
let analyst: TestStaff;
let otherAgencyPublisher: TestStaff;

const notice = {
  kind: 'alert',
  title: { en: 'Porch thefts on Elm St', es: 'Robos de paquetes en Elm St' },
  body: { en: 'Bring packages inside.', es: 'Entre sus paquetes.' },
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  publisher = await insertStaff(db, agencyId, ['notices:publish']);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  otherAgencyPublisher = await insertStaff(db, await insertAgency(db), ['notices:publish']);
});
afterAll(async () => { await app.close(); await db.drop(); });

const publicTitles = async () => {
  const res = await app.inject({ method: 'GET', url: '/api/programs/notices/public' });
  expect(res.statusCode).toBe(200);
  return res.json<Array<{ title: { en: string } }>>().map((n) => n.title.en);
};

describe('community notices program', () => {
  it('is refused without the publish permission, and the refusal is audited', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/programs/notices', headers: { cookie: analyst.cookie }, payload: notice });
    expect(res.statusCode).toBe(403);
    const denied = await db.query("SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [analyst.userId]);
    expect(denied).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: '/api/programs/notices', payload: notice })).statusCode).toBe(401);
  });

  it('names the missing field when the Spanish text is absent', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/programs/notices', headers: { cookie: publisher.cookie },
      payload: { ...notice, title: { en: 'Only English' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.title.es');
  });

  it('keeps drafts off the public list, shows published notices, hides withdrawn ones', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/programs/notices', headers: { cookie: publisher.cookie }, payload: notice });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(await publicTitles()).not.toContain(notice.title.en);

    const published = await app.inject({ method: 'PATCH', url: `/api/programs/notices/${id}`, headers: { cookie: publisher.cookie }, payload: { status: 'published' } });
    expect(published.json().status).toBe('published');
    expect(await publicTitles()).toContain(notice.title.en);

    await app.inject({ method: 'PATCH', url: `/api/programs/notices/${id}`, headers: { cookie: publisher.cookie }, payload: { status: 'withdrawn' } });
    expect(await publicTitles()).not.toContain(notice.title.en);

    const trail = await db.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE target_type = 'notice' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(trail.map((r) => r.action)).toEqual(['notices.create', 'notices.update', 'notices.update']);
    expect(trail[2].details).toMatchObject({ statusFrom: 'published', statusTo: 'withdrawn' });
  });

  it('does not show expired notices and rejects an expiry before publication', async () => {
    const past = { ...notice, title: { en: 'Old news', es: 'Noticia vieja' }, status: 'published', publishAt: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' };
    expect((await app.inject({ method: 'POST', url: '/api/programs/notices', headers: { cookie: publisher.cookie }, payload: past })).statusCode).toBe(201);
    expect(await publicTitles()).not.toContain('Old news');
    const bad = await app.inject({ method: 'POST', url: '/api/programs/notices', headers: { cookie: publisher.cookie }, payload: { ...past, expiresAt: '2019-01-01T00:00:00Z' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('expiresAt');
  });

  it("never lets one agency see or change another agency's notices", async () => {
    const own = await app.inject({ method: 'GET', url: '/api/programs/notices', headers: { cookie: otherAgencyPublisher.cookie } });
    expect(own.json()).toEqual([]);
    const [first] = await db.query<{ id: number }>('SELECT id FROM notices ORDER BY id LIMIT 1');
    const res = await app.inject({ method: 'PATCH', url: `/api/programs/notices/${first.id}`, headers: { cookie: otherAgencyPublisher.cookie }, payload: { status: 'withdrawn' } });
    expect(res.statusCode).toBe(404);
  });
});
