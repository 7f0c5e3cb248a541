import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicGroup, publicGroupCollection } from './groups.js';
import { cityOutlines, groupsByNeighborhood, lookupPoint } from './public-service.js';
import { leaveByToken, submitRequest } from './requests.js';
import { lookupQuery, publicGroupSummary, publicGroupView, requestInput, tokenInput } from './validation.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const limit = (max: number) => ({ rateLimit: { max, timeWindow: 10 * 60_000 } });
const NO_STORE = { 'cache-control': 'no-store' };
const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) });
export const requestOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The resident side, no account: the map of groups, finding one, asking to join or start, leaving. */
export async function publicWatchRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['watch (public)'];

  app.get('/public/groups', { schema: { tags, summary: 'Active groups as GeoJSON: boundaries and names only', response: { 200: featureCollection } } },
    async () => publicGroupCollection(ctx.db));

  app.get('/public/groups/:id', { schema: { tags, summary: 'One group: description, boundary, meetings (event ids)', params: idParams, response: { 200: publicGroupView } } },
    async (request) => publicGroup(ctx.db, request.params.id));

  app.get('/public/neighborhoods', {
    schema: { tags, summary: 'Neighborhoods with their groups (the list beside the map)',
      response: { 200: z.array(z.object({ areaId: z.number(), areaName: z.string(), agencyName: z.string(), groups: z.array(publicGroupSummary) })) } },
  }, async () => groupsByNeighborhood(ctx.db));

  app.get('/public/outlines', { schema: { tags, summary: 'City outlines for orientation on the map', response: { 200: featureCollection } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(await cityOutlines(ctx.db)));

  // A point is looked up and forgotten: it is not stored or logged (the request log has no query strings).
  app.get('/public/lookup', {
    config: limit(120),
    schema: { tags, summary: 'Groups covering a point picked on the map, and its neighborhood', querystring: lookupQuery,
      response: { 200: z.object({ groups: z.array(publicGroupSummary), area: z.object({ id: z.number(), name: z.string() }).nullable() }) } },
  }, async (request, reply) => reply.headers(NO_STORE).send(await lookupPoint(ctx.db, request.query.lon, request.query.lat)));

  app.post('/public/requests', {
    config: limit(10),
    schema: { tags, summary: 'Ask to join a group or to start one (reviewed by staff)', body: requestInput, response: { 201: z.object({ token: z.string() }) } },
  }, async (request, reply) => {
    const { token } = await submitRequest(ctx.db, request.body);
    return reply.status(201).headers(NO_STORE).send({ token });
  });

  app.post('/public/leave', {
    config: limit(30),
    schema: { tags, summary: 'Withdraw a request or leave a group with the private link', body: tokenInput,
      response: { 200: z.object({ outcome: z.enum(['left', 'withdrawn', 'already']), groupName: z.string().nullable() }) } },
  }, async (request, reply) => reply.headers(NO_STORE).send(await leaveByToken(ctx.db, request.body.token)));
}
