import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../../db/types.js';
import type { PermissionSpec } from '../people/permissions.js';
import type { BridgesConfig } from '../config.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import type { EventBus, EventHandlers } from '../events/bus.js';

/** Text shown to people, in every language the program ships; English is required. */
export type LocalizedText = { en: string; es: string } & Record<string, string>;

/** What a program's routes get from the server: the database and the guards, never the server itself. */
export interface ProgramRouteContext {
  db: Db;
  config: BridgesConfig;
  /** Publish core events; programs' `on` handlers are subscribed on it. */
  events: EventBus;
  /** preHandler that answers 401 without a session and 403 (audited) without the permission. */
  requirePermission(permission: string): preHandlerAsyncHookHandler;
}

/** One headline figure a program reports for dashboards and the public results page. */
export interface ProgramStat {
  key: string;
  label: LocalizedText;
  value: number;
}

export interface DemoSeedContext {
  db: Db;
  /** Agency ids of the demo agencies by slug. */
  agencies: Record<string, number>;
  /** Demo user ids by username. */
  users: Record<string, number>;
}

/**
 * A program's manifest (the Decidim component idea): everything the platform needs to mount it.
 * Adding a program = a folder with an index.ts that calls defineProgram, plus one line in registry.ts.
 * Its screens are found by the web app at src/programs/<id>/ui/index.tsx.
 */
export interface ProgramManifest<Permission extends string = string> {
  /** URL-safe id: the API prefix /api/programs/<id> and the migration scope. */
  id: string;
  name: LocalizedText;
  summary: LocalizedText;
  permissions: Record<Permission, PermissionSpec>;
  /** Absolute path of the folder with this program's numbered .sql migrations. */
  migrations?: string;
  routes?: (app: FastifyInstance, ctx: ProgramRouteContext) => Promise<void> | void;
  stats?: (db: Db) => Promise<ProgramStat[]>;
  /** Handlers of core events (e.g. 'incidents.recorded' opens a walk after a shooting). */
  on?: EventHandlers;
  /** Recurring jobs (reminders, scheduled briefings); names must start with the program id and a dot. */
  jobs?: readonly JobDefinition[];
  /** Demo content, clearly marked as demo, loaded once with the demo. */
  seedDemo?: (ctx: DemoSeedContext) => Promise<void>;
}

const PROGRAM_ID = /^[a-z][a-z0-9-]{1,40}$/;

export function defineProgram<Permission extends string>(manifest: ProgramManifest<Permission>): ProgramManifest<Permission> {
  if (!PROGRAM_ID.test(manifest.id)) throw new Error(`Program id "${manifest.id}" must be lower-case letters, digits and dashes`);
  for (const permission of Object.keys(manifest.permissions)) {
    if (!permission.startsWith(`${manifest.id}:`)) {
      throw new Error(`Program ${manifest.id}: permission "${permission}" must start with "${manifest.id}:"`);
    }
  }
  for (const job of manifest.jobs ?? []) {
    if (!job.name.startsWith(`${manifest.id}.`)) throw new Error(`Program ${manifest.id}: job "${job.name}" must start with "${manifest.id}."`);
  }
  return manifest;
}
