import type { ProgramManifest } from '../core/program/define.js';
import type { MigrationSource } from '../db/migrate.js';
import { notices } from './notices/index.js';
import { tips } from './tips/index.js';
import { requests311 } from './requests311/index.js';

/** Every program the platform mounts, in migration order. Adding a program is one line here. */
export const programs: readonly ProgramManifest[] = [notices, tips, requests311];

export function programMigrations(): MigrationSource[] {
  return programs.filter((p) => p.migrations).map((p) => ({ scope: p.id, directory: p.migrations! }));
}
