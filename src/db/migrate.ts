import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.js';

/** One folder of numbered .sql files; `scope` keeps core's and each program's numbering apart. */
export interface MigrationSource {
  scope: string;
  directory: string;
}

export const coreMigrations: MigrationSource = {
  scope: 'core',
  directory: join(dirname(fileURLToPath(import.meta.url)), 'migrations'),
};

interface Migration {
  id: string;
  sql: string;
}

function listMigrations(source: MigrationSource): Migration[] {
  if (!existsSync(source.directory)) return [];
  return readdirSync(source.directory)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ id: `${source.scope}/${name}`, sql: readFileSync(join(source.directory, name), 'utf8') }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, core first and then each program
 * in registry order. Returns the ids applied now.
 */
export async function migrate(db: Db, sources: readonly MigrationSource[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const appliedRows = await db.query<{ id: string }>('SELECT id FROM schema_migrations');
  const applied = new Set(appliedRows.map((row) => row.id));
  const appliedNow: string[] = [];
  for (const source of sources) {
    for (const migration of listMigrations(source)) {
      if (applied.has(migration.id)) continue;
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      });
      appliedNow.push(migration.id);
    }
  }
  return appliedNow;
}
