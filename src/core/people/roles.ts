import type { Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../audit/audit.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { PermissionSpec } from './permissions.js';

/** A role as the admin API shows it. */
export interface RoleView {
  id: number;
  name: string;
  description: string;
  permissions: string[];
}

export interface RoleInput {
  name: string;
  description?: string;
  permissions: readonly string[];
}

export type RolePatch = Partial<RoleInput>;

/** Which roles to give a user: by name (CLI, demo loader) or by id (admin API), never both. */
export type RoleSelection = { roleNames?: readonly string[]; roleIds?: never } | { roleIds?: readonly number[]; roleNames?: never };

export type PermissionCatalogue = Readonly<Record<string, PermissionSpec>>;

const SYSTEM: AuditActor = { label: 'system' };
const ROLE_COLUMNS = 'id, name, description, permissions';

/** Throws a 400 naming every permission the catalogue does not know; returns the list sorted, without repeats. */
export function assertKnownPermissions(permissions: readonly string[], catalogue: PermissionCatalogue): string[] {
  const unknown = permissions.filter((p) => !Object.hasOwn(catalogue, p));
  if (unknown.length > 0) {
    throw badRequest(`Unknown permission${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. See GET /api/admin/permissions.`, { field: 'permissions', unknown });
  }
  return [...new Set(permissions)].sort();
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 60) throw badRequest('A role name must be 2 to 60 characters long.', { field: 'name' });
  return trimmed;
}

/** The roles of one agency, by name. */
export function listRoles(q: Queryable, agencyId: number): Promise<RoleView[]> {
  return q.query<RoleView>(`SELECT ${ROLE_COLUMNS} FROM roles WHERE agency_id = $1 ORDER BY name`, [agencyId]);
}

/** One role of the agency; a role of another agency is 404, exactly like a missing one. */
export async function getRole(q: Queryable, agencyId: number, roleId: number): Promise<RoleView> {
  const rows = await q.query<RoleView>(`SELECT ${ROLE_COLUMNS} FROM roles WHERE id = $1 AND agency_id = $2`, [roleId, agencyId]);
  if (!rows[0]) throw notFound('Role');
  return rows[0];
}

async function assertNameFree(q: Queryable, agencyId: number, name: string, exceptId = 0): Promise<void> {
  const rows = await q.query('SELECT 1 FROM roles WHERE agency_id = $1 AND name = $2 AND id <> $3', [agencyId, name, exceptId]);
  if (rows.length > 0) throw conflict(`The agency already has a role named "${name}".`);
}

/** Creates a role in an agency and audits it. Run it in the caller's transaction. */
export async function createRole(q: Queryable, agencyId: number, input: RoleInput, catalogue: PermissionCatalogue, actor: AuditActor = SYSTEM): Promise<RoleView> {
  const name = cleanName(input.name);
  const permissions = assertKnownPermissions(input.permissions, catalogue);
  await assertNameFree(q, agencyId, name);
  const [role] = await q.query<RoleView>(
    `INSERT INTO roles (agency_id, name, description, permissions) VALUES ($1,$2,$3,$4) RETURNING ${ROLE_COLUMNS}`,
    [agencyId, name, input.description?.trim() ?? '', permissions],
  );
  await appendAudit(q, { actor, action: 'roles.create', targetType: 'role', targetId: role.id, outcome: 'success', details: { agencyId, name, permissions } });
  return role;
}

/** Changes a role of the agency and audits the before and after. Run it in the caller's transaction. */
export async function updateRole(q: Queryable, agencyId: number, roleId: number, patch: RolePatch, catalogue: PermissionCatalogue, actor: AuditActor = SYSTEM): Promise<RoleView> {
  const before = await getRole(q, agencyId, roleId);
  const name = patch.name === undefined ? before.name : cleanName(patch.name);
  if (name !== before.name) await assertNameFree(q, agencyId, name, roleId);
  const permissions = patch.permissions === undefined ? before.permissions : assertKnownPermissions(patch.permissions, catalogue);
  const description = patch.description === undefined ? before.description : patch.description.trim();
  const [role] = await q.query<RoleView>(
    `UPDATE roles SET name = $3, description = $4, permissions = $5 WHERE id = $1 AND agency_id = $2 RETURNING ${ROLE_COLUMNS}`,
    [roleId, agencyId, name, description, permissions],
  );
  await appendAudit(q, {
    actor, action: 'roles.update', targetType: 'role', targetId: roleId, outcome: 'success',
    details: { agencyId, before: { name: before.name, permissions: before.permissions }, after: { name, permissions } },
  });
  return role;
}

/**
 * Turns a role selection into role ids of the given agency. Names or ids that are not roles of that
 * agency are a 400 naming them: a user can only hold roles of their own agency.
 */
export async function resolveRoleIds(q: Queryable, agencyId: number, selection: RoleSelection): Promise<number[]> {
  const roles = await listRoles(q, agencyId);
  if (selection.roleNames) {
    const byName = new Map(roles.map((r) => [r.name, r.id]));
    const unknown = selection.roleNames.filter((n) => !byName.has(n));
    if (unknown.length > 0) {
      throw badRequest(`No role named ${unknown.map((n) => `"${n}"`).join(', ')} in this agency. Roles: ${roles.map((r) => r.name).join(', ') || 'none'}.`, { field: 'roleNames', unknown });
    }
    return [...new Set(selection.roleNames.map((n) => byName.get(n)!))];
  }
  const ids = new Set(roles.map((r) => r.id));
  const requested = selection.roleIds ?? [];
  const unknown = requested.filter((id) => !ids.has(id));
  if (unknown.length > 0) throw badRequest(`Role id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a role of this agency.`, { field: 'roleIds', unknown });
  return [...new Set(requested)];
}

/** Replaces a user's roles (ids already checked by resolveRoleIds). */
export async function setUserRoles(q: Queryable, userId: number, roleIds: readonly number[]): Promise<void> {
  await q.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  if (roleIds.length > 0) {
    await q.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::int[])', [userId, roleIds]);
  }
}

/** The permissions a user holds through roles of their own agency (the same rule as loadActor). */
export async function userPermissions(q: Queryable, userId: number): Promise<string[]> {
  const rows = await q.query<{ permission: string }>(
    `SELECT DISTINCT p AS permission FROM users u
       JOIN user_roles ur ON ur.user_id = u.id
       JOIN roles r ON r.id = ur.role_id AND r.agency_id = u.agency_id,
       unnest(r.permissions) AS p
      WHERE u.id = $1 ORDER BY 1`,
    [userId],
  );
  return rows.map((r) => r.permission);
}

/**
 * Throws a 409 when a change (made earlier in the same transaction) took a permission away from the user
 * making it, so the transaction rolls back: an administrator cannot lock themselves out by mistake.
 */
export async function assertStillHolds(q: Queryable, userId: number, permission: string): Promise<void> {
  const rows = await q.query<{ status: string }>('SELECT status FROM users WHERE id = $1', [userId]);
  const permissions = await userPermissions(q, userId);
  if (rows[0]?.status !== 'active' || !permissions.includes(permission)) {
    throw conflict(`This change would take the "${permission}" permission away from you. Ask another administrator to make it.`);
  }
}
