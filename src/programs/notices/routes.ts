import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { createNotice, listAgencyNotices, listPublicNotices, updateNotice } from './service.js';
import { noticeInput, noticePatch, noticeView } from './validation.js';

/** Mounted at /api/programs/notices. */
export async function noticeRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const publish = ctx.requirePermission('notices:publish');
  const tags = ['notices'];

  app.get('/public', { schema: { tags, summary: 'Notices in effect now (public)', response: { 200: z.array(noticeView) } } },
    async () => listPublicNotices(ctx.db));

  app.get('/', { preHandler: publish, schema: { tags, summary: "All of the agency's notices", response: { 200: z.array(noticeView) } } },
    async (request) => listAgencyNotices(ctx.db, request.actor!.agencyId));

  app.post('/', { preHandler: publish, schema: { tags, summary: 'Create a notice', body: noticeInput, response: { 201: noticeView } } },
    async (request, reply) => {
      const actor = request.actor!;
      const notice = await createNotice(ctx.db, actor.agencyId, request.body, { ...actorForAudit(actor), userId: actor.userId });
      return reply.status(201).send(notice);
    });

  app.patch('/:id', {
    preHandler: publish,
    schema: { tags, summary: 'Change, publish or withdraw a notice', params: z.object({ id: z.coerce.number().int().positive() }), body: noticePatch, response: { 200: noticeView } },
  }, async (request) => updateNotice(ctx.db, request.actor!.agencyId, request.params.id, request.body, actorForAudit(request.actor!)));
}
