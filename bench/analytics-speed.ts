/**
 * Speed figures of the analytics engine (prints, never asserts). Run: npx tsx bench/analytics-speed.ts
 * Uses the real Chicago burglaries for the Knox test and seeded synthetic self-exciting data elsewhere.
 * open_cp figures quoted for comparison are the ones stated in the project issue.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as A from '../src/analytics/index.js';
import { runNearRepeat, WorkerPool, KNOX_SHARDS } from '../src/core/analysis/index.js';
import { loadChicagoBurglary } from './analytics-data.js';

// Usage: npx tsx bench/analytics-speed.ts [--knox-only]
const knoxOnly = process.argv.includes('--knox-only');
console.log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} (1, 5, 15 min)`);

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rssMiB = (): string => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;
const rows: string[][] = [];
function time<T>(label: string, reference: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  rows.push([label, seconds(ms), reference]);
  console.log(`${label}: ${seconds(ms)} (peak RSS so far ${rssMiB()})`);
  return out;
}

const region = { minX: 0, minY: 0, maxX: 30_000, maxY: 30_000 };
const hotspots: A.Hotspot[] = Array.from({ length: 20 }, (_, i) => ({ x: 2000 + ((i * 7919) % 26_000), y: 2000 + ((i * 104_729) % 26_000), sd: 300 + (i % 5) * 200, weight: 0.03 }));
function synthetic(n: number, seed: number): A.SimulatedEvents {
  const theta = 0.3;
  const duration = 1000;
  return A.simulateHawkes({ seed, duration, region, backgroundRate: (n * (1 - theta)) / duration, branchingRatio: theta, omega: 0.2, sigma: 80, hotspots });
}

// 1. Knox test on all Chicago burglaries.
const chicago = loadChicagoBurglary();
const knox = time(`Knox, Chicago burglaries (n=${chicago.t.length}), 100/200/300 m × 2/4 days, 999 permutations`, 'open_cp ≈ 11 s per permutation at 20,000 events', () =>
  A.knoxTest(chicago.x, chicago.y, chicago.t, { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations: 999 }),
);
console.log(`  close pairs re-binned per permutation: ${knox.closePairs}`);
for (const s of A.summarizeKnox(knox, { alpha: 0.001 }).sentences) console.log(`  ${s}`);

// 1b. The same test as the product runs it: the permutations in KNOX_SHARDS shards on as many worker
// threads (seeds derived from the seed per shard), timed from the call to the merged table, worker start
// included. The table differs from 1. only by Monte Carlo noise (other permutation streams).
{
  const pool = new WorkerPool({ size: KNOX_SHARDS, timeoutMs: 3_600_000 });
  const input = { events: { ...chicago, ms: chicago.t.map((d) => d * 86_400_000), category: new Int32Array(chicago.t.length), categories: ['burglary'] }, area: { projection: null, polygons: null, timeZone: 'UTC' } };
  const params = { distance: { width: 100, count: 3 }, time: { width: 2, count: 2 }, iterations: 999, seed: 1, metric: 'euclidean' as const, nrcCompatible: false };
  const t0 = performance.now();
  const report = await runNearRepeat(pool, input, params);
  const ms = performance.now() - t0;
  await pool.close();
  rows.push([`Knox, same data and bands, 999 permutations on ${KNOX_SHARDS} worker threads (src/core/analysis)`, seconds(ms), 'budget 15 s']);
  console.log(`Knox on ${KNOX_SHARDS} worker threads: ${seconds(ms)}; same-location 0–2 days ratio ${report.knoxRatio[0][0].toFixed(2)} (single thread ${knox.knoxRatio[0][0].toFixed(2)}), 1–100 m ${report.knoxRatio[1][0].toFixed(2)} (${knox.knoxRatio[1][0].toFixed(2)})`);
}
if (knoxOnly) {
  console.log('\n| task | Bridges | reference |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  process.exit(0);
}

// 2. KDE of 1,000,000 events on a 500 × 500 grid.
const million = synthetic(1_000_000, 11);
const grid500 = A.makeGrid(0, 0, 60, 500, 500);
for (const kernel of ['quartic', 'gaussian'] as const) {
  const r = time(`KDE ${kernel}, ${million.t.length} events, 500×500 grid, Silverman bandwidth`, 'open_cp KDE ≈ 3.5 s at 20,000 events', () => A.kde(grid500, million.x, million.y, { kernel }));
  console.log(`  bandwidth ${r.bandwidth.toFixed(0)} m`);
}

// 3. SEPP (Mohler 2011) on 20,000 and 100,000 events.
const sim20 = synthetic(20_000, 21);
const fit20 = time(`SEPP fit, ${sim20.t.length} events, 40 iterations`, 'open_cp ≈ 213 s for 10 iterations at 5,000 events', () => A.fitSepp(sim20, { iterations: 40 }));
console.log(`  θ=${fit20.theta.toFixed(3)} ω=${fit20.omega.toFixed(3)}/day σ=${fit20.sigma.toFixed(0)} m background ${fit20.backgroundRate.toFixed(1)}/day (truth θ=0.3, ω=0.2, σ=80); peak RSS ${rssMiB()}`);
const sim100 = synthetic(100_000, 31);
time(`SEPP fit, ${sim100.t.length} events, 40 iterations`, '—', () => A.fitSepp(sim100, { iterations: 40 }));

// 4. Grid ETAS (Mohler 2015) on 1,000,000 events.
const gridEtas = A.makeGrid(0, 0, 150, 200, 200);
const etas = time(`grid ETAS fit, ${million.t.length} events, 40,000 cells, 50 iterations`, '—', () => A.fitGridEtas(gridEtas, million, { start: 0, end: 1000 }));
console.log(`  θ=${etas.theta.toFixed(3)} ω=${etas.omega.toFixed(3)}/day`);

console.log(`\npeak RSS of the whole run: ${rssMiB()}`);
console.log('\n| task | Bridges | open_cp (issue) |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
