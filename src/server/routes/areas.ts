import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { AREA_KINDS, listAreasGeoJson } from '../../core/places/areas-query.js';

export async function areaRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get('/api/areas', {
    preHandler: ctx.requirePermission('incidents:read'),
    schema: { tags: ['areas'], summary: "The agency's areas as GeoJSON, with incident counts", querystring: z.object({ kind: z.enum(AREA_KINDS).optional() }) },
  }, async (request, reply) => {
    const json = await listAreasGeoJson(ctx.db, request.actor!.agencyId, request.query.kind);
    return reply.type('application/geo+json').send(json);
  });
}
