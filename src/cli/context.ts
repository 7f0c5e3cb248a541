import { loadConfig, type BridgesConfig } from '../core/config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { allMigrationSources } from '../db/sources.js';
import type { Db } from '../db/types.js';

/** Opens the configured database, brings its schema up to date and hands it to the command. */
export async function withDatabase<T>(fn: (db: Db, config: BridgesConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db, allMigrationSources());
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
