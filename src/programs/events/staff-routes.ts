import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import type { Actor } from '../../core/people/permissions.js';
import { listRsvps, setCheckIn, setWalkIns, surveySummary } from './attendance.js';
import { createEvent, createEventType, getAgencyEvent, listAgencyEvents, listEventTypes, updateEvent } from './service.js';
import {
  checkInInput, eventInput, eventPatch, eventTypeView, staffEventView, staffRsvpView, surveySummary as surveySummarySchema, typeInput, walkInsInput,
} from './validation.js';

export const EVENTS_MANAGE = 'events:manage';
const idParams = z.object({ id: z.coerce.number().int().positive() });
const auditActor = (actor: Actor) => ({ ...actorForAudit(actor), userId: actor.userId, agencyId: actor.agencyId });

/** Staff side (events:manage), always scoped to the staff member's own agency. */
export async function staffEventRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const manage = ctx.requirePermission(EVENTS_MANAGE);
  const tags = ['events'];

  app.get('/types', { preHandler: manage, schema: { tags, summary: 'Event types the agency can use', response: { 200: z.array(eventTypeView) } } },
    async (request) => listEventTypes(ctx.db, request.actor!.agencyId));

  app.post('/types', { preHandler: manage, schema: { tags, summary: 'Add an event type for the agency', body: typeInput, response: { 201: eventTypeView } } },
    async (request, reply) => reply.status(201).send(await createEventType(ctx.db, auditActor(request.actor!), request.body)));

  app.get('/', {
    preHandler: manage,
    schema: { tags, summary: "The agency's events, newest first", querystring: z.object({ program: z.string().max(40).optional() }), response: { 200: z.array(staffEventView) } },
  }, async (request) => listAgencyEvents(ctx.db, request.actor!.agencyId, request.query));

  app.post('/', { preHandler: manage, schema: { tags, summary: 'Create an event', body: eventInput, response: { 201: staffEventView } } },
    async (request, reply) => reply.status(201).send(await createEvent(ctx.db, auditActor(request.actor!), request.body)));

  app.get('/:id', { preHandler: manage, schema: { tags, summary: 'One event with its counts', params: idParams, response: { 200: staffEventView } } },
    async (request) => getAgencyEvent(ctx.db, request.actor!.agencyId, request.params.id));

  app.patch('/:id', {
    preHandler: manage,
    schema: { tags, summary: 'Change, publish or cancel an event', params: idParams, body: eventPatch, response: { 200: staffEventView } },
  }, async (request) => updateEvent(ctx.db, auditActor(request.actor!), request.params.id, request.body));

  app.get('/:id/rsvps', {
    preHandler: manage, schema: { tags, summary: 'Check-in list (names given; never contact details)', params: idParams, response: { 200: z.array(staffRsvpView) } },
  }, async (request) => listRsvps(ctx.db, auditActor(request.actor!), request.params.id));

  app.post('/:id/rsvps/:rsvpId/check-in', {
    preHandler: manage,
    schema: { tags, summary: 'Check a party in (or undo)', params: idParams.extend({ rsvpId: z.coerce.number().int().positive() }), body: checkInInput, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setCheckIn(ctx.db, auditActor(request.actor!), request.params.id, request.params.rsvpId, request.body.checkedIn);
    return reply.status(204).send(null);
  });

  app.put('/:id/walk-ins', {
    preHandler: manage, schema: { tags, summary: 'People who came without an RSVP', params: idParams, body: walkInsInput, response: { 204: z.null() } },
  }, async (request, reply) => {
    await setWalkIns(ctx.db, auditActor(request.actor!), request.params.id, request.body.walkIns);
    return reply.status(204).send(null);
  });

  app.get('/:id/survey', { preHandler: manage, schema: { tags, summary: 'Survey results', params: idParams, response: { 200: surveySummarySchema } } },
    async (request) => surveySummary(ctx.db, request.actor!.agencyId, request.params.id));
}
