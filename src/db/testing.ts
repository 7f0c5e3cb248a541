/**
 * Real databases for tests, never mocks. BRIDGES_TEST_DB selects the backend ('pglite', the default, or
 * 'postgres'). The global setup migrates one template per run; each test file then gets its own copy:
 * a PGlite data-dir clone, or CREATE DATABASE … TEMPLATE on the local PostgreSQL 15 server.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from './types.js';
import { migrate } from './migrate.js';
import { allMigrationSources } from './sources.js';

export type TestBackend = 'pglite' | 'postgres';
export const testBackend = (): TestBackend => (process.env.BRIDGES_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** Admin connection to the local server (trust auth); BRIDGES_TEST_PG_URL overrides it. */
export const adminUrl = () => process.env.BRIDGES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlFor = (database: string) => {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
};

const outputDir = () => join(process.cwd(), '.test-output');
// Each run's templates have their own names (passed to the workers in the environment), so two test runs
// in one tree never use or drop each other's templates.
const runTag = () => process.env.BRIDGES_TEST_RUN ?? 'default';
const pgliteTemplatePath = () => join(outputDir(), `pglite-template-${runTag()}.tgz`);
const pgTemplateNamePath = () => join(outputDir(), `pg-template-name-${runTag()}`);

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Called once per test run (vitest globalSetup): builds the migrated templates. Returns the teardown. */
export async function buildTestTemplates(backends: readonly TestBackend[]): Promise<() => Promise<void>> {
  process.env.BRIDGES_TEST_RUN ??= `${process.pid}-${randomBytes(3).toString('hex')}`;
  mkdirSync(outputDir(), { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  if (backends.includes('pglite')) {
    const { openPglite } = await import('./pglite.js');
    const db = await openPglite();
    await migrate(db, allMigrationSources());
    const dump = await db.pglite.dumpDataDir('gzip');
    writeFileSync(pgliteTemplatePath(), Buffer.from(await dump.arrayBuffer()));
    await db.close();
    cleanups.push(async () => rmSync(pgliteTemplatePath(), { force: true }));
  }
  if (backends.includes('postgres')) {
    const name = `bridges_tmpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const { openPostgres } = await import('./postgres.js');
    const db = await openPostgres(urlFor(name), { max: 1 });
    await migrate(db, allMigrationSources());
    await db.close();
    writeFileSync(pgTemplateNamePath(), name);
    cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    cleanups.push(async () => rmSync(pgTemplateNamePath(), { force: true }));
  }
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}

export interface TestDatabase extends Db {
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
  /** postgres:// URL of this database (PostgreSQL backend only), for code that opens its own pool. */
  url?: string;
}

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(backend: TestBackend = testBackend()): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const { openPglite } = await import('./pglite.js');
    const template = new Blob([readFileSync(pgliteTemplatePath())]);
    const db = await openPglite(undefined, template);
    return Object.assign(db, { drop: () => db.close() });
  }
  const template = readFileSync(pgTemplateNamePath(), 'utf8').trim();
  const name = `bridges_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const { openPostgres } = await import('./postgres.js');
  const url = urlFor(name);
  const db = await openPostgres(url);
  return Object.assign(db, {
    url,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  });
}
