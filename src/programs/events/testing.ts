/** Helpers for the events program's tests: a valid event body and creating one through the API. */
import type { FastifyInstance } from 'fastify';
import type { TestStaff } from '../../testing/fixtures.js';

const HOUR = 3_600_000;

export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR);
  return {
    typeId: 1,
    title: { en: 'Coffee with a Cop, Fishtown', es: 'Café con un policía, Fishtown' },
    description: { en: 'Coffee; questions, answers.', es: 'Café; preguntas y respuestas.' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    placeName: 'Fishtown Library',
    address: '1217 E Montgomery Ave, Philadelphia, PA 19125',
    lon: -75.13, lat: 39.9727,
    accessibility: { en: 'Step-free entrance', es: 'Entrada sin escalones' },
    languages: ['en', 'es'],
    status: 'published',
    ...overrides,
  };
}

/** Creates an event through the staff API and returns its id (fails the test on any other answer). */
export async function createEventVia(app: FastifyInstance, staff: TestStaff, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await app.inject({ method: 'POST', url: '/api/programs/events', headers: { cookie: staff.cookie }, payload: eventBody(overrides) });
  if (res.statusCode !== 201) throw new Error(`create event answered ${res.statusCode}: ${res.body}`);
  return res.json<{ id: number }>().id;
}

export async function rsvpVia(app: FastifyInstance, eventId: number, body: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url: `/api/programs/events/public/events/${eventId}/rsvps`, payload: body });
}
