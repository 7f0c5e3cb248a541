import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { recordAudit } from '../../core/audit/audit.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { notFound } from '../../core/errors.js';
import { getIncident, incidentsGeoJson, incidentStats, listIncidents, type IncidentFilter } from '../../core/incidents/query.js';
import type { Actor } from '../../core/people/permissions.js';

const isoDate = z.coerce.date({ error: 'must be a date (YYYY-MM-DD or ISO 8601)' });
const csvList = z.string().transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));
const bbox = z.string().transform((s, ctx) => {
  const n = s.split(',').map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || n[0] >= n[2] || n[1] >= n[3]) {
    ctx.addIssue({ code: 'custom', message: 'must be west,south,east,north in degrees' });
    return z.NEVER;
  }
  return n as [number, number, number, number];
});

export const incidentFilterQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional().describe('exclusive'),
  category: csvList.optional().describe('comma-separated category codes'),
  area: z.coerce.number().int().positive().optional(),
  bbox: bbox.optional(),
});

const toFilter = (actor: Actor, q: z.infer<typeof incidentFilterQuery>): IncidentFilter => ({
  agencyId: actor.agencyId, from: q.from, to: q.to, categories: q.category, areaId: q.area, bbox: q.bbox,
});

/** Incident reads are reads of restricted data (exact locations): one audit row per request. */
export async function incidentRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('incidents:read');
  const tags = ['incidents'];
  const audit = (actor: Actor, details: Record<string, unknown>, targetId?: number) =>
    recordAudit(ctx.db, { actor: actorForAudit(actor), action: 'incidents.read', targetType: 'incident', targetId, outcome: 'success', details });

  app.get('/api/incidents', {
    preHandler: read,
    schema: {
      tags, summary: "The agency's incidents, filtered (GeoJSON for maps, JSON pages for lists)",
      querystring: incidentFilterQuery.extend({
        format: z.enum(['geojson', 'json']).default('json'),
        limit: z.coerce.number().int().min(1).max(100_000).optional(),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
  }, async (request, reply) => {
    const actor = request.actor!;
    const filter = toFilter(actor, request.query);
    if (request.query.format === 'geojson') {
      const result = await incidentsGeoJson(ctx.db, filter, request.query.limit ?? 50_000);
      await audit(actor, { query: request.query, returned: result.count });
      reply.header('x-result-truncated', String(result.truncated));
      return reply.type('application/geo+json').send(result.json);
    }
    const page = await listIncidents(ctx.db, filter, { limit: Math.min(request.query.limit ?? 50, 1000), offset: request.query.offset });
    await audit(actor, { query: request.query, returned: page.items.length });
    return page;
  });

  app.get('/api/incidents/stats', {
    preHandler: read,
    schema: { tags, summary: 'Counts by category and by week', querystring: incidentFilterQuery },
  }, async (request) => incidentStats(ctx.db, toFilter(request.actor!, request.query)));

  app.get('/api/incidents/:id', {
    preHandler: read,
    schema: { tags, summary: 'One incident with its areas', params: z.object({ id: z.coerce.number().int().positive() }) },
  }, async (request) => {
    const incident = await getIncident(ctx.db, request.actor!.agencyId, request.params.id);
    if (!incident) throw notFound(`Incident ${request.params.id}`);
    await audit(request.actor!, {}, incident.id);
    return incident;
  });
}
