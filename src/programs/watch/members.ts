/** Staff side of memberships: who is in a group (names and channels, never addresses), captains, removal. */
import type { Db } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { notFound } from '../../core/errors.js';
import { findAgencyGroup } from './groups.js';
import { channelsOf } from './requests.js';
import type { StaffMemberView } from './validation.js';

type Actor = AuditActor & { agencyId: number };

export async function listMembers(db: Db, actor: Actor, groupId: number): Promise<StaffMemberView[]> {
  await findAgencyGroup(db, actor.agencyId, groupId);
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; name: string | null; role: 'member' | 'captain'; has_email: boolean; has_phone: boolean; joined_at: Date }>(
      `SELECT id, name, role, email IS NOT NULL AS has_email, phone IS NOT NULL AS has_phone, joined_at FROM watch_members
       WHERE group_id = $1 AND left_at IS NULL ORDER BY role = 'captain' DESC, joined_at, id`, [groupId]);
    await appendAudit(tx, { actor, action: 'watch.members_read', targetType: 'watch_group', targetId: groupId, outcome: 'success', details: { rows: rows.length } });
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, channels: channelsOf(r.has_email, r.has_phone), joinedAt: r.joined_at }));
  });
}

export async function setMemberRole(db: Db, actor: Actor, groupId: number, memberId: number, role: 'member' | 'captain'): Promise<void> {
  await db.transaction(async (tx) => {
    await findAgencyGroup(tx, actor.agencyId, groupId);
    const rows = await tx.query<{ id: number }>('UPDATE watch_members SET role = $3 WHERE id = $1 AND group_id = $2 AND left_at IS NULL RETURNING id', [memberId, groupId, role]);
    if (rows.length === 0) throw notFound(`Member ${memberId}`);
    await appendAudit(tx, { actor, action: 'watch.member_role', targetType: 'watch_member', targetId: memberId, outcome: 'success', details: { groupId, role } });
  });
}

/** Removes a member (at their request by phone, say): the contact is erased as when they leave themselves. */
export async function removeMember(db: Db, actor: Actor, groupId: number, memberId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await findAgencyGroup(tx, actor.agencyId, groupId);
    const rows = await tx.query<{ id: number }>(
      'UPDATE watch_members SET left_at = now(), name = NULL, email = NULL, phone = NULL WHERE id = $1 AND group_id = $2 AND left_at IS NULL RETURNING id', [memberId, groupId]);
    if (rows.length === 0) throw notFound(`Member ${memberId}`);
    await appendAudit(tx, { actor, action: 'watch.member_remove', targetType: 'watch_member', targetId: memberId, outcome: 'success', details: { groupId } });
  });
}
