import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';
import { readOutbox } from '../../core/messaging/index.js';

let db: TestDatabase;
let app: FastifyInstance;
let command: TestStaff;
let officer: TestStaff;
let otherAgency: TestStaff;
let agencySlug: string;

const api = '/api/programs/board';
const as = (s: TestStaff) => ({ cookie: s.cookie });
const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const profile = {
  name: { en: 'Community Advisory Board', es: 'Junta Asesora Comunitaria' },
  vision: { en: 'Safe neighborhoods built on trust.', es: 'Barrios seguros construidos sobre la confianza.' },
  mission: { en: 'Advise the Chief and report to residents.', es: 'Asesorar al Jefe e informar a los vecinos.' },
  answerer: { en: 'the Chief of Police', es: 'el Jefe de Policía' },
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencySlug = `board-${process.pid}`;
  const agencyId = await insertAgency(db, { slug: agencySlug });
  command = await insertStaff(db, agencyId, ['board:manage']);
  officer = await insertStaff(db, agencyId, ['events:manage']);
  otherAgency = await insertStaff(db, await insertAgency(db), ['board:manage']);
  expect((await app.inject({ method: 'PUT', url: `${api}/profile`, headers: as(command), payload: profile })).statusCode).toBe(200);
});
afterAll(async () => { await app.close(); await db.drop(); });

