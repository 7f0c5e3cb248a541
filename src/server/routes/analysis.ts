import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { recordAudit } from '../../core/audit/audit.js';
import { actorForAudit } from '../../core/audit/actor.js';
import type { Actor } from '../../core/people/permissions.js';
import {
  EventCache, WorkerPool, MODEL_DESCRIPTIONS, MODEL_NAMES, backtestCsv, backtestParams, backtestRequest, compstatCsv, compstatFor,
  compstatParams, endOfLocalDay, eventFilter, forecastParams, forecastRequest, giStarParams, giStarRequest, hotspotParams, hotspotRequest,
  loadInput, nearRepeatCsv, nearRepeatParams, nearRepeatRequest, runBacktests, runForecast, runGiStar, runHotspots, runNearRepeat, wdqBody,
  wdqFor, type AnalysisInput, type EventFilter, type SurfaceResult, type ZoneSpec,
} from '../../core/analysis/index.js';

/** Time limits: hot spots answer in well under a second; a backtest of several models takes minutes. */
const LIMITS = { surface: 60_000, knox: 300_000, backtest: 900_000 } as const;

/**
 * /api/analysis/*: the crime-analysis engine over the actor's own agency. Every request is one audit row
 * ('analysis.run', with the parameters and the number of incidents read), because the results are derived
 * from exact locations. The computations run on a pool of worker threads; a request whose client goes
 * away is cancelled, and one that runs past its limit is stopped with 503.
 */
