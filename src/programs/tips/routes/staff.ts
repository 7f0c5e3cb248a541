import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProgramRouteContext } from '../../../core/program/define.js';
import { readAttachment } from '../attachments.js';
import type { TipsContext } from '../context.js';
import { tipDashboard, tipMap } from '../staff/dashboard.js';
import { readTip } from '../staff/detail.js';
import { endSmsConversation, expireQuietConversations, messageTipster } from '../staff/messages.js';
import { tipsMeta } from '../staff/meta.js';
import { listQueue } from '../staff/queue.js';
import { decideReward, listRewards, payReward, proposeReward } from '../staff/rewards.js';
import { staffActor, tipAccess } from '../staff/scope.js';
import * as s from '../staff/schemas.js';
import { addNote, assignTip, changeState, flagTip, forwardTip, routeTip, setPriority } from '../staff/triage.js';

/**
 * The staff side, mounted at /api/programs/tips. Every route names its permission; every query is scoped to
 * the actor's agency (plus tips forwarded to it, read-only); every read of a tip and every change is audited.
 */
export async function staffTipRoutes(scope: FastifyInstance, ctx: TipsContext, guard: ProgramRouteContext['requirePermission']) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['tips (staff)'];
  const read = guard('tips:read');
  const triage = guard('tips:triage');
  const staff = (request: { actor: Parameters<typeof staffActor>[0] | null }) => staffActor(request.actor!);

  app.get('/meta', { preHandler: read, schema: { tags, summary: 'States, transitions, outcomes, units, agencies and handlers' } },
    async (request) => tipsMeta(ctx.db, staff(request)));

  app.get('/tips', { preHandler: read, schema: { tags, summary: 'The triage queue (audited)', querystring: s.queueQuery } },
    async (request) => {
      await expireQuietConversations(ctx.db, ctx.settings.smsRelayDays);
      const { unit, mine, ...rest } = request.query;
      return listQueue(ctx, staff(request), { ...rest, unitId: unit, mine: Boolean(mine) });
    });

  app.get('/tips/:id', { preHandler: read, schema: { tags, summary: 'One tip with its timeline (audited)', params: s.tipIdParams } },
    async (request) => readTip(ctx, staff(request), request.params.id));

  app.get('/tips/:id/files/:fileId', { preHandler: read, schema: { tags, summary: 'A file the tipster sent (audited)', params: s.fileParams } },
    async (request, reply) => {
      const actor = staff(request);
      await tipAccess(ctx.db, actor, request.params.id);
      const file = await readAttachment(ctx, request.params.id, request.params.fileId, actor.audit);
      return reply.headers({ 'content-type': file.mime, 'cache-control': 'no-store', 'content-disposition': 'attachment', 'x-content-type-options': 'nosniff' }).send(file.bytes);
    });

  app.post('/tips/:id/state', { preHandler: triage, schema: { tags, summary: 'Move along the workflow', params: s.tipIdParams, body: s.stateInput } },
    async (request) => changeState(ctx, staff(request), request.params.id, request.body));
  app.post('/tips/:id/priority', { preHandler: triage, schema: { tags, summary: 'Set the priority', params: s.tipIdParams, body: s.priorityInput } },
    async (request) => setPriority(ctx, staff(request), request.params.id, request.body.priority));
  app.post('/tips/:id/assign', { preHandler: triage, schema: { tags, summary: 'Assign a handler', params: s.tipIdParams, body: s.assignInput } },
    async (request) => assignTip(ctx, staff(request), request.params.id, request.body.userId));
  app.post('/tips/:id/route', { preHandler: triage, schema: { tags, summary: 'Route to a primary unit and info-only copies', params: s.tipIdParams, body: s.routeInput } },
    async (request) => routeTip(ctx, staff(request), request.params.id, request.body));
  app.post('/tips/:id/forward', { preHandler: triage, schema: { tags, summary: 'Forward to a partner agency', params: s.tipIdParams, body: s.forwardInput } },
    async (request) => forwardTip(ctx, staff(request), request.params.id, request.body));
  app.post('/tips/:id/flags', { preHandler: triage, schema: { tags, summary: 'Mark as duplicate or prank', params: s.tipIdParams, body: s.flagInput } },
    async (request) => flagTip(ctx, staff(request), request.params.id, request.body));
  app.post('/tips/:id/notes', { preHandler: triage, schema: { tags, summary: 'Internal note', params: s.tipIdParams, body: s.noteInput } },
    async (request) => addNote(ctx, staff(request), request.params.id, request.body.body));
  app.post('/tips/:id/messages', { preHandler: triage, schema: { tags, summary: 'Message the tipster (web follow-up or text)', params: s.tipIdParams, body: s.messageInput } },
    async (request) => messageTipster(ctx, staff(request), request.params.id, request.body));
  app.post('/tips/:id/sms/end', { preHandler: triage, schema: { tags, summary: 'End the text conversation and erase the relay', params: s.tipIdParams } },
    async (request) => endSmsConversation(ctx, staff(request), request.params.id));

  app.post('/tips/:id/rewards', { preHandler: guard('tips:reward_propose'), schema: { tags, summary: 'Propose a reward', params: s.tipIdParams, body: s.proposeInput } },
    async (request, reply) => reply.status(201).send(await proposeReward(ctx, staff(request), request.params.id, request.body)));
  app.get('/rewards', { preHandler: guard('tips:reward_approve'), schema: { tags, summary: 'The reward board (audited)', querystring: s.rewardsQuery } },
    async (request) => listRewards(ctx, staff(request), request.query.status));
  app.post('/rewards/:rewardId/decision', { preHandler: guard('tips:reward_approve'), schema: { tags, summary: 'Approve or reject a reward', params: s.rewardParams, body: s.decisionInput } },
    async (request) => {
      const { entryId: _entryId, ...decision } = await decideReward(ctx, staff(request), request.params.rewardId, request.body);
      return decision;
    });
  app.post('/rewards/pay', { preHandler: guard('tips:reward_pay'), schema: { tags, summary: 'Record a payout by tip number and collection code', body: s.payInput } },
    async (request) => payReward(ctx, staff(request), request.body));

  const dashboard = guard('tips:dashboard');
  app.get('/dashboard', { preHandler: dashboard, schema: { tags, summary: 'Tips per week, area, category; response time; outcomes', querystring: s.rangeQuery } },
    async (request) => tipDashboard(ctx, staff(request), s.resolveRange(request.query)));
  app.get('/map', { preHandler: dashboard, schema: { tags, summary: 'Tip locations (staff only; audited)', querystring: s.rangeQuery } },
    async (request) => tipMap(ctx, staff(request), s.resolveRange(request.query)));
}
