import type { FastifyInstance } from 'fastify';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicWatchRoutes } from './public-routes.js';
import { staffWatchRoutes } from './staff-routes.js';

/** Mounted at /api/programs/watch: public routes under /public, staff routes at the root. */
export async function watchRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  await publicWatchRoutes(app, ctx);
  await staffWatchRoutes(app, ctx);
}
