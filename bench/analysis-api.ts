/**
 * Latency of /api/analysis/* on a city-year of incidents (prints, never asserts):
 *   npx tsx bench/analysis-api.ts [--db pglite|postgres] [--rows 200000] [--runs 5]
 * The database gets the demo (Philadelphia's city limits, districts and 12,926 shooting incidents 2015–2023)
 * plus `--rows` synthetic incidents in 2022, clustered around 40 centres inside the city, as a large city's
 * year of recorded crime. Each request is timed through the real server (app.inject: routing, validation,
 * loading, worker thread, GeoJSON, audit row): once cold (first load of the agency, worker start) and then
 * warm (median of --runs). The server listens 2 s before the first request, as a started server would
 * (it starts its workers and loads the largest agencies into the cache in the background). Last, the event loop's responsiveness is sampled while a Knox test runs.
 */
import { loadavg, cpus } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Db } from '../src/db/types.js';
import { migrate } from '../src/db/migrate.js';
import { allMigrationSources } from '../src/db/sources.js';
import { loadConfig } from '../src/core/config.js';
import { loadDemo } from '../src/demo/load.js';
import { buildApp } from '../src/server/app.js';
import { insertStaff } from '../src/testing/fixtures.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const backend = arg('db', 'pglite');
const rows = Number(arg('rows', '200000'));
const runs = Number(arg('runs', '5'));
const ADMIN_URL = process.env.BRIDGES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function openBenchDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (backend === 'postgres') {
    const name = `bridges_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const { openPostgres } = await import('../src/db/postgres.js');
    const db = await openPostgres(url.toString());
    return {
      db,
      cleanup: async () => {
        await db.close();
        const again = new pg.Client({ connectionString: ADMIN_URL });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const { openPglite } = await import('../src/db/pglite.js');
  const db = await openPglite();
  return { db, cleanup: () => db.close() };
}

const { db, cleanup } = await openBenchDb();
console.log(`database ${backend}; ${cpus().length} cores; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
let t0 = performance.now();
await migrate(db, allMigrationSources());
const config = { ...loadConfig({}), demoMode: true, dataDir: mkdtempSync(join(tmpdir(), 'bridges-bench-')) };
await loadDemo(db, { config });
const [{ id: agencyId }] = await db.query<{ id: number }>("SELECT id FROM agencies WHERE slug = 'philadelphia-pd'");
console.log(`demo loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Synthetic year: centres spread over the city's middle, sd 150–600 m, uniform times over 2022.
t0 = performance.now();
await db.query(
  `WITH centre AS (
     SELECT k, 478000 + (k * 7919) % 22000 AS cx, 4420000 + (k * 104729) % 22000 AS cy, 150 + (k % 4) * 150 AS sd FROM generate_series(0, 39) k)
   INSERT INTO incidents (agency_id, source_system, source_id, category, occurred_at, lon, lat, x, y)
   SELECT $1, 'bench', g::text, (ARRAY['larceny','burglary','vehicle_theft','simple_assault','vandalism','robbery','drugs'])[1 + g % 7],
          timestamptz '2022-01-01 00:00-05' + random() * interval '365 days',
          -75.1652 + (p.x - 486000) / 85000.0, 39.9526 + (p.y - 4423000) / 111000.0, p.x, p.y
     FROM generate_series(1, $2::int) g
     JOIN centre c ON c.k = g % 40
     CROSS JOIN LATERAL (SELECT c.cx + c.sd * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS x,
                                c.cy + c.sd * sqrt(-2 * ln(1 - random())) * sin(2 * pi() * random()) AS y) p`,
  [agencyId, rows]);
console.log(`${rows.toLocaleString('en')} synthetic incidents in 2022 inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const app = await buildApp({ db, config });
// Listen as `bridges serve` does (the analysis workers start when the server listens), then give them the
// moment a real server has before its first user: the first request below still loads the agency's incidents.
await app.listen({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => setTimeout(resolve, 2000));
const staff = await insertStaff(db, agencyId, ['incidents:read']);

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  const res = await app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const ms = performance.now() - start;
  if (res.statusCode !== 200) console.log(`  ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  return { ms, bytes: res.rawPayload.length, status: res.statusCode };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const year = 'from=2022-01-01&to=2023-01-01';
const cases: Array<[string, string]> = [
  ['KDE, shootings 2022 (real), console map (top 20%)', `/api/analysis/hotspots?${year}&category=shooting,homicide&top=0.2`],
  ['KDE, all incidents 2022, console map (top 20%)', `/api/analysis/hotspots?${year}&top=0.2`],
  ['KDE, all incidents 2022, every cell (GeoJSON)', `/api/analysis/hotspots?${year}`],
  ['KDE, all incidents 2022, every cell (CSV)', `/api/analysis/hotspots?${year}&format=csv`],
  ['Gi*, all incidents 2022, significant cells', `/api/analysis/gistar?${year}&significantOnly=true`],
  ['forecast (bridges), shootings, top 5%', '/api/analysis/forecast?category=shooting,homicide'],
  ['Knox 99 permutations, shootings 2022', `/api/analysis/near-repeat?${year}&category=shooting,homicide&iterations=99`],
];

console.log('\n| request | incidents | first (cold) | warm median | response |\n|---|---|---|---|---|');
let firstRequest = true;
for (const [label, url] of cases) {
  const cold = await timed(url);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await timed(url)).ms);
  const [{ details }] = await db.query<{ details: { incidents: number } }>("SELECT details FROM audit_log WHERE action = 'analysis.run' ORDER BY id DESC LIMIT 1");
  const note = firstRequest ? ' (first request after the server started)' : '';
  firstRequest = false;
  console.log(`| ${label} | ${details.incidents.toLocaleString('en')} | ${cold.ms.toFixed(0)} ms${note} | ${median(warm).toFixed(0)} ms | ${(cold.bytes / 1024).toFixed(0)} KiB |`);
}

// Responsiveness: /api/health every 20 ms while a Knox test of every shooting (999 permutations) runs.
const knox = timed('/api/analysis/near-repeat?category=shooting,homicide&iterations=999');
const pings: number[] = [];
let done = false;
void knox.then(() => (done = true));
while (!done) {
  const start = performance.now();
  await app.inject({ method: 'GET', url: '/api/health' });
  pings.push(performance.now() - start);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const knoxTime = await knox;
console.log(`\nWhile a Knox test of every shooting ran (999 permutations, ${(knoxTime.ms / 1000).toFixed(1)} s), /api/health answered ${pings.length} times: median ${median(pings).toFixed(1)} ms, slowest ${Math.max(...pings).toFixed(1)} ms.`);
console.log(`load average at the end ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);

await app.close();
await cleanup();
