import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { recordAudit, verifyAuditChain, type AuditRow } from '../../core/audit/audit.js';
import { actorForAudit } from '../../core/audit/actor.js';

/**
 * The audit log for auditors. An agency's auditors see the rows of their agency's staff; rows of no agency
 * (system, CLI, demo loader) only platform administrators (agencies:manage) see, since they can touch any
 * agency. Reading the log is itself audited.
 */
export async function auditRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const read = ctx.requirePermission('audit:read');
  const tags = ['audit'];

  app.get('/api/audit', {
    preHandler: read,
    schema: {
      tags, summary: 'Audit rows, newest first',
      querystring: z.object({
        from: z.coerce.date().optional(), to: z.coerce.date().optional(),
        actor: z.string().max(200).optional().describe('actor label, e.g. user:demo.admin'),
        action: z.string().max(100).optional().describe('action prefix, e.g. incidents.'),
        outcome: z.enum(['success', 'denied', 'failure']).optional(),
        before: z.coerce.number().int().positive().optional().describe('id to page below'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
  }, async (request) => {
    const q = request.query;
    const actor = request.actor!;
    const rows = await ctx.db.query<AuditRow>(
      `SELECT * FROM audit_log
        WHERE (actor_agency_id = $1 OR (actor_agency_id IS NULL AND $9::boolean))
          AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
          AND ($4::text IS NULL OR actor_label = $4) AND ($5::text IS NULL OR action LIKE $5 || '%')
          AND ($6::text IS NULL OR outcome = $6) AND ($7::bigint IS NULL OR id < $7)
        ORDER BY id DESC LIMIT $8`,
      [actor.agencyId, q.from ?? null, q.to ?? null, q.actor ?? null, q.action ?? null, q.outcome ?? null, q.before ?? null, q.limit,
        actor.permissions.has('agencies:manage')],
    );
    await recordAudit(ctx.db, { actor: actorForAudit(actor), action: 'audit.read', outcome: 'success', details: { query: q, returned: rows.length } });
    return rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor_label, action: r.action, targetType: r.target_type, targetId: r.target_id,
      outcome: r.outcome, sourceIp: r.source_ip, details: r.details, hash: r.hash,
    }));
  });

  app.get('/api/audit/verify', {
    preHandler: read,
    schema: { tags, summary: 'Recompute the hash chain over the whole log' },
  }, async (request) => {
    const result = await verifyAuditChain(ctx.db);
    await recordAudit(ctx.db, { actor: actorForAudit(request.actor!), action: 'audit.verify', outcome: 'success', details: { ...result } });
    return result;
  });
}
