import type { ProgramManifest } from '../core/program/define.js';
import type { MigrationSource } from '../db/migrate.js';
import { notices } from './notices/index.js';
import { tips } from './tips/index.js';
import { requests311 } from './requests311/index.js';
import { events } from './events/index.js';
import { watch } from './watch/index.js';
import { board } from './board/index.js';
import { walks } from './walks/index.js';
import { problems } from './problems/index.js';
import { volunteers } from './volunteers/index.js';
import { resources } from './resources/index.js';
import { icap } from './icap/index.js';

/** Every program the platform mounts, in migration order. Adding a program is one line here. */
export const programs: readonly ProgramManifest[] = [notices, tips, requests311, events, walks, volunteers, resources, problems, icap, watch, board];

export function programMigrations(): MigrationSource[] {
  return programs.filter((p) => p.migrations).map((p) => ({ scope: p.id, directory: p.migrations! }));
}
