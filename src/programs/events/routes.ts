import type { FastifyInstance } from 'fastify';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicEventRoutes } from './public-routes.js';
import { staffEventRoutes } from './staff-routes.js';

/** Mounted at /api/programs/events: public routes under /public and /calendar…, staff routes at the root. */
export async function eventRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  await publicEventRoutes(app, ctx);
  await staffEventRoutes(app, ctx);
}
