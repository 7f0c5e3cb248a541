import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { AppError } from '../../core/errors.js';
import { languageField } from '../../core/languages.js';
import { render, renderError, renderOne, type Open311Format } from './format.js';
import { agencyFor, createRequest, discovery, listRequests, listServices, Open311Error, updateRequest } from './service.js';
import { formatParam, requestInput, requestsQuery, staffUpdate } from './validation.js';

const PUBLIC_ACTOR = { label: 'public' } as const;
const submitLimit = () => ({ max: Number(process.env.BRIDGES_311_SUBMIT_MAX ?? 30), timeWindow: 10 * 60 * 1000 });

function send(reply: FastifyReply, answer: { contentType: string; body: string }, status = 200) {
  return reply.status(status).header('content-type', answer.contentType).send(answer.body);
}

/** Open311 clients expect errors in Open311's own shape, in the format they asked for. */
async function open311<T>(reply: FastifyReply, format: Open311Format, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return send(reply, renderError(format, error.statusCode, error.message), error.statusCode);
    throw error;
  }
}

const formatOf = (raw: string): Open311Format => {
  const parsed = formatParam.safeParse(raw);
  if (!parsed.success) throw new AppError(404, 'not_found', 'Open311 answers .json or .xml');
  return parsed.data;
};

const firstIssue = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');

/**
 * Mounted at /api/programs/requests311. The Open311 GeoReport v2 endpoint is …/v2/ (services, service
 * definitions, requests); existing 311 apps point there. Staff routes list and close requests.
 */
export async function requests311Routes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  // Open311 clients post form fields; JSON works too.
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // GeoReport v2 discovery, beside v2/: clients find the endpoint, its specification and formats here.
  app.get('/discovery.:format', { schema: { tags, summary: 'Open311: the discovery document', params: z.object({ format: z.string() }) } },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      const v2Url = `${request.protocol}://${request.host}${request.url.replace(/discovery\.[a-z]+(\?.*)?$/, 'v2/')}`;
      const contact = process.env.BRIDGES_311_CONTACT ?? 'Contact the police department that runs this site.';
      return send(reply, renderOne(format, 'discovery', discovery(v2Url, contact)));
    });

  // jurisdiction_id is optional everywhere (one site may serve several agencies); an unknown one is a 404.
  app.get('/v2/services.:format', {
    schema: { tags, summary: 'Open311: the list of services', params: z.object({ format: z.string() }), querystring: z.object({ locale: languageField().optional(), jurisdiction_id: z.string().max(60).optional() }) },
  }, async (request, reply) => {
    const format = formatOf(request.params.format);
    return open311(reply, format, async () => {
      if (request.query.jurisdiction_id) await agencyFor(ctx.db, request.query.jurisdiction_id);
      return send(reply, render(format, 'services', 'service', await listServices(ctx.db, request.query.locale ?? 'en')));
    });
  });

  app.get('/v2/services/:code.:format', { schema: { tags, summary: 'Open311: a service definition (no extra attributes)', params: z.object({ code: z.string(), format: z.string() }) } },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      return open311(reply, format, async () => {
        const services = await listServices(ctx.db, 'en');
        if (!services.some((s) => s.service_code === request.params.code)) throw new Open311Error(404, `service_code ${request.params.code} was not found`);
        const definition = render(format, 'service_definition', 'service_definition', [{ service_code: request.params.code, attributes: [] }]);
        // A definition is one object, not a list.
        return send(reply, format === 'json' ? { ...definition, body: JSON.stringify({ service_code: request.params.code, attributes: [] }) } : definition);
      });
    });

  app.post('/v2/requests.:format', {
    config: { rateLimit: submitLimit() },
    schema: { tags, summary: 'Open311: report a problem (form fields; contact fields are not stored)', params: z.object({ format: z.string() }) },
  }, async (request, reply) => {
    const format = formatOf(request.params.format);
    return open311(reply, format, async () => {
      const input = requestInput.safeParse(request.body ?? {});
      if (!input.success) throw new Open311Error(400, firstIssue(input.error));
      const created = await createRequest(ctx.db, input.data, PUBLIC_ACTOR);
      return send(reply, render(format, 'service_requests', 'request', [created]), 201);
    });
  });

  app.get('/v2/requests.:format', { schema: { tags, summary: 'Open311: requests (last 90 days by default)', params: z.object({ format: z.string() }) } },
    async (request, reply) => {
      const format = formatOf(request.params.format);
      return open311(reply, format, async () => {
        const query = requestsQuery.safeParse(request.query);
        if (!query.success) throw new Open311Error(400, firstIssue(query.error));
        const q = query.data;
        const requests = await listRequests(ctx.db, {
          ids: q.service_request_id?.split(',').map(Number), serviceCodes: q.service_code?.split(',').map((c) => c.trim()).filter(Boolean),
          status: q.status, start: q.start_date, end: q.end_date,
          // Only that agency's requests; without one, every agency's (as the listing always was).
          agencyId: q.jurisdiction_id ? await agencyFor(ctx.db, q.jurisdiction_id) : undefined,
        }, q.locale ?? 'en');
        return send(reply, render(format, 'service_requests', 'request', requests));
      });
    });

  app.get('/v2/requests/:id.:format', {
    schema: { tags, summary: 'Open311: one request', params: z.object({ id: z.string(), format: z.string() }), querystring: z.object({ jurisdiction_id: z.string().max(60).optional() }) },
  }, async (request, reply) => {
    const format = formatOf(request.params.format);
    return open311(reply, format, async () => {
      const id = Number(request.params.id);
      const agencyId = request.query.jurisdiction_id ? await agencyFor(ctx.db, request.query.jurisdiction_id) : undefined;
      const found = Number.isSafeInteger(id) && id > 0 ? await listRequests(ctx.db, { ids: [id], agencyId }, 'en') : [];
      if (found.length === 0) throw new Open311Error(404, `service_request_id ${request.params.id} was not found`);
      return send(reply, render(format, 'service_requests', 'request', found));
    });
  });

  const manage = ctx.requirePermission('requests311:manage');
  app.get('/staff/requests', { preHandler: manage, schema: { tags, summary: "The agency's requests (staff)", querystring: z.object({ status: z.enum(['open', 'closed']).optional() }) } },
    async (request) => listRequests(ctx.db, { agencyId: request.actor!.agencyId, status: request.query.status, start: new Date(0), limit: 500 }, 'en'));

  app.patch('/staff/requests/:id', { preHandler: manage, schema: { tags, summary: 'Open or close a request', params: z.object({ id: z.coerce.number().int().positive() }), body: staffUpdate } },
    async (request) => updateRequest(ctx.db, request.actor!.agencyId, request.params.id, request.body, actorForAudit(request.actor!)));
}
