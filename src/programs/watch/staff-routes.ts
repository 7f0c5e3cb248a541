import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import type { Actor } from '../../core/people/permissions.js';
import { createSenders, loadMessagingConfig, publicUrlOr } from '../../core/messaging/index.js';
import { listAlerts, sendAlert } from './alerts.js';
import { createGroup, findAgencyGroup, listAgencyGroups, updateGroup } from './groups.js';
import { addMeeting, removeMeeting } from './meetings.js';
import { listMembers, removeMember, setMemberRole } from './members.js';
import { notifyDecision } from './messages.js';
import { requestOrigin } from './public-routes.js';
import { decideRequest, listRequests } from './requests.js';
import {
  alertInput, alertView, decisionInput, groupInput, groupPatch, meetingInput, memberPatch, requestStatus, staffGroupView, staffMemberView, staffRequestView,
} from './validation.js';

export const WATCH_MANAGE = 'watch:manage';
const idParams = z.object({ id: z.coerce.number().int().positive() });
const auditActor = (actor: Actor) => ({ ...actorForAudit(actor), userId: actor.userId, agencyId: actor.agencyId });

/** Staff side (watch:manage), scoped to the staff member's agency. */
export async function staffWatchRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const manage = ctx.requirePermission(WATCH_MANAGE);
  const tags = ['watch'];
  const messaging = loadMessagingConfig();

  app.get('/groups', { preHandler: manage, schema: { tags, summary: "The agency's groups", response: { 200: z.array(staffGroupView) } } },
    async (request) => listAgencyGroups(ctx.db, request.actor!.agencyId));
  app.post('/groups', { preHandler: manage, schema: { tags, summary: 'Create a group with its boundary', body: groupInput, response: { 201: staffGroupView } } },
    async (request, reply) => reply.status(201).send(await createGroup(ctx.db, auditActor(request.actor!), request.body)));
  app.get('/groups/:id', { preHandler: manage, schema: { tags, summary: 'One group', params: idParams, response: { 200: staffGroupView } } },
    async (request) => findAgencyGroup(ctx.db, request.actor!.agencyId, request.params.id));
  app.patch('/groups/:id', { preHandler: manage, schema: { tags, summary: 'Change a group', params: idParams, body: groupPatch, response: { 200: staffGroupView } } },
    async (request) => updateGroup(ctx.db, auditActor(request.actor!), request.params.id, request.body));

  app.get('/groups/:id/members', { preHandler: manage, schema: { tags, summary: 'Members (names and channels, never addresses)', params: idParams, response: { 200: z.array(staffMemberView) } } },
    async (request) => listMembers(ctx.db, auditActor(request.actor!), request.params.id));
  const memberParams = idParams.extend({ memberId: z.coerce.number().int().positive() });
  app.patch('/groups/:id/members/:memberId', { preHandler: manage, schema: { tags, summary: 'Make a member captain (or not)', params: memberParams, body: memberPatch, response: { 204: z.null() } } },
    async (request, reply) => {
      await setMemberRole(ctx.db, auditActor(request.actor!), request.params.id, request.params.memberId, request.body.role);
      return reply.status(204).send(null);
    });
  app.delete('/groups/:id/members/:memberId', { preHandler: manage, schema: { tags, summary: 'Remove a member (contact erased)', params: memberParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeMember(ctx.db, auditActor(request.actor!), request.params.id, request.params.memberId);
      return reply.status(204).send(null);
    });

  app.post('/groups/:id/meetings', { preHandler: manage, schema: { tags, summary: 'Link an event (meeting or training) to the group', params: idParams, body: meetingInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await addMeeting(ctx.db, auditActor(request.actor!), request.params.id, request.body);
      return reply.status(204).send(null);
    });
  app.delete('/groups/:id/meetings/:eventId', {
    preHandler: manage, schema: { tags, summary: 'Unlink a meeting', params: idParams.extend({ eventId: z.coerce.number().int().positive() }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeMeeting(ctx.db, auditActor(request.actor!), request.params.id, request.params.eventId);
    return reply.status(204).send(null);
  });

  app.get('/groups/:id/alerts', { preHandler: manage, schema: { tags, summary: 'Alerts sent to the group', params: idParams, response: { 200: z.array(alertView) } } },
    async (request) => listAlerts(ctx.db, request.actor!.agencyId, request.params.id));
  app.post('/groups/:id/alerts', { preHandler: manage, schema: { tags, summary: "Send an alert to the group's members", params: idParams, body: alertInput, response: { 201: alertView } } },
    async (request, reply) => {
      const alert = await sendAlert(ctx.db, auditActor(request.actor!), request.params.id, request.body, createSenders(messaging, ctx.db), publicUrlOr(messaging, requestOrigin(request)));
      return reply.status(201).send(alert);
    });

  app.get('/requests', {
    preHandler: manage, schema: { tags, summary: 'Requests to join or start a group', querystring: z.object({ status: requestStatus.optional() }), response: { 200: z.array(staffRequestView) } },
  }, async (request) => listRequests(ctx.db, auditActor(request.actor!), request.query.status));
  app.post('/requests/:id/decision', {
    preHandler: manage, schema: { tags, summary: 'Approve or decline a request', params: idParams, body: decisionInput, response: { 200: z.object({ memberId: z.number().nullable() }) } },
  }, async (request) => {
    const { memberId, notify } = await decideRequest(ctx.db, auditActor(request.actor!), request.params.id, request.body);
    // After the commit; a failed message does not undo the decision.
    await notifyDecision(createSenders(messaging, ctx.db), publicUrlOr(messaging, requestOrigin(request)), notify)
      .catch((error: unknown) => request.log.warn({ err: String(error) }, 'watch decision message not sent'));
    return { memberId };
  });

  app.get('/neighborhoods', {
    preHandler: manage,
    schema: { tags, summary: "The agency's neighborhoods with outlines (to start a boundary from)", response: { 200: z.array(z.object({ id: z.number(), name: z.string(), geometry: z.any() })) } },
  }, async (request) => ctx.db.query("SELECT id, name, geometry FROM areas WHERE agency_id = $1 AND kind = 'neighborhood' ORDER BY name", [request.actor!.agencyId]));
}
