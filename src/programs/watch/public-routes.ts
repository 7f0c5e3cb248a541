import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { publicGroup, publicGroupCollection } from './groups.js';
import { cityOutlines, groupsByNeighborhood, lookupAddress, lookupPoint } from './public-service.js';
import { leaveByToken, submitRequest } from './requests.js';
import { lookupAnswer, lookupQuery, publicGroupSummary, publicGroupView, requestInput, tokenInput } from './validation.js';

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

  // A point or an address is looked up and forgotten: neither is stored, logged or audited (the request log has
  // no query strings). An address answer carries the centre of the public map cell holding the block, never the block point.
  // Map clicks are cheap and many; typed addresses are limited like the public forms (their own counter).
  const isAddress = (request: FastifyRequest) => typeof (request.query as Record<string, unknown> | undefined)?.address === 'string';
  app.get('/public/lookup', {
    config: {
      rateLimit: {
        timeWindow: 10 * 60_000,
        max: (request: FastifyRequest) => (isAddress(request) ? 30 : 120),
        keyGenerator: (request: FastifyRequest) => `${request.ip}|${isAddress(request) ? 'address' : 'point'}`,
      },
    },
    schema: {
      tags, summary: 'Groups covering a point picked on the map or a typed address, groups within 1 km, and the neighborhood',
      description: 'Give `lon` and `lat`, or `address` (house number and street, e.g. "1523 N 52nd St"). An address is found '
        + 'with the configured geocoder if any, else among the hundred blocks of the agency\'s own incidents; the answer\'s '
        + '`place` is the centre of the public crime map cell (~150 m) holding the block, with its precision (`address`, `block`, `street` when estimated from nearby blocks, or `intersection` for a typed corner such as "52nd & Market").',
      querystring: lookupQuery, response: { 200: lookupAnswer },
    },
  }, async (request, reply) => {
    const { address, lon, lat } = request.query;
    const answer = address !== undefined
      ? await lookupAddress(ctx.db, address, { geocoderUrl: ctx.config.geocoderUrl })
      : await lookupPoint(ctx.db, lon!, lat!);
    return reply.headers(NO_STORE).send(answer);
  });

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
