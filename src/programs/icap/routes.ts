import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { appendAudit } from '../../core/audit/audit.js';
import { alertContext, getAlert, listAlerts } from './alerts.js';
import { generateBriefing, getBriefing, listBriefings } from './briefing/build.js';
import { briefingPdf } from './briefing/pdf.js';
import { computeProfile, ensureProfile, saveProfile } from './near-repeat.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const briefingInput = z.object({
  /** The instant the briefing is "as of" (default now): a past date rebuilds that week's picture. */
  asOf: z.coerce.date({ error: 'must be a date (YYYY-MM-DD or ISO 8601)' }).optional(),
}).refine((b) => !b.asOf || b.asOf.getTime() <= Date.now() + 86_400_000, { message: 'must not be in the future', path: ['asOf'] });

/** Mounted at /api/programs/icap. */
export async function icapRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('icap:read');
  const manage = ctx.requirePermission('icap:manage');
  const alerts = ctx.requirePermission('icap:alerts');
  const tags = ['icap'];

  app.get('/briefings', { preHandler: read, schema: { tags, summary: 'Briefings, newest first' } },
    async (request) => listBriefings(ctx.db, request.actor!.agencyId));
  app.post('/briefings', { preHandler: manage, schema: { tags, summary: 'Generate a briefing now', body: briefingInput } }, async (request, reply) => {
    const actor = request.actor!;
    const id = await generateBriefing(ctx.db, actor.agencyId, request.body.asOf ?? new Date(), 'staff', actorForAudit(actor));
    return reply.status(201).send(await getBriefing(ctx.db, actor.agencyId, id));
  });
  app.get('/briefings/:id', { preHandler: read, schema: { tags, summary: 'One briefing', params: idParam } },
    async (request) => getBriefing(ctx.db, request.actor!.agencyId, request.params.id));
  app.get('/briefings/:id/pdf', { preHandler: read, schema: { tags, summary: 'One briefing as a PDF', params: idParam } }, async (request, reply) => {
    const briefing = await getBriefing(ctx.db, request.actor!.agencyId, request.params.id);
    const [agency] = await ctx.db.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [request.actor!.agencyId]);
    const pdf = await briefingPdf(briefing, agency.projection);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="icap-briefing-${briefing.id}.pdf"`).send(pdf);
  });

  app.get('/near-repeat', { preHandler: read, schema: { tags, summary: "The city's near-repeat pattern of shootings (radius and window)" } },
    async (request) => ensureProfile(ctx.db, request.actor!.agencyId));
  app.post('/near-repeat', { preHandler: manage, schema: { tags, summary: 'Recompute the near-repeat pattern now', body: briefingInput } }, async (request) => {
    const actor = request.actor!;
    const profile = await computeProfile(ctx.db, actor.agencyId, request.body.asOf ?? new Date());
    await ctx.db.transaction(async (tx) => {
      await saveProfile(tx, actor.agencyId, profile);
      await appendAudit(tx, { actor: actorForAudit(actor), action: 'icap.near_repeat', targetType: 'agency', targetId: actor.agencyId, outcome: 'success', details: { radiusM: profile.radiusM, windowDays: profile.windowDays } });
    });
    return profile;
  });

  app.get('/alerts', { preHandler: alerts, schema: { tags, summary: 'Recent retaliation alerts' } },
    async (request) => listAlerts(ctx.db, request.actor!.agencyId));
  app.get('/alerts/:id', { preHandler: alerts, schema: { tags, summary: 'One alert with the shootings around it', params: idParam } }, async (request) => {
    const alert = await getAlert(ctx.db, request.actor!.agencyId, request.params.id);
    return { ...alert, nearby: await alertContext(ctx.db, request.actor!.agencyId, alert) };
  });
  app.post('/alerts/:id/acknowledge', { preHandler: alerts, schema: { tags, summary: 'Acknowledge an alert', params: idParam } }, async (request) => {
    const actor = request.actor!;
    await getAlert(ctx.db, actor.agencyId, request.params.id);
    await ctx.db.transaction(async (tx) => {
      await tx.query('UPDATE icap_alerts SET acknowledged_by = $2, acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL', [request.params.id, actor.userId]);
      await appendAudit(tx, { actor: actorForAudit(actor), action: 'icap.alert_ack', targetType: 'icap_alert', targetId: request.params.id, outcome: 'success' });
    });
    return getAlert(ctx.db, actor.agencyId, request.params.id);
  });
}
