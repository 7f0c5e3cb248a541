import type { Actor } from '../../core/people/permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member with an active (MFA-passed) session, or null. */
    actor: Actor | null;
  }
}

export { actorForAudit } from '../../core/audit/actor.js';
