import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import type { Actor } from '../../core/people/permissions.js';
import { createSenders, loadMessagingConfig, publicUrlOr } from '../../core/messaging/index.js';
import { createMeeting, listMeetings, recordAttendance, staffMeeting, updateMeeting } from './meetings.js';
import { getProfile, saveProfile } from './profile.js';
import { moderateQuestion, notifyAsker, staffQuestions } from './questions.js';
import { addTerm, createSeat, staffSeats, updateSeat, updateTerm } from './seats.js';
import {
  attendanceInput, meetingInput, meetingPatch, meetingSummary, moderationInput, profileInput, questionStatus, seatInput, seatPatch,
  staffMeetingView, staffQuestionView, staffSeatView, termInput, termPatch,
} from './validation.js';

export const BOARD_MANAGE = 'board:manage';
const idParams = z.object({ id: z.coerce.number().int().positive() });
const auditActor = (actor: Actor) => ({ ...actorForAudit(actor), userId: actor.userId, agencyId: actor.agencyId });
const done = z.null();

/** Staff side (board:manage), scoped to the staff member's agency. */
export async function staffBoardRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const manage = ctx.requirePermission(BOARD_MANAGE);
  const tags = ['board'];
  const messaging = loadMessagingConfig();

  app.get('/profile', { preHandler: manage, schema: { tags, summary: "The board's name, vision, mission", response: { 200: profileInput.nullable() } } },
    async (request) => getProfile(ctx.db, request.actor!.agencyId));
  app.put('/profile', { preHandler: manage, schema: { tags, summary: 'Save the name, vision and mission (both languages)', body: profileInput, response: { 200: profileInput } } },
    async (request) => saveProfile(ctx.db, auditActor(request.actor!), request.body));

  app.get('/seats', { preHandler: manage, schema: { tags, summary: 'Seats with every term', response: { 200: z.array(staffSeatView) } } },
    async (request) => staffSeats(ctx.db, request.actor!.agencyId));
  app.post('/seats', { preHandler: manage, schema: { tags, summary: 'Add a seat', body: seatInput, response: { 204: done } } },
    async (request, reply) => { await createSeat(ctx.db, auditActor(request.actor!), request.body); return reply.status(204).send(null); });
  app.patch('/seats/:id', { preHandler: manage, schema: { tags, summary: 'Change or retire a seat', params: idParams, body: seatPatch, response: { 204: done } } },
    async (request, reply) => { await updateSeat(ctx.db, auditActor(request.actor!), request.params.id, request.body); return reply.status(204).send(null); });
  app.post('/seats/:id/terms', { preHandler: manage, schema: { tags, summary: 'Appoint a member to a seat for a term', params: idParams, body: termInput, response: { 204: done } } },
    async (request, reply) => { await addTerm(ctx.db, auditActor(request.actor!), request.params.id, request.body); return reply.status(204).send(null); });
  app.patch('/terms/:id', { preHandler: manage, schema: { tags, summary: 'Change a term or end it early', params: idParams, body: termPatch, response: { 204: done } } },
    async (request, reply) => { await updateTerm(ctx.db, auditActor(request.actor!), request.params.id, request.body); return reply.status(204).send(null); });

  app.get('/meetings', { preHandler: manage, schema: { tags, summary: 'Meetings, newest first', response: { 200: z.array(meetingSummary) } } },
    async (request) => listMeetings(ctx.db, request.actor!.agencyId));
  app.post('/meetings', { preHandler: manage, schema: { tags, summary: 'Add a meeting (link its event by id)', body: meetingInput, response: { 201: staffMeetingView } } },
    async (request, reply) => reply.status(201).send(await createMeeting(ctx.db, auditActor(request.actor!), request.body)));
  app.get('/meetings/:id', { preHandler: manage, schema: { tags, summary: 'One meeting with attendance by member', params: idParams, response: { 200: staffMeetingView } } },
    async (request) => staffMeeting(ctx.db, request.actor!.agencyId, request.params.id));
  app.patch('/meetings/:id', { preHandler: manage, schema: { tags, summary: 'Change a meeting, add minutes', params: idParams, body: meetingPatch, response: { 200: staffMeetingView } } },
    async (request) => updateMeeting(ctx.db, auditActor(request.actor!), request.params.id, request.body));
  app.put('/meetings/:id/attendance', { preHandler: manage, schema: { tags, summary: 'Record who was present (term ids)', params: idParams, body: attendanceInput, response: { 200: staffMeetingView } } },
    async (request) => recordAttendance(ctx.db, auditActor(request.actor!), request.params.id, request.body.present));

  app.get('/questions', {
    preHandler: manage, schema: { tags, summary: 'Questions to moderate and answer', querystring: z.object({ status: questionStatus.optional() }), response: { 200: z.array(staffQuestionView) } },
  }, async (request) => staffQuestions(ctx.db, request.actor!.agencyId, request.query.status));
  app.post('/questions/:id/moderation', {
    preHandler: manage, schema: { tags, summary: 'Accept, decline or answer a question', params: idParams, body: moderationInput, response: { 200: staffQuestionView } },
  }, async (request) => {
    const { question, notify } = await moderateQuestion(ctx.db, auditActor(request.actor!), request.params.id, request.body);
    if (notify) {
      const origin = `${request.protocol}://${request.host}`;
      await notifyAsker(ctx.db, createSenders(messaging, ctx.db), publicUrlOr(messaging, origin), notify)
        .catch((error: unknown) => request.log.warn({ err: String(error) }, 'board answer message not sent'));
    }
    return notify ? { ...question, wantsReply: false } : question;
  });
}
