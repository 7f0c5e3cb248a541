import type { Actor } from '../people/permissions.js';
import type { AuditActor } from './audit.js';

/** The audit-log view of a signed-in staff member. */
export function actorForAudit(actor: Actor): AuditActor {
  return { userId: actor.userId, agencyId: actor.agencyId, label: `user:${actor.username}`, sourceIp: actor.sourceIp };
}
