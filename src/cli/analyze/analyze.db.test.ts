/**
 * `bridges analyze` on the database: the first police agency by default or --agency, the console's filters,
 * and one audit row per run (the command line reads exact locations too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency } from '../../testing/fixtures.js';
import { runAnalyze, type AnalysisKind, type OutputFormat } from './run.js';

let db: TestDatabase;
let agencySlug: string;

beforeAll(async () => {
  db = await createTestDatabase();
  agencySlug = `cli-analysis-${process.pid}`;
  const agencyId = await insertAgency(db, { slug: agencySlug });
  const rows: Array<[string, string, number]> = [
    ['burglary', '2023-06-28T12:00:00-04:00', 0], ['burglary', '2023-06-29T12:00:00-04:00', 0], ['burglary', '2022-06-28T12:00:00-04:00', 0],
    ['robbery', '2023-06-05T12:00:00-04:00', 300],
  ];
  for (const [i, [category, at, dx]] of rows.entries()) {
    await db.query(`INSERT INTO incidents (agency_id, source_system, source_id, category, occurred_at, lon, lat, x, y)
      VALUES ($1, 'test', $2, $3, $4, -75.16, 39.95, $5, 4420000)`, [agencyId, `cli-${i}`, category, new Date(at), 485_000 + dx]);
  }
});
afterAll(async () => {
  await db?.drop();
});

async function analyze(kind: AnalysisKind, options: Record<string, unknown>, source: { category?: string[]; agency?: string } = {}, format: OutputFormat = 'json') {
  const out: string[] = [];
  await runAnalyze({
    kind, format, threads: 1, db, options, write: (t) => out.push(t), warn: () => undefined,
    source: { agency: source.agency ?? agencySlug, category: source.category, x: 'x', y: 'y', time: 'time', crs: 'lonlat', timeFormat: 'iso' },
  });
  return out.join('\n');
}

describe('bridges analyze on the database', () => {
  it('reports CompStat for the agency and audits the run as the command line', async () => {
    const report = JSON.parse(await analyze('compstat', { date: '2023-06-30', areaKind: 'none' }));
    expect(report.rows.find((r: { category: string }) => r.category === 'burglary')).toMatchObject({ week: 2, weekPrior: 1, weekChange: 100 });
    const [audit] = await db.query<{ actor_label: string; target_id: string; outcome: string; details: { incidents: number } }>(
      "SELECT actor_label, target_id, outcome, details FROM audit_log WHERE action = 'analysis.run' ORDER BY id DESC LIMIT 1");
    expect(audit).toMatchObject({ actor_label: 'cli', target_id: 'compstat', outcome: 'success', details: { incidents: 4 } });
  });

  it('applies the category filter before the analysis', async () => {
    const text = await analyze('hotspots', { cell: '100' }, { category: ['burglary'] }, 'table');
    expect(text).toContain(`Kernel density hot spots of ${agencySlug}`);
    expect(text).toContain('3 incidents.');
  });

  it('names an unknown agency', async () => {
    await expect(analyze('compstat', {}, { agency: 'no-such-agency' })).rejects.toThrow('--agency: no agency with slug "no-such-agency"');
  });
});
