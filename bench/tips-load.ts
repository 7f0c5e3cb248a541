/**
 * Loopback load test of anonymous tips: submissions and follow-ups (passphrase check + message) per second and
 * p99 latency on PGlite and on PostgreSQL (a fresh database, dropped after), next to a bare Fastify hello-world
 * on the same machine as the ceiling. Every accepted tip is counted against the rows stored. Prints figures,
 * asserts nothing about time. Bounded: TIPS_BENCH_REQUESTS per run (6000) and TIPS_BENCH_SECONDS (15).
 *
 *   npx tsx bench/tips-load.ts            # both databases
 *   TIPS_BENCH_BACKENDS=postgres npx tsx bench/tips-load.ts
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import type { Db } from '../src/db/types.js';
import { migrate } from '../src/db/migrate.js';
import { allMigrationSources } from '../src/db/sources.js';
import { adminUrl } from '../src/db/testing.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/auth/testing.js';
import type { ConfigWithTips } from '../src/programs/tips/settings.js';
import type { LoadJob, LoadResult } from './tips-load-client.js';

const REQUESTS = Number(process.env.TIPS_BENCH_REQUESTS ?? 6000);
const SECONDS = Number(process.env.TIPS_BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.TIPS_BENCH_CONCURRENCY ?? 32);
const BACKENDS = (process.env.TIPS_BENCH_BACKENDS ?? 'pglite,postgres').split(',');
/** The budget's rate: tips started at this pace whatever the answers (open loop). */
const TARGET_RATE = Number(process.env.TIPS_BENCH_RATE ?? 500);
const UNLIMITED = { max: 1_000_000_000, windowSeconds: 60 };

function runClient(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./tips-load-client.ts', import.meta.url).pathname, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load client exited with ${code}`))));
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const job = (base: string, scenario: LoadJob['scenario'], extra: Partial<LoadJob> = {}): LoadJob =>
  ({ base, scenario, concurrency: CONCURRENCY, maxRequests: REQUESTS, maxSeconds: SECONDS, ...extra });

function line(label: string, result: LoadResult, kind: string, extra = ''): string {
  const l = result.latency[kind];
  const rps = l ? l.count / result.seconds : 0;
  return `${label.padEnd(34)} ${String(l?.count ?? 0).padStart(6)} req  ${rps.toFixed(0).padStart(6)} req/s  p50 ${String(l?.p50 ?? '-').padStart(7)} ms  p99 ${String(l?.p99 ?? '-').padStart(7)} ms${extra}`;
}

async function helloWorld(): Promise<string> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  const base = await listen(app);
  try {
    return line('fastify hello-world (ceiling)', await runClient(job(base, 'hello')), 'hello');
  } finally {
    await app.close();
  }
}

async function openBackend(kind: string): Promise<{ db: Db; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const { openPglite } = await import('../src/db/pglite.js');
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `bridges_tipsbench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const { openPostgres } = await import('../src/db/postgres.js');
  const db = await openPostgres(url.toString());
  return {
    db,
    drop: async () => {
      // Idle connections may still be closing when DROP … WITH (FORCE) ends them: that is expected here.
      db.pool.on('error', () => undefined);
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Accepted (201) tips against the rows stored, and anything that was not a 201. */
async function lostTips(db: Db, run: LoadResult): Promise<string> {
  const numbers = run.accepted.map((r) => r.tipNumber);
  const [stored] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tips WHERE number = ANY($1::text[])', [numbers]);
  const refused = Object.entries(run.statuses).filter(([k]) => !k.endsWith(' 201')).map(([k, v]) => `${k}: ${v}`).join(', ');
  return `  accepted ${numbers.length}, stored ${stored.n}, lost ${numbers.length - stored.n}${refused ? `, not accepted (${refused})` : ''}`;
}

async function tipsOn(kind: string): Promise<string[]> {
  const { db, drop } = await openBackend(kind);
  try {
    await migrate(db, allMigrationSources());
    await db.query(`INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat)
      VALUES ('bench-pd', 'Bench Police Department', 'police', 'America/New_York', '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', -75.16, 39.95)`);
    // Abuse limits are on by default; the load test raises them through config, as an operator would.
    const config: ConfigWithTips = { ...testConfig(), tips: { limits: { submit: UNLIMITED, access: UNLIMITED, followUp: UNLIMITED } } };
    const app = await buildApp({ db, config });
    const base = await listen(app);
    try {
      await runClient({ ...job(base, 'submit'), maxRequests: 200, maxSeconds: 5 }); // warm-up: JIT, pools, caches
      const submit = await runClient(job(base, 'submit'));
      const paced = await runClient({ ...job(base, 'submit'), rate: TARGET_RATE, concurrency: 512, maxRequests: Math.min(REQUESTS, TARGET_RATE * 10) });
      const followUp = await runClient({ ...job(base, 'follow-up'), maxRequests: Math.floor(REQUESTS / 2), credentials: submit.accepted.slice(0, 2000) });
      return [
        line(`${kind}: tip submission (max)`, submit, 'submit', await lostTips(db, submit)),
        line(`${kind}: tips at ${TARGET_RATE}/s (open loop)`, paced, 'submit', await lostTips(db, paced)),
        line(`${kind}: follow-up passphrase check`, followUp, 'access'),
        line(`${kind}: follow-up message`, followUp, 'message'),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}

console.log(`tips load test: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, concurrency ${CONCURRENCY}, at most ${REQUESTS} requests or ${SECONDS} s per run, loopback only`);
console.log(await helloWorld());
for (const backend of BACKENDS) for (const row of await tipsOn(backend)) console.log(row);
