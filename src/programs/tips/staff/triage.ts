import type { Queryable } from '../../../db/types.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { AppError } from '../../../core/errors.js';
import type { TipsContext } from '../context.js';
import { addTimeline, markFirstResponse } from '../timeline.js';
import type { Priority } from '../validation.js';
import { requireOwner, type StaffActor } from './scope.js';

/**
 * Runs one triage change: checks the tip belongs to the staff member's agency, applies `change` (which writes
 * its timeline entry), counts it as a response, and audits it, all in one transaction.
 */
export async function triageChange<T extends Record<string, unknown>>(
  ctx: TipsContext, staff: StaffActor, tipId: number, action: string, change: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await requireOwner(tx, staff, tipId);
    // Serialises concurrent changes of one tip, so a state check and its update see the same row.
    await tx.query('SELECT 1 FROM tips WHERE id = $1 FOR UPDATE', [tipId]);
    const details = await change(tx);
    await markFirstResponse(tx, tipId);
    await appendAudit(tx, { actor: staff.audit, action, targetType: 'tip', targetId: tipId, outcome: 'success', details });
    return details;
  });
}

/** Moves a tip along an allowed transition (tip_transitions); closing needs an outcome, reopening clears it. */
export function changeState(ctx: TipsContext, staff: StaffActor, tipId: number, input: { state: string; outcome?: string; note?: string }) {
  return triageChange(ctx, staff, tipId, 'tips.state', async (tx) => {
    const [tip] = await tx.query<{ state: string }>('SELECT state FROM tips WHERE id = $1', [tipId]);
    const allowed = await tx.query('SELECT 1 FROM tip_transitions WHERE from_state = $1 AND to_state = $2', [tip.state, input.state]);
    if (allowed.length === 0) throw new AppError(409, 'tip_transition', `A tip cannot go from "${tip.state}" to "${input.state}".`, { from: tip.state, to: input.state });
    const [target] = await tx.query<{ is_closed: boolean }>('SELECT is_closed FROM tip_states WHERE code = $1', [input.state]);
    if (target.is_closed && !input.outcome) throw new AppError(400, 'outcome_required', 'outcome: say how the tip ended when closing it', { field: 'outcome' });
    if (input.outcome && (await tx.query('SELECT 1 FROM tip_outcomes WHERE code = $1', [input.outcome])).length === 0) {
      throw new AppError(400, 'unknown_outcome', `outcome: "${input.outcome}" is not an outcome`, { field: 'outcome' });
    }
    const outcome = target.is_closed ? input.outcome! : null;
    await tx.query(
      `UPDATE tips SET state = $2, outcome = $3, closed_at = CASE WHEN $4 THEN now() ELSE NULL END, updated_at = now() WHERE id = $1`,
      [tipId, input.state, outcome, target.is_closed]);
    await addTimeline(tx, { tipId, kind: 'state', author: 'staff', userId: staff.userId, body: input.note ?? '', data: { from: tip.state, to: input.state, outcome } });
    return { from: tip.state, to: input.state, outcome };
  });
}

export function setPriority(ctx: TipsContext, staff: StaffActor, tipId: number, priority: Priority) {
  return triageChange(ctx, staff, tipId, 'tips.priority', async (tx) => {
    const [tip] = await tx.query<{ priority: string }>('SELECT priority FROM tips WHERE id = $1', [tipId]);
    await tx.query('UPDATE tips SET priority = $2, updated_at = now() WHERE id = $1', [tipId, priority]);
    await addTimeline(tx, { tipId, kind: 'priority', author: 'staff', userId: staff.userId, data: { from: tip.priority, to: priority } });
    return { from: tip.priority, to: priority };
  });
}

/** Assigns a handler of the same agency (or nobody); a new tip that gets a handler becomes 'assigned'. */
export function assignTip(ctx: TipsContext, staff: StaffActor, tipId: number, userId: number | null) {
  return triageChange(ctx, staff, tipId, 'tips.assign', async (tx) => {
    if (userId !== null) {
      const users = await tx.query("SELECT 1 FROM users WHERE id = $1 AND agency_id = $2 AND status = 'active'", [userId, staff.agencyId]);
      if (users.length === 0) throw new AppError(400, 'not_agency_member', `userId: user ${userId} is not an active member of your agency`, { field: 'userId' });
    }
    const [tip] = await tx.query<{ state: string }>('SELECT state FROM tips WHERE id = $1', [tipId]);
    const nextState = userId !== null && tip.state === 'new' ? 'assigned' : tip.state;
    await tx.query('UPDATE tips SET assigned_to = $2, state = $3, updated_at = now() WHERE id = $1', [tipId, userId, nextState]);
    await addTimeline(tx, { tipId, kind: 'assign', author: 'staff', userId: staff.userId, data: { to: userId } });
    if (nextState !== tip.state) await addTimeline(tx, { tipId, kind: 'state', author: 'system', data: { from: tip.state, to: nextState } });
    return { to: userId, state: nextState };
  });
}

