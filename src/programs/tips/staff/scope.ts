import type { Queryable } from '../../../db/types.js';
import type { Actor } from '../../../core/people/permissions.js';
import { actorForAudit } from '../../../core/audit/actor.js';
import type { AuditActor } from '../../../core/audit/audit.js';
import { AppError, notFound } from '../../../core/errors.js';

/** How a staff member reaches a tip: their agency received it, or it was forwarded to their agency. */
export type TipAccess = 'owner' | 'partner';

/** A signed-in staff member as the tips services see them. */
export interface StaffActor {
  userId: number;
  agencyId: number;
  audit: AuditActor;
}

export const staffActor = (actor: Actor): StaffActor => ({ userId: actor.userId, agencyId: actor.agencyId, audit: actorForAudit(actor) });

/** SQL condition: the tip `t` belongs to agency $n or was forwarded to it. */
export const VISIBLE_TO = (param: string) =>
  `(t.agency_id = ${param} OR EXISTS (SELECT 1 FROM tip_forwards f WHERE f.tip_id = t.id AND f.agency_id = ${param}))`;

/** 404 (not 403) for tips of other agencies: their existence is nobody else's business. */
export async function tipAccess(q: Queryable, staff: StaffActor, tipId: number): Promise<TipAccess> {
  const [row] = await q.query<{ agency_id: number; forwarded: boolean }>(
    `SELECT t.agency_id, EXISTS (SELECT 1 FROM tip_forwards f WHERE f.tip_id = t.id AND f.agency_id = $2) AS forwarded
     FROM tips t WHERE t.id = $1`, [tipId, staff.agencyId]);
  if (!row) throw notFound(`Tip ${tipId}`);
  if (row.agency_id === staff.agencyId) return 'owner';
  if (row.forwarded) return 'partner';
  throw notFound(`Tip ${tipId}`);
}

/** Changes are for the receiving agency only; a partner that was forwarded a tip reads it. */
export async function requireOwner(q: Queryable, staff: StaffActor, tipId: number): Promise<void> {
  if ((await tipAccess(q, staff, tipId)) !== 'owner') {
    throw new AppError(403, 'forwarded_read_only', 'This tip was forwarded to your agency to read; only the agency that received it can change it.');
  }
}
