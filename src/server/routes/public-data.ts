/**
 * The public data API (no account): masked incidents, trends, program results, area outlines and the
 * open-data catalogue. Everything here is built by src/core/public, which never returns an incident's
 * own position; this file only parses parameters and picks the format.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { programs } from '../../programs/registry.js';
import {
  collectResults, coreDatasets, listPublicAgencies, listPublicAreas, programOpenData, publicAgencyView, publicIncidents,
  publicTrends, resolveDays, resolvePublicAgency, resultsCsv, toFeatureCollection, toIncidentCsv, trendsCsv,
} from '../../core/public/index.js';
import {
  openDataView, programResultsView, publicAgencyView as agencySchema, publicAreaQuery, publicIncidentQuery, publicResultsQuery,
  publicTrendQuery, trendsView,
} from '../../core/public/validation.js';

// Aggregations cost more than a page of notices; a resident clicking through filters stays far below this.
const HEAVY = { rateLimit: { max: 120, timeWindow: 60_000 } };
// The same for everyone and changing only with imports: browsers and proxies may keep it a few minutes.
const CACHEABLE = 'public, max-age=300';

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply.header('cache-control', CACHEABLE).header('content-disposition', `attachment; filename="${name}.csv"`)
    .type('text/csv; charset=utf-8').send(body);
}

export async function publicDataRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['public data'];

  app.get('/api/public/agencies', {
    schema: { tags, summary: 'Police agencies and the span of their published records', response: { 200: z.array(agencySchema) } },
  }, async (_request, reply) => reply.header('cache-control', CACHEABLE).send((await listPublicAgencies(ctx.db)).map(publicAgencyView)));

  app.get('/api/public/areas', {
    config: HEAVY,
    schema: { tags, summary: 'Neighborhood or district outlines of an agency (GeoJSON)', querystring: publicAreaQuery },
  }, async (request, reply) => {
    const agency = await resolvePublicAgency(ctx.db, request.query.agency);
    const areas = await listPublicAreas(ctx.db, agency.id, request.query.kind);
    return reply.header('cache-control', CACHEABLE).type('application/geo+json').send({
      type: 'FeatureCollection',
      features: areas.map((a) => ({ type: 'Feature', id: a.id, geometry: a.geometry, properties: { id: a.id, kind: a.kind, name: a.name, labelPoint: a.labelPoint } })),
    });
  });

  app.get('/api/public/incidents', {
    config: HEAVY,
    schema: {
      tags, querystring: publicIncidentQuery,
      summary: 'Reported incidents, masked: counts per ~150 m grid cell; sensitive categories only per neighborhood (GeoJSON or CSV)',
    },
  }, async (request, reply) => {
    const { agency: slug, from, to, category, area, format } = request.query;
    const agency = await resolvePublicAgency(ctx.db, slug);
    const days = resolveDays(agency, from, to);
    const data = await publicIncidents(ctx.db, { agency, days, categories: category, areaId: area });
    if (format === 'csv') return sendCsv(reply, `incidents-${agency.slug}-${days.from}-${days.to}`, toIncidentCsv(data));
    return reply.header('cache-control', CACHEABLE).type('application/geo+json').send(toFeatureCollection(data));
  });

  app.get('/api/public/trends', {
    config: HEAVY,
    schema: { tags, summary: 'Weekly counts by category, this year against last year (no locations)', querystring: publicTrendQuery },
  }, async (request, reply) => {
    const agency = await resolvePublicAgency(ctx.db, request.query.agency);
    const trends = await publicTrends(ctx.db, { agency, categories: request.query.category, areaId: request.query.area });
    if (request.query.format === 'csv') return sendCsv(reply, `trends-${agency.slug}-${trends.year}`, trendsCsv(trends));
    return reply.header('cache-control', CACHEABLE).send(trendsView.parse(trends));
  });

  app.get('/api/public/results', {
    schema: { tags, summary: "Every program's headline figures", querystring: publicResultsQuery },
  }, async (request, reply) => {
    const results = await collectResults(ctx.db, programs, (programId, error) => request.log.error({ programId, err: String(error) }, 'program stats failed'));
    if (request.query.format === 'csv') return sendCsv(reply, 'program-results', resultsCsv(results));
    return reply.header('cache-control', 'public, max-age=60').send(z.array(programResultsView).parse(results));
  });

  app.get('/api/public/open-data', {
    schema: { tags, summary: 'The open-data catalogue: datasets and their download addresses', response: { 200: openDataView } },
  }, async () => {
    const [first] = await listPublicAgencies(ctx.db);
    return {
      datasets: [...coreDatasets(first?.slug), ...programs.flatMap(programOpenData)],
      openApi: '/api/openapi.json',
      apiDocs: '/api/docs',
    };
  });
}
