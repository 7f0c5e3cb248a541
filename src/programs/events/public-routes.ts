import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { languageField, templateLanguage } from '../../core/languages.js';
import { createSenders, loadMessagingConfig, publicUrlOr } from '../../core/messaging/index.js';
import { submitSurvey } from './attendance.js';
import { buildCalendar, feedEvents, type FeedFilter } from './calendar.js';
import { sendConfirmation } from './notifications.js';
import { eventsCsv, eventsGeoJson, listOpenDataEvents } from './open-data.js';
import { getPublicEvent, listPublicEvents } from './public-service.js';
import { cancelRsvp, createRsvp, lookupRsvp } from './rsvp.js';
import { listEventTypes } from './service.js';
import { eventTypeView, publicEventView, rsvpInput, rsvpLookup, rsvpReceipt, surveyInput, tokenInput } from './validation.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const code = z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/);
const listQuery = z.object({
  type: code.optional(), program: code.optional(), agency: z.string().max(60).optional(),
  past: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).optional(),
});
// Any site language is accepted; the feed's own labels exist in English and Spanish, others read English.
const feedQuery = z.object({ lang: languageField().default('en').transform((code) => templateLanguage(code, FEED_LANGUAGES)) });
// Counted per address in memory only; nothing about the address is stored.
const limit = (max: number) => ({ rateLimit: { max, timeWindow: 10 * 60_000 } });
// An RSVP answer carries a private token: no cache may keep it.
const NO_STORE = { 'cache-control': 'no-store' };

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const FEED_LANGUAGES = ['en', 'es'] as const;
type Lang = typeof FEED_LANGUAGES[number];
// Calendar names of the programs that host events here; other ids show as they are.
const PROGRAM_NAMES: Record<string, Record<Lang, string>> = {
  events: { en: 'Events', es: 'Eventos' },
  board: { en: 'Community Advisory Board', es: 'Junta Asesora Comunitaria' },
  watch: { en: 'Neighborhood watch', es: 'Vigilancia vecinal' },
};

/** The resident side, no account: upcoming events, RSVP and cancel, the survey, and calendar feeds. */
export async function publicEventRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['events (public)'];
  const messaging = loadMessagingConfig();

  app.get('/public/types', { schema: { tags, summary: 'Kinds of event (for the filter)', response: { 200: z.array(eventTypeView) } } },
    async () => (await listEventTypes(ctx.db, null)));

  app.get('/public/events', { schema: { tags, summary: 'Upcoming (or past) events', querystring: listQuery, response: { 200: z.array(publicEventView) } } },
    async (request) => listPublicEvents(ctx.db, { ...request.query, past: request.query.past === 'true' }));

  // Open data: every published or cancelled event, upcoming and past, with its venue (no RSVP data).
  app.get('/public/events.csv', { schema: { tags, summary: 'Open data: every public event, upcoming and past, with its venue (CSV)' } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300')
      .header('content-disposition', 'attachment; filename="events.csv"').type('text/csv; charset=utf-8')
      .send(eventsCsv(await listOpenDataEvents(ctx.db))));
  app.get('/public/events.geojson', { schema: { tags, summary: 'Open data: every public event with a venue position, upcoming and past (GeoJSON)' } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300')
      .header('content-disposition', 'attachment; filename="events.geojson"').type('application/geo+json')
      .send(eventsGeoJson(await listOpenDataEvents(ctx.db))));

  app.get('/public/events/:id', { schema: { tags, summary: 'One event', params: idParams, response: { 200: publicEventView } } },
    async (request) => getPublicEvent(ctx.db, request.params.id));

  app.post('/public/events/:id/rsvps', {
    config: limit(30),
    schema: { tags, summary: 'RSVP without an account (confirmed or wait list)', params: idParams, body: rsvpInput, response: { 201: rsvpReceipt } },
  }, async (request, reply) => {
    const { rsvpId, ...receipt } = await createRsvp(ctx.db, request.params.id, request.body);
    // The confirmation carries the private cancel link, which only exists now. A failed send loses nothing:
    // the page shows the same link.
    await sendConfirmation(ctx.db, rsvpId, receipt.cancelToken, {
      senders: createSenders(messaging, ctx.db), publicUrl: publicUrlOr(messaging, origin(request)),
    }).catch((error: unknown) => request.log.warn({ err: String(error) }, 'RSVP confirmation not sent'));
    return reply.status(201).headers(NO_STORE).send(receipt);
  });

  app.post('/public/rsvps/lookup', {
    config: limit(60),
    schema: { tags, summary: 'The RSVP behind a private cancel link', body: tokenInput, response: { 200: rsvpLookup } },
  }, async (request, reply) => reply.headers(NO_STORE).send(await lookupRsvp(ctx.db, request.body.token)));

  app.post('/public/rsvps/cancel', {
    config: limit(60),
    schema: { tags, summary: 'Cancel an RSVP with its private token (frees the place for the wait list)', body: tokenInput,
      response: { 200: z.object({ eventId: z.number(), status: z.literal('cancelled') }) } },
  }, async (request, reply) => {
    const { eventId, status } = await cancelRsvp(ctx.db, request.body.token);
    return reply.headers(NO_STORE).send({ eventId, status });
  });

  app.post('/public/events/:id/survey', {
    config: limit(10),
    schema: { tags, summary: 'Anonymous follow-up survey: a rating and an optional comment', params: idParams, body: surveyInput, response: { 204: z.null() } },
  }, async (request, reply) => {
    await submitSurvey(ctx.db, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  const sendFeed = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, filter: FeedFilter, name: string, file: string) => {
    const body = buildCalendar(await feedEvents(ctx.db, filter), { baseUrl: publicUrlOr(messaging, origin(request)), lang, name });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${file}"`)
      .header('cache-control', 'public, max-age=900')
      .send(body);
  };
  const SITE: Record<Lang, string> = { en: 'Community events', es: 'Eventos comunitarios' };

  app.get('/calendar.ics', { schema: { tags, summary: 'iCalendar feed of every public event', querystring: feedQuery } },
    (request, reply) => sendFeed(request, reply, request.query.lang, {}, SITE[request.query.lang], 'events.ics'));

  app.get('/calendar/types/:code.ics', {
    schema: { tags, summary: 'iCalendar feed of one kind of event', params: z.object({ code }), querystring: feedQuery },
  }, async (request, reply) => {
    const [type] = (await listEventTypes(ctx.db, null)).filter((t) => t.code === request.params.code);
    const { lang } = request.query;
    const name = `${SITE[lang]}: ${type ? type.name[lang] ?? type.name.en : request.params.code}`;
    return sendFeed(request, reply, lang, { type: request.params.code }, name, `${request.params.code}.ics`);
  });

  app.get('/calendar/programs/:program.ics', {
    schema: { tags, summary: "iCalendar feed of one program's events (board, watch…)", params: z.object({ program: code }), querystring: feedQuery },
  }, (request, reply) => {
    const { lang } = request.query;
    return sendFeed(request, reply, lang, { program: request.params.program }, `${SITE[lang]}: ${PROGRAM_NAMES[request.params.program]?.[lang] ?? request.params.program}`, `${request.params.program}.ics`);
  });

  app.get('/calendar/events/:id.ics', {
    schema: { tags, summary: 'One event as an iCalendar file (add to calendar)', params: idParams, querystring: feedQuery },
  }, async (request, reply) => {
    const event = await getPublicEvent(ctx.db, request.params.id);
    const { lang } = request.query;
    return sendFeed(request, reply, lang, { eventId: event.id }, event.title[lang] ?? event.title.en, `event-${event.id}.ics`);
  });
}
