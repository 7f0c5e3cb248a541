import type { FastifyInstance } from 'fastify';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicBoardRoutes } from './public-routes.js';
import { staffBoardRoutes } from './staff-routes.js';

/** Mounted at /api/programs/board: public routes under /public, staff routes at the root. */
export async function boardRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  await publicBoardRoutes(app, ctx);
  await staffBoardRoutes(app, ctx);
}
