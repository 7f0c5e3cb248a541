import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../../db/types.js';
import { recordAudit } from '../../core/audit/audit.js';
import { forbidden, unauthorized } from '../../core/errors.js';
import { actorForAudit } from './actor.js';

/**
 * Route guard: 401 without an active session, 403 without the permission. Denials are audited, because a
 * refused attempt on restricted data is as telling as a read.
 */
export function permissionGuard(db: Db) {
  return (permission: string): preHandlerAsyncHookHandler =>
    async function requirePermission(request: FastifyRequest, _reply: FastifyReply) {
      const actor = request.actor;
      if (!actor) throw unauthorized();
      if (!actor.permissions.has(permission)) {
        await recordAudit(db, {
          actor: actorForAudit(actor),
          action: 'access.denied',
          outcome: 'denied',
          details: { permission, method: request.method, route: request.routeOptions.url ?? request.url },
        });
        throw forbidden(`This needs the "${permission}" permission.`);
      }
    };
}
