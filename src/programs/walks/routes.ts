import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { appendAudit } from '../../core/audit/audit.js';
import { CONCERNS, RESOURCES } from './codes.js';
import { aggregateImpact, walkImpact } from './impact.js';
import { openWalkByHand } from './open.js';
import { buildPacket } from './packet/content.js';
import { packetPdf } from './packet/pdf.js';
import { loadRules, saveRules } from './rules.js';
import { getWalk, listWalks, planWalk, setWalkStatus } from './service.js';
import { walkOutputs } from './stats.js';
import { createTask, listTasks, updateTask } from './tasks.js';
import { referralsFromVisits } from './referrals.js';
import { listVisits, recordTipHandover, syncVisits } from './visits.js';
import { idParam, impactQuery, listQuery, openInput, packetQuery, planInput, rulesInput, statusInput, taskInput, taskPatch, tipNumberInput, visitBatch } from './validation.js';

/** Mounted at /api/programs/walks. Reads need walks:read, changes walks:manage, the phone walks:field. */
export async function walkRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('walks:read');
  const manage = ctx.requirePermission('walks:manage');
  const field = ctx.requirePermission('walks:field');
  const configure = ctx.requirePermission('walks:configure');
  const tags = ['walks'];
  const a = (request: FastifyRequest) => actorForAudit(request.actor!);
  const portal = (request: FastifyRequest) => `${request.protocol}://${request.host}/`;

  app.get('/codes', { preHandler: field, schema: { tags, summary: 'Concern and resource codes with their labels' } },
    async () => ({ concerns: CONCERNS, resources: RESOURCES }));

  // For planning: the areas a walk may canvass instead of its circle (names only; the packet draws the shape).
  app.get('/areas', { preHandler: manage, schema: { tags, summary: "The agency's areas a walk can canvass (id, kind, name)" } },
    async (request) => (await ctx.db.query<{ id: number; kind: string; name: string }>(
      "SELECT id, kind, name FROM areas WHERE agency_id = $1 AND kind <> 'city' ORDER BY kind, name", [request.actor!.agencyId])).map((r) => ({ ...r, id: Number(r.id) })));

  // For follow-up tasks: the agency's active staff a task can be given to (names only).
  app.get('/staff', { preHandler: manage, schema: { tags, summary: "The agency's active staff, as task owners (id, name)" } },
    async (request) => (await ctx.db.query<{ id: number; name: string }>(
      "SELECT id, display_name AS name FROM users WHERE agency_id = $1 AND status = 'active' ORDER BY display_name", [request.actor!.agencyId])).map((r) => ({ ...r, id: Number(r.id) })));

  app.get('/rules', { preHandler: read, schema: { tags, summary: 'The rules that open walks' } },
    async (request) => loadRules(ctx.db, request.actor!.agencyId));
  app.put('/rules', { preHandler: configure, schema: { tags, summary: 'Change the rules that open walks', body: rulesInput } }, async (request) => {
    const actor = request.actor!;
    await ctx.db.transaction(async (tx) => {
      await saveRules(tx, actor.agencyId, request.body, actor.userId);
      await appendAudit(tx, { actor: a(request), action: 'walks.rules', targetType: 'agency', targetId: actor.agencyId, outcome: 'success', details: { ...request.body } });
    });
    return loadRules(ctx.db, actor.agencyId);
  });

  app.get('/', { preHandler: read, schema: { tags, summary: "The agency's walks", querystring: listQuery } },
    async (request) => listWalks(ctx.db, request.actor!.agencyId, request.query.status));
  app.post('/', { preHandler: manage, schema: { tags, summary: 'Open a walk by hand (for an incident or a place)', body: openInput } }, async (request, reply) => {
    const id = await openWalkByHand(ctx.db, request.actor!.agencyId, request.body, { ...a(request), userId: request.actor!.userId });
    return reply.status(201).send(await getWalk(ctx.db, request.actor!.agencyId, id));
  });
  app.get('/summary', { preHandler: read, schema: { tags, summary: 'Command view: walks on time, what they produce, and their impact', querystring: impactQuery } },
    async (request) => ({
      outputs: await walkOutputs(ctx.db, request.actor!.agencyId),
      impact: await aggregateImpact(ctx.db, request.actor!.agencyId, request.query.days),
    }));
  app.get('/tasks', { preHandler: read, schema: { tags, summary: "The agency's open follow-up tasks" } },
    async (request) => listTasks(ctx.db, request.actor!.agencyId, null));

  app.get('/:id', { preHandler: read, schema: { tags, summary: 'One walk with its team and timeline', params: idParam } },
    async (request) => getWalk(ctx.db, request.actor!.agencyId, request.params.id));
  // What the phone needs, for partners too: where, how far, who; nothing of what residents said.
  app.get('/:id/field', { preHandler: field, schema: { tags, summary: 'The walk as the field page needs it', params: idParam } }, async (request) => {
    const w = await getWalk(ctx.db, request.actor!.agencyId, request.params.id);
    return { id: w.id, title: w.title, status: w.status, lon: w.lon, lat: w.lat, radiusM: w.radiusM, hundredBlock: w.hundredBlock, scheduledFor: w.scheduledFor, meetingPoint: w.meetingPoint, team: w.team, isDemo: w.isDemo };
  });
  app.patch('/:id/plan', { preHandler: manage, schema: { tags, summary: 'Plan a walk: date, meeting point, team, canvass, talking points', params: idParam, body: planInput } },
    async (request) => planWalk(ctx.db, request.actor!.agencyId, request.params.id, request.body, a(request)));
  app.post('/:id/status', { preHandler: manage, schema: { tags, summary: 'Start, complete, cancel or reopen a walk', params: idParam, body: statusInput } },
    async (request) => setWalkStatus(ctx.db, request.actor!.agencyId, request.params.id, request.body.status, request.body.note, a(request)));

  app.get('/:id/packet', { preHandler: read, schema: { tags, summary: 'The walk packet as data (for the print page)', params: idParam, querystring: packetQuery } },
    async (request) => buildPacket(ctx.db, request.actor!.agencyId, request.params.id, request.query.lang, portal(request)));
  app.get('/:id/packet.pdf', { preHandler: read, schema: { tags, summary: 'The walk packet as a PDF', params: idParam, querystring: packetQuery } }, async (request, reply) => {
    const pdf = await packetPdf(await buildPacket(ctx.db, request.actor!.agencyId, request.params.id, request.query.lang, portal(request)));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="walk-${request.params.id}-${request.query.lang}.pdf"`).send(pdf);
  });

  app.post('/:id/visits', { preHandler: field, schema: { tags, summary: 'Send door visits from a phone (idempotent by visit id)', params: idParam, body: visitBatch } },
    async (request) => {
      const actor = request.actor!;
      const result = await syncVisits(ctx.db, actor.agencyId, request.params.id, request.body.visits, { ...a(request), userId: actor.userId });
      // After the commit: a services directory, if installed, records the resources given as referrals (idempotent).
      const given = await referralsFromVisits(ctx.db, actor.agencyId, request.params.id, result.stored, { userId: actor.userId, label: a(request).label });
      if (given) await ctx.events.publish('referrals.given', given, { db: ctx.db });
      return result;
    });
  app.get('/:id/visits', { preHandler: read, schema: { tags, summary: "The walk's visits (contacts only with walks:manage)", params: idParam } },
    async (request) => listVisits(ctx.db, request.actor!.agencyId, request.params.id, request.actor!.permissions.has('walks:manage')));
  app.put('/visits/:visitId/tip', {
    preHandler: field, schema: { tags, summary: "Record the tips program's number for a tip taken at a door", params: z.object({ visitId: z.uuid() }), body: tipNumberInput },
  }, async (request, reply) => {
    await recordTipHandover(ctx.db, request.actor!.agencyId, request.params.visitId, request.body.tipNumber, a(request));
    return reply.status(204).send();
  });

  app.get('/:id/impact', { preHandler: read, schema: { tags, summary: 'Incidents and tips in the canvass area before and after, against the city', params: idParam, querystring: impactQuery } },
    async (request) => walkImpact(ctx.db, request.actor!.agencyId, request.params.id, request.query.days));

  app.get('/:id/tasks', { preHandler: read, schema: { tags, summary: "The walk's follow-up tasks", params: idParam } },
    async (request) => listTasks(ctx.db, request.actor!.agencyId, request.params.id));
  app.post('/:id/tasks', { preHandler: manage, schema: { tags, summary: 'Create a follow-up task from a concern', params: idParam, body: taskInput } }, async (request, reply) =>
    reply.status(201).send(await createTask(ctx.db, request.actor!.agencyId, request.params.id, request.body, { ...a(request), userId: request.actor!.userId })));
  app.patch('/tasks/:id', { preHandler: manage, schema: { tags, summary: 'Complete, reassign or reschedule a task', params: idParam, body: taskPatch } },
    async (request) => updateTask(ctx.db, request.actor!.agencyId, request.params.id, request.body, a(request)));
}
