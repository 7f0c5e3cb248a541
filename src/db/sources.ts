import { coreMigrations, type MigrationSource } from './migrate.js';
import { programMigrations } from '../programs/registry.js';

/** Core migrations first, then each registered program's. */
export function allMigrationSources(): MigrationSource[] {
  return [coreMigrations, ...programMigrations()];
}
