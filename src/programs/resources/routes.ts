import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import type { Actor } from '../../core/people/permissions.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { createService, listAgencyServices, listNeeds, searchServices, servicesCsv, servicesGeoJson, setServiceActive } from './directory.js';
import { listReferrals, recordReferral, referralStats, updateTakenUp } from './referrals.js';
import { directoryQuery, idParams, referralInput, referralPatch, referralQuery, serviceInput, servicePatch } from './validation.js';

/**
 * Mounted at /api/programs/resources. Public: the needs and the directory search (also as open data).
 * Staff: the directory (resources:manage) and referrals with their statistics (resources:refer), per agency.
 */
export async function resourceRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const manage = ctx.requirePermission('resources:manage');
  const refer = ctx.requirePermission('resources:refer');
  const tags = ['resources'];
  // Staff routes run after the guard, so the actor is there: it names the agency scope and the audit actor.
  const staff = (request: { actor?: Actor | null }) => {
    const actor = request.actor!;
    return { agencyId: actor.agencyId, audit: { ...actorForAudit(actor), userId: actor.userId } };
  };

  app.get('/public/needs', { schema: { tags, summary: 'Needs a service can meet (public)' } }, async () => listNeeds(ctx.db));

  app.get('/public/services', {
    schema: { tags, summary: 'Search the directory by need, language, area and keyword (public; JSON, CSV or GeoJSON)', querystring: directoryQuery },
  }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const services = await searchServices(ctx.db, filter);
    reply.header('cache-control', 'public, max-age=300');
    if (format === 'csv') {
      return reply.header('content-disposition', 'attachment; filename="resource-directory.csv"').type('text/csv; charset=utf-8').send(servicesCsv(services));
    }
    if (format === 'geojson') return reply.type('application/geo+json').send(servicesGeoJson(services));
    return services;
  });

  app.get('/services', { preHandler: manage, schema: { tags, summary: "The services your agency listed, including unlisted ones" } },
    async (request) => listAgencyServices(ctx.db, staff(request).agencyId));
  app.post('/services', { preHandler: manage, schema: { tags, summary: 'List a service', body: serviceInput } },
    async (request, reply) => reply.status(201).send(await createService(ctx.db, staff(request).agencyId, request.body, staff(request).audit)));
  app.patch('/services/:id', { preHandler: manage, schema: { tags, summary: 'List or unlist a service', params: idParams, body: servicePatch } },
    async (request) => setServiceActive(ctx.db, staff(request).agencyId, request.params.id, request.body.active, staff(request).audit));

  app.get('/referrals', { preHandler: refer, schema: { tags, summary: "Your agency's referrals, newest first", querystring: referralQuery } },
    async (request) => listReferrals(ctx.db, staff(request).agencyId, request.query));
  app.get('/referrals/stats', { preHandler: refer, schema: { tags, summary: 'Referrals and take-up by need and service', querystring: referralQuery } },
    async (request) => referralStats(ctx.db, staff(request).agencyId, request.query));
  app.post('/referrals', {
    preHandler: refer,
    schema: { tags, summary: 'Record a referral (other programs pass sourceProgram and sourceRef)', body: referralInput },
  }, async (request, reply) => reply.status(201).send(await recordReferral(ctx.db, staff(request).agencyId, request.body, staff(request).audit)));
  app.patch('/referrals/:id', { preHandler: refer, schema: { tags, summary: 'Record whether a referral was taken up', params: idParams, body: referralPatch } },
    async (request) => updateTakenUp(ctx.db, staff(request).agencyId, request.params.id, request.body.takenUp, staff(request).audit));
}
