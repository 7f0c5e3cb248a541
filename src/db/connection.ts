import { mkdirSync } from 'node:fs';
import type { Db } from './types.js';

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; absent selects embedded PGlite. */
  databaseUrl?: string;
  /** Folder for the embedded database; 'memory' keeps it in memory only. */
  dataDir?: string;
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.js');
  if (!options.dataDir || options.dataDir === 'memory') return openPglite();
  mkdirSync(options.dataDir, { recursive: true });
  return openPglite(`${options.dataDir}/pgdata`);
}