describe('advisory board: staff side', () => {
  it('refuses staff without board:manage (audited)', async () => {
    expect((await app.inject({ method: 'GET', url: `${api}/questions`, headers: as(officer) })).statusCode).toBe(403);
    expect(await db.query("SELECT 1 FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1", [officer.userId])).toHaveLength(1);
  });

  it('needs vision and mission in both languages, naming the field', async () => {
    const res = await app.inject({ method: 'PUT', url: `${api}/profile`, headers: as(command), payload: { ...profile, mission: { en: 'Only English' } } });
    expect(res.json().error.message).toContain('body.mission.es');
  });

  it('keeps seats as data, shows the member serving today, vacancies, and refuses overlapping terms', async () => {
    for (const number of [1, 2, 3]) {
      const res = await app.inject({ method: 'POST', url: `${api}/seats`, headers: as(command), payload: { number, label: { en: `District ${number}`, es: `Distrito ${number}` }, appointingBody: 'Mayor' } });
      expect(res.statusCode).toBe(204);
    }
    expect((await app.inject({ method: 'POST', url: `${api}/seats`, headers: as(command), payload: { number: 1, label: { en: 'x', es: 'x' }, appointingBody: 'Mayor' } })).statusCode).toBe(409);
    const seats = (await app.inject({ method: 'GET', url: `${api}/seats`, headers: as(command) })).json();
    const term = (seatIndex: number, memberName: string, from: number, to: number, appointingBody = 'Mayor') =>
      app.inject({ method: 'POST', url: `${api}/seats/${seats[seatIndex].id}/terms`, headers: as(command), payload: { memberName, appointingBody, termStart: isoDay(from), termEnd: isoDay(to) } });
    expect((await term(0, 'Ana Rivera', -400, -10)).statusCode).toBe(204);
    expect((await term(0, 'Luis Ortiz', -9, 700, 'City Council')).statusCode).toBe(204);
    expect((await term(1, 'Mei Chen', -100, 600)).statusCode).toBe(204);
    const overlap = await term(1, 'Someone Else', 0, 300);
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toContain('held by Mei Chen');
    const backwards = await term(2, 'Tom Walsh', 10, 5);
    expect(backwards.json().error.message).toContain('termEnd');

    const board = (await app.inject({ method: 'GET', url: `${api}/public/board?agency=${agencySlug}` })).json();
    expect(board).toMatchObject({ seatCount: 3, filledSeats: 2, vision: profile.vision });
    expect(board.seats.map((s: { member: { name: string; appointingBody: string } | null }) => s.member && [s.member.name, s.member.appointingBody])).toEqual([['Luis Ortiz', 'City Council'], ['Mei Chen', 'Mayor'], null]);
  });

  it('records meetings with agenda, minutes and attendance of the members serving that day', async () => {
    const created = await app.inject({
      method: 'POST', url: `${api}/meetings`, headers: as(command),
      payload: { eventId: 77, title: { en: 'March meeting', es: 'Reunión de marzo' }, startsAt: new Date(Date.now() - 2 * DAY).toISOString(), agenda: { en: '1. Roll call', es: '1. Lista' } },
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    expect(meeting.attendanceByTerm.map((a: { name: string; present: null }) => [a.name, a.present])).toEqual([['Luis Ortiz', null], ['Mei Chen', null]]);
    const luis = meeting.attendanceByTerm.find((a: { name: string }) => a.name === 'Luis Ortiz').termId;
    await app.inject({ method: 'PUT', url: `${api}/meetings/${meeting.id}/attendance`, headers: as(command), payload: { present: [luis] } });
    await app.inject({ method: 'PATCH', url: `${api}/meetings/${meeting.id}`, headers: as(command), payload: { status: 'held', minutes: { en: 'Quorum reached.', es: 'Hubo quórum.' } } });
    const view = (await app.inject({ method: 'GET', url: `${api}/public/meetings/${meeting.id}` })).json();
    expect(view).toMatchObject({ eventId: 77, status: 'held', minutes: { en: 'Quorum reached.' }, attendance: { present: ['Luis Ortiz'], absent: ['Mei Chen'] } });
    const board = (await app.inject({ method: 'GET', url: `${api}/public/board?agency=${agencySlug}` })).json();
    expect(board.recentMeetings[0]).toMatchObject({ id: meeting.id, eventId: 77, hasMinutes: true });
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'board_meeting' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['board.meeting_create', 'board.attendance', 'board.meeting_update']);
  });

  it("keeps another agency's staff away from this board", async () => {
    const [{ id }] = await db.query<{ id: number }>('SELECT id FROM board_meetings LIMIT 1');
    expect((await app.inject({ method: 'PATCH', url: `${api}/meetings/${id}`, headers: as(otherAgency), payload: { status: 'cancelled' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${api}/seats`, headers: as(otherAgency) })).json()).toEqual([]);
  });
});

describe('questions to the Chief', () => {
  const ask = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: `${api}/public/questions`, payload: { agency: agencySlug, ...body } });

  it('takes a question without an account; an e-mail only with consent', async () => {
    expect((await ask({ question: 'Why are there no foot patrols on Elm St?' })).statusCode).toBe(201);
    const noConsent = await ask({ question: 'Can you add more lighting to the park?', email: 'sam@example.org' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toContain('body.contactConsent');
    expect((await ask({ question: 'short' })).json().error.message).toContain('body.question');
  });

  it('publishes nothing until answered, then shows the moderated question with its answer and tells the asker', async () => {
    const { reference } = (await ask({ question: '¿Por qué tardan tanto en responder de noche? Vivo en 123 Calle Falsa.', language: 'es', email: 'rosa@example.org', contactConsent: true })).json();
    const list = async () => (await app.inject({ method: 'GET', url: `${api}/public/questions?agency=${agencySlug}` })).json();
    expect(await list()).toEqual([]);
    const queue = (await app.inject({ method: 'GET', url: `${api}/questions?status=received`, headers: as(command) })).json();
    expect(queue.find((q: { id: number }) => q.id === reference)).toMatchObject({ language: 'es', wantsReply: true });
    expect(JSON.stringify(queue)).not.toContain('rosa@example.org');

    const accepted = await app.inject({ method: 'POST', url: `${api}/questions/${reference}/moderation`, headers: as(command), payload: { action: 'accept' } });
    expect(accepted.json().status).toBe('accepted');
    expect(await list()).toEqual([]);
    const answer = await app.inject({
      method: 'POST', url: `${api}/questions/${reference}/moderation`, headers: as(command),
      payload: {
        action: 'answer',
        // The moderator removes the address before publication.
        publishedQuestion: { en: 'Why do night-time responses take so long?', es: '¿Por qué tardan tanto en responder de noche?' },
        answer: { en: 'Fewer officers work at night; two units move to nights next month.', es: 'De noche trabajan menos oficiales; dos unidades pasan al turno nocturno el próximo mes.' },
      },
    });
    expect(answer.statusCode).toBe(200);
    const published = await list();
    expect(published).toHaveLength(1);
    expect(published[0].question.es).toBe('¿Por qué tardan tanto en responder de noche?');
    expect(JSON.stringify(published)).not.toContain('Calle Falsa');

    const mail = (await readOutbox(db, 'board')).filter((m) => m.recipient === 'rosa@example.org');
    expect(mail.map((m) => m.subject)).toEqual(['Su pregunta al Jefe fue respondida']);
    expect(mail[0].body).toContain(`/board/questions#question-${reference}`);
    const [row] = await db.query('SELECT email, contact_consent FROM board_questions WHERE id = $1', [reference]);
    expect(row).toEqual({ email: null, contact_consent: false });
    const again = await app.inject({ method: 'POST', url: `${api}/questions/${reference}/moderation`, headers: as(command), payload: { action: 'decline', note: 'changed my mind' } });
    expect(again.statusCode).toBe(409);
  });

  it('declines with a reason for the record and erases the e-mail', async () => {
    const { reference } = (await ask({ question: 'This is an off-topic advertisement for my shop.', email: 'spam@example.org', contactConsent: true })).json();
    const noReason = await app.inject({ method: 'POST', url: `${api}/questions/${reference}/moderation`, headers: as(command), payload: { action: 'decline' } });
    expect(noReason.json().error.message).toContain('body.note');
    await app.inject({ method: 'POST', url: `${api}/questions/${reference}/moderation`, headers: as(command), payload: { action: 'decline', note: 'Advertising' } });
    const [row] = await db.query('SELECT status, email FROM board_questions WHERE id = $1', [reference]);
    expect(row).toEqual({ status: 'declined', email: null });
  });

  it('reports stats', async () => {
    const { board } = await import('./index.js');
    const stats = Object.fromEntries((await board.stats!(db)).map((s) => [s.key, s.value]));
    expect(stats).toMatchObject({ seats: 3, filledSeats: 2, meetingsHeld: 1, attendanceRate: 50, questionsAnswered: 1, questionsReceived: 3 });
  });
});

describe('demo board', () => {
  it('seeds 24 seats with members, a vision and mission, and answered questions, all marked demo', async () => {
    const slug = `philadelphia-demo-${process.pid}`;
    const agencyId = await insertAgency(db, { slug });
    const { board } = await import('./index.js');
    await board.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    await board.seedDemo!({ db, agencies: { 'philadelphia-pd': agencyId }, users: {} });
    const view = (await app.inject({ method: 'GET', url: `${api}/public/board?agency=${slug}` })).json();
    expect(view).toMatchObject({ seatCount: 24, isDemo: true, answeredQuestions: 3 });
    expect(view.filledSeats).toBeGreaterThan(15);
    expect(view.name.en).toMatch(/^Demo:/);
    const questions = (await app.inject({ method: 'GET', url: `${api}/public/questions?agency=${slug}` })).json();
    expect(questions.every((q: { isDemo: boolean; question: { en: string } }) => q.isDemo && q.question.en.startsWith('Demo:'))).toBe(true);
  });
});
