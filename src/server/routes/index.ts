import type { FastifyInstance } from 'fastify';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { healthRoutes } from './health.js';
import { authRoutes } from '../auth/routes.js';
import { adminRoutes } from './admin.js';
import { metaRoutes } from './meta.js';
import { incidentRoutes } from './incidents.js';
import { areaRoutes } from './areas.js';
import { auditRoutes } from './audit.js';
import { importRoutes } from './imports.js';
import { analysisRoutes } from './analysis.js';
import { publicDataRoutes } from './public-data.js';

/** Core API routes; each file owns one resource. */
export async function coreRoutes(app: FastifyInstance, ctx: ProgramRouteContext) {
  await app.register(healthRoutes, ctx);
  await app.register(authRoutes, ctx);
  await app.register(adminRoutes, ctx);
  await app.register(metaRoutes, ctx);
  await app.register(incidentRoutes, ctx);
  await app.register(areaRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await app.register(importRoutes, ctx);
  await app.register(analysisRoutes, ctx);
  await app.register(publicDataRoutes, ctx);
  await app.register((await import('../../core/realtime/routes.js')).realtimeRoutes, ctx);
  await app.register((await import('./incidents-write.js')).incidentWriteRoutes, ctx);
}
