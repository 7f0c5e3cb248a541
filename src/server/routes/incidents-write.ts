import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import type { Queryable } from '../../db/types.js';
import { appendAudit } from '../../core/audit/audit.js';
import { actorForAudit } from '../../core/audit/actor.js';
import { badRequest } from '../../core/errors.js';
import { agencyProjection, distanceKm } from '../../core/incidents/import/projection.js';
import { toHundredBlock } from '../../core/incidents/import/hundred-block.js';
import { MAX_DISTANCE_KM } from '../../core/incidents/import/mapping.js';
import { loadAreaIndex } from '../../core/places/area-index.js';

// As in the importer: up to a day ahead tolerates clock and zone slips.
const FUTURE_SLACK_MS = 24 * 3_600_000;

export const incidentInput = z.object({
  sourceSystem: z.string().trim().min(1).max(80).default('api'),
  /** The record's id in the source system; generated when absent. Re-posting the same id changes nothing. */
  sourceId: z.string().trim().min(1).max(200).optional(),
  category: z.string().trim().min(1).max(40),
  offenseCode: z.string().trim().max(40).optional(),
  offenseText: z.string().trim().max(300).optional(),
  occurredAt: z.coerce.date({ error: 'must be a date and time (ISO 8601)' }),
  timePrecision: z.enum(['minute', 'day']).default('minute'),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** A street address; only its hundred block is stored ("3108 N 5TH ST" → "3100 BLOCK N 5TH ST"). */
  address: z.string().trim().max(300).optional(),
  victimCount: z.number().int().min(0).max(1000).optional(),
  fatalCount: z.number().int().min(0).max(1000).optional(),
  attributes: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
}).refine((i) => i.fatalCount === undefined || i.victimCount === undefined || i.fatalCount <= i.victimCount, {
  message: 'cannot exceed victimCount', path: ['fatalCount'],
});
export type IncidentInput = z.infer<typeof incidentInput>;

const recorded = z.object({
  id: z.number(), created: z.boolean(), sourceSystem: z.string(), sourceId: z.string(), category: z.string(),
  occurredAt: z.date(), lon: z.number(), lat: z.number(), x: z.number(), y: z.number(),
  hundredBlock: z.string().nullable(), areaIds: z.array(z.number()),
});

interface Placed { x: number; y: number; areaIds: readonly number[]; hundredBlock: string | null }

/** x/y in the agency's projection, area memberships and hundred block: what the importer computes per row. */
async function place(q: Queryable, agencyId: number, input: IncidentInput): Promise<Placed> {
  const [agency] = await q.query<{ projection: string; center_lon: number; center_lat: number }>(
    'SELECT projection, center_lon, center_lat FROM agencies WHERE id = $1', [agencyId]);
  const km = distanceKm(input.lon, input.lat, agency.center_lon, agency.center_lat);
  if (km > MAX_DISTANCE_KM) throw badRequest(`lon/lat: ${input.lon}, ${input.lat} is ${Math.round(km)} km from the agency centre (limit ${MAX_DISTANCE_KM} km)`, { field: 'lon' });
  const [x, y] = agencyProjection(agency.projection).toXY(input.lon, input.lat);
  const areas = await loadAreaIndex(q, agencyId);
  return { x, y, areaIds: areas.lookup(input.lon, input.lat), hundredBlock: toHundredBlock(input.address) };
}

/**
 * POST /api/incidents: records one incident (a CAD or RMS push, or staff entering a shooting as it happens).
 * The same (sourceSystem, sourceId) again answers the stored incident with created: false and publishes
 * nothing, so a client may retry safely. A new incident is audited in its transaction and then announced
 * as 'incidents.recorded', which is what opens a walk and raises the I-CAP alert.
 */
export async function incidentWriteRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.post('/api/incidents', {
    preHandler: ctx.requirePermission('incidents:import'),
    schema: { tags: ['incidents'], summary: "Record one incident in the actor's agency", body: incidentInput, response: { 200: recorded, 201: recorded } },
  }, async (request, reply) => {
    const actor = request.actor!;
    const input = request.body;
    if (input.occurredAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw badRequest('occurredAt: is in the future', { field: 'occurredAt' });
    const known = await ctx.db.query<{ code: string }>('SELECT code FROM offense_categories WHERE code = $1', [input.category]);
    if (known.length === 0) throw badRequest(`category: '${input.category}' is not a known category (GET /api/categories)`, { field: 'category' });
    const sourceId = input.sourceId ?? randomUUID();

    const result = await ctx.db.transaction(async (tx) => {
      const placed = await place(tx, actor.agencyId, input);
      const inserted = await tx.query<{ id: number }>(
        `INSERT INTO incidents (agency_id, source_system, source_id, offense_code, offense_text, category, occurred_at, time_precision,
           lon, lat, x, y, hundred_block, area_ids, victim_count, fatal_count, attributes)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::int[],$15,$16,$17)
         ON CONFLICT (agency_id, source_system, source_id) DO NOTHING RETURNING id`,
        [actor.agencyId, input.sourceSystem, sourceId, input.offenseCode ?? null, input.offenseText ?? null, input.category, input.occurredAt,
          input.timePrecision, input.lon, input.lat, placed.x, placed.y, placed.hundredBlock, placed.areaIds, input.victimCount ?? null,
          input.fatalCount ?? null, JSON.stringify(input.attributes ?? {})],
      );
      const created = inserted.length === 1;
      const [row] = await tx.query<{ id: number; category: string; occurred_at: Date; lon: number; lat: number; x: number; y: number; hundred_block: string | null; area_ids: number[] }>(
        'SELECT id, category, occurred_at, lon, lat, x, y, hundred_block, area_ids FROM incidents WHERE agency_id = $1 AND source_system = $2 AND source_id = $3',
        [actor.agencyId, input.sourceSystem, sourceId]);
      if (created) {
        await appendAudit(tx, {
          actor: actorForAudit(actor), action: 'incidents.record', targetType: 'incident', targetId: row.id, outcome: 'success',
          details: { sourceSystem: input.sourceSystem, sourceId, category: input.category },
        });
      }
      return { created, row };
    });

    const { created, row } = result;
    // After the commit, so every handler sees the incident; handlers' failures are logged by the bus.
    if (created) await ctx.events.publish('incidents.recorded', { agencyId: actor.agencyId, incidentIds: [Number(row.id)] }, { db: ctx.db });
    return reply.status(created ? 201 : 200).send({
      id: Number(row.id), created, sourceSystem: input.sourceSystem, sourceId, category: row.category, occurredAt: row.occurred_at,
      lon: row.lon, lat: row.lat, x: row.x, y: row.y, hundredBlock: row.hundred_block, areaIds: row.area_ids,
    });
  });
}
