import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { accessTip } from '../access.js';
import { addTipsterFile } from '../attachments.js';
import type { TipsContext } from '../context.js';
import { addTipsterMessage, tipFromToken, tipsterView } from '../follow-up.js';
import { submitWebTip } from '../public-service.js';
import { largestUpload, type RouteLimit } from '../settings.js';
import { MAX_PASSPHRASE_LENGTH, MIN_CHOSEN_LENGTH } from '../strength.js';
import { ACCEPTED_TYPES } from '../uploads/sniff.js';
import { accessAnswer, accessInput, fileAnswer, publicOptions, tipInput, tipReceipt, tipsterMessageInput, tipsterView as tipsterViewSchema } from '../validation.js';

/** Route config for @fastify/rate-limit: counted per address, in memory only (nothing of it is stored). */
export const rateLimit = (limit: RouteLimit) => ({ rateLimit: { max: limit.max, timeWindow: limit.windowSeconds * 1000 } });

// Answers that concern one tipster are never cached by a browser or a proxy.
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The resident side, no account: send a tip, then follow it up with the tip number and passphrase. The access
 * token travels in the Authorization header only, so it is in no URL, cookie or log line.
 */
export async function publicTipRoutes(scope: FastifyInstance, ctx: TipsContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['tips (public)'];
  const { limits } = ctx.settings;

  app.get('/public/options', {
    config: rateLimit(limits.followUp),
    schema: { tags, summary: 'Agencies, categories and limits for the tip form', response: { 200: publicOptions } },
  }, async () => ({
    agencies: await ctx.db.query<{ slug: string; name: string; centerLon: number; centerLat: number }>(
      `SELECT slug, name, center_lon AS "centerLon", center_lat AS "centerLat" FROM agencies WHERE kind = 'police' ORDER BY id`),
    categories: await ctx.db.query<{ code: string; label: Record<string, string> }>('SELECT code, label FROM tip_categories WHERE active ORDER BY sort'),
    passphrase: { minLength: MIN_CHOSEN_LENGTH, maxLength: MAX_PASSPHRASE_LENGTH },
    maxBytes: ctx.settings.maxBytes,
    accepts: ACCEPTED_TYPES,
  }));

  // Outlines for the location picker: police districts are public knowledge, and the picker needs landmarks
  // when no tile server is configured.
  app.get('/public/areas', {
    config: rateLimit(limits.followUp),
    schema: { tags, summary: 'District outlines for the map picker', querystring: z.object({ agency: z.string().max(60).optional() }) },
  }, async (request) => {
    const rows = await ctx.db.query<{ id: number; name: string; geometry: unknown }>(
      `SELECT a.id, a.name, a.geometry FROM areas a
       WHERE a.agency_id = (SELECT id FROM agencies WHERE kind = 'police' AND ($1::text IS NULL OR slug = $1) ORDER BY id LIMIT 1)
         AND a.kind = 'district' ORDER BY a.name`, [request.query.agency ?? null]);
    return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name, kind: 'district', code: null } })) };
  });

  app.post('/public/tips', {
    config: rateLimit(limits.submit),
    schema: { tags, summary: 'Send a tip (anonymous)', body: tipInput, response: { 201: tipReceipt } },
  }, async (request, reply) => reply.status(201).headers(NO_STORE).send(await submitWebTip(ctx, request.body)));

  app.post('/public/access', {
    config: rateLimit(limits.access),
    schema: { tags, summary: 'Open a tip with its number and passphrase', body: accessInput, response: { 200: accessAnswer } },
  }, async (request, reply) => reply.headers(NO_STORE).send(await accessTip(ctx, request.body.tipNumber, request.body.passphrase)));

  app.get('/public/tip', {
    config: rateLimit(limits.followUp),
    schema: { tags, summary: "The tipster's view of their tip (Authorization: Bearer <accessToken>)", response: { 200: tipsterViewSchema } },
  }, async (request, reply) => reply.headers(NO_STORE).send(await tipsterView(ctx, tipFromToken(ctx, request.headers.authorization))));

  app.post('/public/tip/messages', {
    config: rateLimit(limits.followUp),
    schema: { tags, summary: 'Add information, answer a question or ask about a reward', body: tipsterMessageInput, response: { 204: z.null() } },
  }, async (request, reply) => {
    await addTipsterMessage(ctx, tipFromToken(ctx, request.headers.authorization), request.body.body, request.body.kind);
    return reply.status(204).send(null);
  });

  // Files come as the raw request body (Content-Type: application/octet-stream): their name is never sent.
  app.post('/public/tip/files', {
    config: rateLimit(limits.followUp),
    bodyLimit: largestUpload(ctx.settings),
    schema: { tags, summary: 'Add a photo, video or document (raw bytes; metadata is removed)', response: { 201: fileAnswer } },
  }, async (request, reply) => {
    const tipId = tipFromToken(ctx, request.headers.authorization);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
      throw new AppError(400, 'empty_file', 'Send the file as the request body with Content-Type application/octet-stream.');
    }
    return reply.status(201).send(await addTipsterFile(ctx, tipId, request.body));
  });
}