/** Routes a tip to a primary unit (the recipient who acts) and info-only copies to other units. */
export function routeTip(ctx: TipsContext, staff: StaffActor, tipId: number, input: { primaryUnitId: number | null; copyUnitIds: number[] }) {
  return triageChange(ctx, staff, tipId, 'tips.route', async (tx) => {
    const wanted = [...new Set([...(input.primaryUnitId ? [input.primaryUnitId] : []), ...input.copyUnitIds])];
    const known = await tx.query<{ id: number }>('SELECT id FROM tip_units WHERE id = ANY($1::int[]) AND (agency_id IS NULL OR agency_id = $2)', [wanted, staff.agencyId]);
    const missing = wanted.filter((id) => !known.some((k) => k.id === id));
    if (missing.length > 0) throw new AppError(400, 'unknown_unit', `unit ${missing[0]} is not one of your agency's units`, { field: 'copyUnitIds' });
    const copies = input.copyUnitIds.filter((id) => id !== input.primaryUnitId);
    await tx.query('UPDATE tips SET primary_unit_id = $2, updated_at = now() WHERE id = $1', [tipId, input.primaryUnitId]);
    await tx.query('DELETE FROM tip_copies WHERE tip_id = $1', [tipId]);
    if (copies.length > 0) await tx.query('INSERT INTO tip_copies (tip_id, unit_id) SELECT $1, unnest($2::int[])', [tipId, copies]);
    await addTimeline(tx, { tipId, kind: 'route', author: 'staff', userId: staff.userId, data: { primaryUnitId: input.primaryUnitId, copyUnitIds: copies } });
    return { primaryUnitId: input.primaryUnitId, copyUnitIds: copies };
  });
}

/** Hands a tip to a partner agency, whose staff can then read it (never change it). */
export function forwardTip(ctx: TipsContext, staff: StaffActor, tipId: number, input: { agencyId: number; note: string }) {
  return triageChange(ctx, staff, tipId, 'tips.forward', async (tx) => {
    if (input.agencyId === staff.agencyId) throw new AppError(400, 'forward_to_self', 'agencyId: a tip cannot be forwarded to its own agency', { field: 'agencyId' });
    const [agency] = await tx.query<{ name: string }>('SELECT name FROM agencies WHERE id = $1', [input.agencyId]);
    if (!agency) throw new AppError(400, 'forward_agency_missing', `agencyId: agency ${input.agencyId} does not exist`, { field: 'agencyId' });
    const inserted = await tx.query(
      'INSERT INTO tip_forwards (tip_id, agency_id, note, forwarded_by) VALUES ($1,$2,$3,$4) ON CONFLICT (tip_id, agency_id) DO NOTHING RETURNING id',
      [tipId, input.agencyId, input.note, staff.userId]);
    if (inserted.length === 0) throw new AppError(409, 'already_forwarded', `This tip was already forwarded to ${agency.name}.`, { agency: agency.name });
    await addTimeline(tx, { tipId, kind: 'forward', author: 'staff', userId: staff.userId, body: input.note, data: { agencyId: input.agencyId, agencyName: agency.name } });
    return { agencyId: input.agencyId };
  });
}

/** Marks (or unmarks) a tip as a duplicate of another tip of the agency, or as a prank. */
export function flagTip(ctx: TipsContext, staff: StaffActor, tipId: number, input: { duplicateOf?: string | null; prank?: boolean }) {
  return triageChange(ctx, staff, tipId, 'tips.flag', async (tx) => {
    const details: Record<string, unknown> = {};
    if (input.duplicateOf !== undefined) {
      let originalId: number | null = null;
      if (input.duplicateOf !== null) {
        const [original] = await tx.query<{ id: number }>('SELECT id FROM tips WHERE number = upper($1) AND agency_id = $2', [input.duplicateOf, staff.agencyId]);
        if (!original || original.id === tipId) throw new AppError(400, 'not_a_duplicate', `duplicateOf: ${input.duplicateOf} is not another tip of your agency`, { field: 'duplicateOf' });
        originalId = original.id;
      }
      await tx.query('UPDATE tips SET duplicate_of = $2, updated_at = now() WHERE id = $1', [tipId, originalId]);
      await addTimeline(tx, { tipId, kind: 'duplicate', author: 'staff', userId: staff.userId, data: { of: input.duplicateOf } });
      details.duplicateOf = input.duplicateOf;
    }
    if (input.prank !== undefined) {
      await tx.query('UPDATE tips SET is_prank = $2, updated_at = now() WHERE id = $1', [tipId, input.prank]);
      await addTimeline(tx, { tipId, kind: 'prank', author: 'staff', userId: staff.userId, data: { prank: input.prank } });
      details.prank = input.prank;
    }
    if (Object.keys(details).length === 0) throw new AppError(400, 'nothing_to_mark', 'Say what to mark: duplicateOf or prank');
    return details;
  });
}

/** An internal note: never shown to the tipster. */
export function addNote(ctx: TipsContext, staff: StaffActor, tipId: number, body: string) {
  return triageChange(ctx, staff, tipId, 'tips.note', async (tx) => {
    const id = await addTimeline(tx, { tipId, kind: 'note', author: 'staff', userId: staff.userId, body });
    return { entryId: id };
  });
}
