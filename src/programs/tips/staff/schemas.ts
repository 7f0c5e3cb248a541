import { z } from 'zod';
import { PRIORITIES } from '../validation.js';

/** Request bodies and queries of the staff routes. */
export const tipIdParams = z.object({ id: z.coerce.number().int().positive() });
export const fileParams = tipIdParams.extend({ fileId: z.coerce.number().int().positive() });
export const rewardParams = z.object({ rewardId: z.coerce.number().int().positive() });

export const queueQuery = z.object({
  state: z.string().max(40).optional(),
  priority: z.enum(PRIORITIES).optional(),
  unit: z.coerce.number().int().positive().optional(),
  mine: z.enum(['1', 'true']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const stateInput = z.object({ state: z.string().min(1).max(40), outcome: z.string().max(40).optional(), note: z.string().trim().max(5000).optional() });
export const priorityInput = z.object({ priority: z.enum(PRIORITIES) });
export const assignInput = z.object({ userId: z.number().int().positive().nullable() });
export const routeInput = z.object({ primaryUnitId: z.number().int().positive().nullable(), copyUnitIds: z.array(z.number().int().positive()).max(20).default([]) });
export const forwardInput = z.object({ agencyId: z.number().int().positive(), note: z.string().trim().max(2000).default('') });
export const flagInput = z.object({ duplicateOf: z.string().max(40).nullable().optional(), prank: z.boolean().optional() });
export const noteInput = z.object({ body: z.string().trim().min(1).max(10_000) });
export const messageInput = z.object({ body: z.string().trim().min(1).max(1500), question: z.boolean().default(false) });

/** Amounts in whole cents, up to $1,000,000. */
const cents = z.number().int().positive().max(100_000_000);
export const proposeInput = z.object({ amountCents: cents.optional(), reason: z.string().trim().min(5).max(5000) });
export const decisionInput = z.object({ decision: z.enum(['approve', 'reject']), amountCents: cents.optional(), note: z.string().trim().max(5000).optional() });
export const payInput = z.object({ tipNumber: z.string().min(1).max(40), collectionCode: z.string().min(1).max(40) });
export const rewardsQuery = z.object({ status: z.enum(['proposed', 'approved', 'rejected', 'paid']).optional() });

const DAY = 24 * 60 * 60 * 1000;
/** Date range of dashboards and the map. */
export const rangeQuery = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  areaKind: z.string().max(40).optional(),
});

/** Default range: the last 12 weeks up to tomorrow (so today's tips count whatever the time zone). */
export function resolveRange(r: z.infer<typeof rangeQuery>): { from: Date; to: Date; areaKind?: string } {
  const to = r.to ?? new Date(Date.now() + DAY);
  return { from: r.from ?? new Date(to.getTime() - 84 * DAY), to, areaKind: r.areaKind };
}