export async function analysisRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('incidents:read');
  const tags = ['analysis'];
  const pool = new WorkerPool({ timeoutMs: LIMITS.surface });
  const cache = new EventCache();
  scope.addHook('onClose', async () => pool.close());
  // A listening server (not app.inject in API tests) starts its workers and loads the busiest agencies'
  // incidents up front, in the background: the first hot-spot map of the day should answer as fast as the
  // second. A failure here only means the first request loads them itself.
  scope.addHook('onListen', async () => {
    pool.warm();
    void warmCache().catch((error: unknown) => scope.log.warn({ err: error }, 'analysis cache warm-up failed'));
  });
  async function warmCache(): Promise<void> {
    const agencies = await ctx.db.query<{ id: number; time_zone: string }>(
      `SELECT a.id, a.time_zone FROM agencies a
        WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.agency_id = a.id)
        ORDER BY (SELECT count(*) FROM incidents i WHERE i.agency_id = a.id) DESC LIMIT 4`);
    for (const agency of agencies) await cache.get(ctx.db, agency.id, agency.time_zone);
  }

  /** Loads the actor's incidents for the filter, runs `work`, and audits the request whatever happens. */
  async function analyse<T>(request: FastifyRequest, reply: FastifyReply, analysis: string, parameters: Record<string, unknown>, filter: EventFilter,
    work: (input: AnalysisInput, signal: AbortSignal) => Promise<T>): Promise<T> {
    const actor = request.actor as Actor;
    const controller = new AbortController();
    // The response closing before it was written means the client went away: stop the computation.
    const onClose = () => { if (!reply.raw.writableEnded) controller.abort(); };
    reply.raw.on('close', onClose);
    let incidents = 0;
    try {
      const input = await loadInput(ctx.db, actor.agencyId, filter, cache);
      incidents = input.events.x.length;
      const result = await work(input, controller.signal);
      await audit(actor, analysis, 'success', { parameters, incidents });
      return result;
    } catch (error) {
      await audit(actor, analysis, 'failure', { parameters, incidents, error: (error as Error).message });
      throw error;
    } finally {
      reply.raw.off('close', onClose);
    }
  }

  const audit = (actor: Actor, analysis: string, outcome: 'success' | 'failure', details: Record<string, unknown>) =>
    recordAudit(ctx.db, { actor: actorForAudit(actor), action: 'analysis.run', targetType: 'analysis', targetId: analysis, outcome, details });

  const sendSurface = (reply: FastifyReply, result: SurfaceResult, format: 'geojson' | 'csv') =>
    reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json').send(result.text);

  app.get('/api/analysis/models', {
    preHandler: read,
    schema: { tags, summary: 'The forecast models, with a one-line description each' },
  }, async () => MODEL_NAMES.map((name) => ({ name, description: MODEL_DESCRIPTIONS[name] })));

  app.get('/api/analysis/hotspots', {
    preHandler: read,
    schema: { tags, summary: 'Kernel density hot spots on the study-area grid (GeoJSON cells in lon/lat, or CSV)', querystring: hotspotParams },
  }, async (request, reply) => {
    const q = request.query;
    const result = await analyse(request, reply, 'hotspots', q, eventFilter(q), (input, signal) =>
      runHotspots(pool, input, hotspotRequest(q), q.format, { signal }));
    return sendSurface(reply, result, q.format);
  });

  app.get('/api/analysis/gistar', {
    preHandler: read,
    schema: { tags, summary: 'Getis–Ord Gi* hot and cold spots with FDR correction', querystring: giStarParams },
  }, async (request, reply) => {
    const q = request.query;
    const result = await analyse(request, reply, 'gistar', q, eventFilter(q), (input, signal) =>
      runGiStar(pool, input, giStarRequest(q), q.format, { signal }));
    return sendSurface(reply, result, q.format);
  });

  app.get('/api/analysis/near-repeat', {
    preHandler: read,
    schema: { tags, summary: 'Knox near-repeat test: observed and expected pairs, Knox ratios, p-values, summary', querystring: nearRepeatParams },
  }, async (request, reply) => {
    const q = request.query;
    const params = nearRepeatRequest(q);
    const report = await analyse(request, reply, 'near-repeat', q, eventFilter(q), (input, signal) =>
      runNearRepeat(pool, input, params, { signal, timeoutMs: LIMITS.knox }));
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(nearRepeatCsv(report));
    return report;
  });

  app.get('/api/analysis/forecast', {
    preHandler: read,
    schema: { tags, summary: 'Forecast of where the next period’s incidents are most likely (top cells)', querystring: forecastParams },
  }, async (request, reply) => {
    const q = request.query;
    // The date range limits the history the model learns from; the forecast starts after it.
    const result = await analyse(request, reply, 'forecast', q, eventFilter(q), (input, signal) =>
      runForecast(pool, input, forecastRequest(q), Date.now(), q.format, { signal }));
    return sendSurface(reply, result, q.format);
  });

  app.get('/api/analysis/backtest', {
    preHandler: read,
    schema: { tags, summary: 'Rolling-origin backtest of forecast models: hit rate, PAI and PEI per step and on average', querystring: backtestParams },
  }, async (request, reply) => {
    const q = request.query;
    // from/to here are the forecast origins; the models need the history before them, so no date filter.
    const reports = await analyse(request, reply, 'backtest', q, eventFilter({ category: q.category, area: q.area }), (input, signal) =>
      runBacktests(pool, input, backtestRequest(q), { signal, timeoutMs: LIMITS.backtest }));
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(backtestCsv(reports));
    return { models: reports };
  });

  app.get('/api/analysis/compstat', {
    preHandler: read,
    schema: { tags, summary: 'CompStat: last 7 days, 28 days and year to date against a year earlier, by category and area', querystring: compstatParams },
  }, async (request, reply) => {
    const q = request.query;
    const report = await analyse(request, reply, 'compstat', q, eventFilter({ category: q.category, area: q.area }), async (input) => {
      const at = q.date === undefined ? undefined : Math.min(Date.now(), endOfLocalDay(q.date, input.area.timeZone));
      return compstatFor(ctx.db, input, q.areaKind === 'none' ? null : q.areaKind, at, Date.now());
    });
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(compstatCsv(report));
    return report;
  });

  app.post('/api/analysis/wdq', {
    preHandler: read,
    schema: { tags, summary: 'Weighted displacement quotient of an intervention (target, buffer and control areas)', body: wdqBody },
  }, async (request, reply) => {
    const body = request.body;
    const filter: EventFilter = { categories: body.category };
    return analyse(request, reply, 'wdq', { ...body, target: zoneLabel(body.target), buffer: zoneLabel(body.buffer), control: zoneLabel(body.control) }, filter, (input) =>
      wdqFor(ctx.db, input, { target: body.target as ZoneSpec, buffer: body.buffer as ZoneSpec, control: body.control as ZoneSpec, date: body.date, days: body.days }));
  });
}

/** Zones as the audit row records them: ids and widths as given, drawn polygons by their type only. */
function zoneLabel(zone: unknown): unknown {
  if (zone && typeof zone === 'object' && 'geometry' in zone) return { geometry: (zone as { geometry: { type: string } }).geometry.type };
  return zone;
}

