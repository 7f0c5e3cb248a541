import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';

/** Answers 200 once the database responds, 503 otherwise: load balancers and `npm start` wait on it. */
export async function healthRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: {
      tags: ['meta'],
      summary: 'Readiness: the database answers',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable') }) },
    },
  }, async (_request, reply) => {
    try {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' as const, database: ctx.db.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });
}
