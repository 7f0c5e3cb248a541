import { corePermissions, type PermissionSpec } from './permissions.js';
import type { ProgramManifest } from '../program/define.js';

/** Core permissions plus every registered program's, by name. */
export function permissionCatalogue(programs: readonly ProgramManifest[]): Record<string, PermissionSpec> {
  const all: Record<string, PermissionSpec> = { ...corePermissions };
  for (const program of programs) Object.assign(all, program.permissions);
  return all;
}
