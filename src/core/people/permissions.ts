/**
 * The permission catalogue. A permission is granted by a role of the user's own agency; anything not granted
 * is denied. Programs add their own permissions through their manifest.
 */
export interface PermissionSpec {
  description: string;
  /** Roles that get it in a new agency by default. */
  defaultRoles: readonly RoleName[];
}

export const ROLE_NAMES = [
  'administrator', 'command', 'analyst', 'officer', 'tip_handler', 'volunteer_coordinator', 'partner',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const corePermissions = {
  'incidents:read': { description: 'See incidents with exact locations', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
  'incidents:import': { description: 'Import incidents and areas', defaultRoles: ['administrator', 'analyst'] },
  'areas:manage': { description: 'Create, change and delete areas', defaultRoles: ['administrator', 'analyst'] },
  'users:manage': { description: 'Manage users and roles of the agency', defaultRoles: ['administrator'] },
  'agencies:manage': { description: 'Create and change agencies (platform administration)', defaultRoles: ['administrator'] },
  'audit:read': { description: 'Read and verify the audit log', defaultRoles: ['administrator', 'command'] },
} satisfies Record<string, PermissionSpec>;

export type CorePermission = keyof typeof corePermissions;

/** The actor behind a request or command, with the permissions its roles grant. */
export interface Actor {
  userId: number;
  agencyId: number;
  username: string;
  displayName: string;
  permissions: ReadonlySet<string>;
  sourceIp?: string;
}

export function can(actor: Actor | null | undefined, permission: string): boolean {
  return Boolean(actor?.permissions.has(permission));
}
