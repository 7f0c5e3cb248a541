/**
 * Import benchmark: writes N synthetic incidents (a clustered self-exciting process around Philadelphia) to a
 * temporary CSV, imports it into a fresh PGlite (on disk, in a temporary folder) and/or a fresh PostgreSQL
 * database (created on the local server and dropped afterwards), then imports it again to time the
 * idempotent re-run. Prints figures; asserts nothing.
 *
 *   npx tsx bench/import.ts [--rows 1000000] [--db pglite|postgres|both] [--batch 5000]
 *
 * Each database runs in a child process of its own, so the peak RSS printed is that import's alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Db } from '../src/db/types.js';
import { migrate } from '../src/db/migrate.js';
import { allMigrationSources } from '../src/db/sources.js';
import { importIncidents, type ImportSummary } from '../src/core/incidents/import/index.js';
import { writeSyntheticCsv } from './synthetic.js';

const CENTER = { lon: -75.1652, lat: 39.9526 };
const ADMIN_URL = process.env.BRIDGES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) the PostgreSQL backends of this database have used so far (Linux /proc). */
async function serverCpuSeconds(db: Db): Promise<number | null> {
  if (db.kind !== 'postgres') return null;
  const rows = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return null; // not on this machine, or not Linux
    }
  }
  return ticks / 100;
}

async function openBenchDb(kind: 'pglite' | 'postgres'): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bridges-bench-pglite-'));
    const { openPglite } = await import('../src/db/pglite.js');
    const db = await openPglite(join(dir, 'pgdata'));
    return { db, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `bridges_bench_${process.pid}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const { openPostgres } = await import('../src/db/postgres.js');
  const db = await openPostgres(url.toString());
  return { db, cleanup: async () => { await db.close(); await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

/** One database, in this (child) process: import twice and print the figures. */
async function runOne(kind: 'pglite' | 'postgres', csv: string, batchSize: number): Promise<void> {
  const { db, cleanup } = await openBenchDb(kind);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  try {
    await migrate(db, allMigrationSources());
    const [{ id: agencyId }] = await db.query<{ id: number }>(
      `INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat)
       VALUES ('bench', 'Bench PD', 'police', 'America/New_York', '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', $1, $2) RETURNING id`,
      [CENTER.lon, CENTER.lat],
    );
    const rejectsDir = mkdtempSync(join(tmpdir(), 'bridges-bench-rejects-'));
    const run = async (label: string): Promise<ImportSummary> => {
      const started = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      peakRss = process.memoryUsage().rss; // this run's own peak from here
      const serverBefore = await serverCpuSeconds(db);
      const summary = await importIncidents({
        db, agencyId, file: csv, actor: { label: 'bench' }, batchSize, rejectsPath: join(rejectsDir, `${label}.csv`),
        mapping: {
          id: 'source_id', occurred: 'occurred_at', offense_code: 'offense_code', offense: 'offense_text', category: 'category',
          latitude: 'lat', longitude: 'lon', address: 'address', district: 'attributes.district',
        },
        dateFormat: 'YYYY-MM-DD HH:mm', timeZone: 'America/New_York', sourceSystem: 'bench',
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      const serverAfter = await serverCpuSeconds(db);
      // The machine may be shared: CPU seconds and the load average say how much of the wall time was ours.
      const server = serverBefore !== null && serverAfter !== null ? `, server CPU ${(serverAfter - serverBefore).toFixed(1)} s` : '';
      console.log(`${kind.padEnd(8)} ${label.padEnd(6)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(summary.read / seconds).toLocaleString('en-US').padStart(9)} rows/s  ` +
        `read ${summary.read} inserted ${summary.inserted} updated ${summary.updated} unchanged ${summary.unchanged} rejected ${summary.rejected}  ` +
        `(import process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${server}, load average ${loadavg()[0].toFixed(1)}, peak RSS during the run ${mb(peakRss)})`);
      return summary;
    };
    await run('first');
    await run('again');
    rmSync(rejectsDir, { recursive: true, force: true });
  } finally {
    clearInterval(sampler);
    await cleanup();
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  // For PGlite this includes creating the database (initdb of a new data folder peaks at ~950 MiB by itself).
  console.log(`${kind.padEnd(8)} process peak RSS ${mb(maxRss)} (whole process: start, create, migrate, both runs)`);
}

async function main(): Promise<void> {
  const csvArg = arg('csv', '');
  const kind = arg('db', 'both');
  const batchSize = Number(arg('batch', '5000'));
  if (csvArg) {
    await runOne(kind as 'pglite' | 'postgres', csvArg, batchSize);
    return;
  }
  const rows = Number(arg('rows', '1000000'));
  const dir = mkdtempSync(join(tmpdir(), 'bridges-bench-'));
  const csv = join(dir, 'synthetic.csv');
  try {
    const started = Date.now();
    await writeSyntheticCsv(csv, { rows, centerLon: CENTER.lon, centerLat: CENTER.lat });
    console.log(`generated ${rows.toLocaleString('en-US')} rows (${mb(statSync(csv).size)}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const kinds = kind === 'both' ? ['pglite', 'postgres'] : [kind];
    for (const k of kinds) {
      // A child process per database: its peak RSS is its own, not the sum of both runs.
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--db', k, '--csv', csv, '--batch', String(batchSize)], { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`the ${k} run failed (exit ${child.status})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
