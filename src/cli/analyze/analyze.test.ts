/**
 * `bridges analyze` on small CSV files: once through the real command (a child process running
 * bin/bridges.mjs, worker threads and all), the rest in-process through runAnalyze.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import proj4 from 'proj4';
import { runAnalyze, type AnalysisKind, type OutputFormat } from './run.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bridges-analyze-'));
const robberies = join(dir, 'robberies.csv');
const cluster = join(dir, 'cluster.csv');
const lonLatFile = join(dir, 'lonlat.csv');
const targetFile = join(dir, 'target.geojson');
const weeklyFile = join(dir, 'weekly.csv');

const UTM18 = '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs';
const toLonLat = (x: number, y: number) => proj4(UTM18, '+proj=longlat +datum=WGS84 +no_defs', [x, y]) as [number, number];

beforeAll(() => {
  // The four robberies of the API test: pairs 50 m/1 day, 0 m/10 days, 50 m/9 days, 1000 m/3 days, 950 m/2 days, 1000 m/7 days.
  writeFileSync(robberies, 'x,y,date\n5000,0,01/03/2022\n5050,0,02/03/2022\n5000,0,11/03/2022\n6000,0,04/03/2022\n');
  const rows = ['east,north,when,kind'];
  for (let i = 0; i < 10; i++) rows.push(`1050,1050,2021-06-${String(i + 1).padStart(2, '0')},burglary`);
  rows.push('2050,2050,2021-06-20,theft', '1050,2050,2021-06-21,theft', 'not-a-number,5,2021-06-22,theft');
  writeFileSync(cluster, rows.join('\n') + '\n');
  // Lon/lat: 10 → 4 incidents in a target square, 5 → 3 within 200 m of it, 20 → 20 three kilometres away.
  const lines = ['lon,lat,day'];
  const add = (n: number, x: number, first: number) => {
    for (let i = 0; i < n; i++) {
      const [lon, lat] = toLonLat(x, 4_420_000);
      lines.push(`${lon},${lat},2022-${String(first + Math.floor(i / 28)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`);
    }
  };
  add(10, 505_000, 5); add(4, 505_000, 6); add(5, 505_200, 5); add(3, 505_200, 6); add(20, 508_000, 5); add(20, 508_000, 6);
  writeFileSync(lonLatFile, lines.join('\n') + '\n');
  const ring = [[-100, -100], [100, -100], [100, 100], [-100, 100], [-100, -100]].map(([dx, dy]) => toLonLat(505_000 + dx, 4_420_000 + dy));
  // Ten weeks from Monday 2022-01-03: three incidents a week at one corner, one a week somewhere new.
  const weekly = ['x,y,date'];
  for (let w = 0; w < 10; w++) {
    const day = (d: number) => new Date(Date.UTC(2022, 0, 3 + 7 * w + d)).toISOString().slice(0, 10);
    weekly.push(`1050,1050,${day(0)}`, `1060,1040,${day(2)}`, `1040,1060,${day(4)}`, `${3000 + 400 * w},${3000 + 300 * (w % 3)},${day(5)}`);
  }
  writeFileSync(weeklyFile, weekly.join('\n') + '\n');
  writeFileSync(targetFile, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
});

/** Runs an analysis in-process on a file and returns what it wrote. */
async function analyze(kind: AnalysisKind, file: string, columns: { x: string; y: string; time: string; crs: string; timeFormat: string; categoryColumn?: string; idColumn?: string; studyArea?: string },
  options: Record<string, unknown>, format: OutputFormat = 'table') {
  const out: string[] = [];
  const warnings: string[] = [];
  await runAnalyze({
    kind, format, threads: 2, db: null, options, write: (t) => out.push(t), warn: (t) => warnings.push(t),
    source: { input: file, ...columns },
  });
  return { text: out.join('\n'), warnings };
}

const clusterColumns = { x: 'east', y: 'north', time: 'when', crs: 'projected', timeFormat: 'YYYY-MM-DD', categoryColumn: 'kind' };

describe('bridges analyze (command line)', () => {
  it('runs the Knox test from a CSV file and prints JSON with the observed table', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/bridges.mjs'), 'analyze', 'near-repeat',
      '--input', robberies, '--x', 'x', '--y', 'y', '--time', 'date', '--time-format', 'DD/MM/YYYY', '--crs', 'projected',
      '--distance-bands', '100,200,300', '--time-bands', '2,4', '--iterations', '19', '--format', 'json'], { cwd: ROOT });
    const report = JSON.parse(stdout);
    expect(report.distanceBands).toEqual(['Same location', '1–100 m', '101–200 m', '201–300 m', 'More than 300 m']);
    expect(report.timeBands).toEqual(['0–2 days', '3–4 days', 'More than 4 days']);
    expect(report.observed).toEqual([[0, 0, 1], [1, 0, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1]]);
    expect(report.iterations).toBe(19);
    expect(report.pValue).toHaveLength(5);
    expect(report.summary.sentences.length).toBeGreaterThan(0);
  });
});

describe('runAnalyze on CSV input', () => {
  it('prints the Knox tables and the summary as a table', async () => {
    const { text } = await analyze('near-repeat', robberies, { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'DD/MM/YYYY' }, { iterations: '9' });
    expect(text).toContain('Knox near-repeat test: 4 incidents');
    expect(text).toMatch(/Observed pairs\n\s+0–2 days\s+3–4 days\s+More than 4 days/);
    expect(text).toContain('Summary:');
  });

  it('names the flag when the bands are not of one width', async () => {
    await expect(analyze('near-repeat', robberies, { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'DD/MM/YYYY' }, { distanceBands: '100,250' }))
      .rejects.toThrow('--distance-bands: bands must all be 100 metres wide');
    await expect(analyze('near-repeat', robberies, { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'DD/MM/YYYY' }, { iterations: 'many' }))
      .rejects.toThrow(/^--iterations: /);
  });

  it('ranks the cluster first in the hot-spot table and warns about the unreadable row', async () => {
    const { text, warnings } = await analyze('hotspots', cluster, clusterColumns, { cell: '100', bandwidth: '50' });
    expect(warnings[0]).toContain('skipped 1 of 13 rows; the first: line 14: no coordinates');
    expect(text).toContain('quartic kernel, bandwidth 50 m');
    const first = text.split('\n').find((line) => line.startsWith('1 '))!;
    expect(first.trim().split(/\s+/).slice(2, 6)).toEqual(['1050', '1050', '1,000', '4']);
  });

  it('writes CSV cells, and refuses GeoJSON for metres in an unknown projection', async () => {
    const { text } = await analyze('hotspots', cluster, clusterColumns, { cell: '100', bandwidth: '50' }, 'csv');
    expect(text.split('\n')[0]).toBe('cell,ix,iy,x,y,density,class');
    await expect(analyze('hotspots', cluster, clusterColumns, { cell: '100' }, 'geojson')).rejects.toThrow('GeoJSON needs lon/lat');
  });

  it('filters by the category column', async () => {
    const { text } = await analyze('compstat', cluster, clusterColumns, { date: '2021-06-30' }, 'json');
    const rows = JSON.parse(text).rows as Array<{ category: string; area: string; days28: number; ytd: number }>;
    expect(rows.map((r) => [r.category, r.ytd, r.days28])).toEqual([['all', 12, 10], ['burglary', 10, 8], ['theft', 2, 2]]);
  });

  it('backtests two models and says which differences the period can tell apart', async () => {
    const columns = { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'YYYY-MM-DD' };
    const options = { model: 'retrospective-counts,prospective', cell: '100', trainDays: '28', horizonDays: '7', from: '2022-02-07', to: '2022-03-07', coverage: '0.01,0.1' };
    const reports = JSON.parse((await analyze('backtest', weeklyFile, columns, options, 'json')).text).models;
    expect(reports.map((r: { scoredSteps: number }) => r.scoredSteps)).toEqual([5, 5]);
    // Counts put the corner cell first every week: 3 of 4 incidents (plus a sliver of a tie), the best at 1%.
    const [counts, prospective] = reports;
    expect(counts.comparison.hitRate[0]).toMatchObject({ mean: counts.mean.hitRate[0], n: 5 });
    expect(counts.mean.hitRate[0]).toBeGreaterThanOrEqual(0.75);
    expect(counts.comparison.best[0]).toBe(true);
    expect(prospective.comparison.versusBest[0].mean).toBeCloseTo(prospective.mean.hitRate[0] - counts.mean.hitRate[0], 12);
    const { text } = await analyze('backtest', weeklyFile, columns, options);
    expect(text).toContain('Paired differences from the best model');
    expect(text).toMatch(/1%: best retrospective-counts/);
  });

  it('lays the grid over a GeoJSON study area instead of the bounding box, and refuses one for unnamed metres', async () => {
    const columns = { x: 'lon', y: 'lat', time: 'day', crs: 'lonlat', timeFormat: 'YYYY-MM-DD' };
    const whole = await analyze('hotspots', lonLatFile, columns, { cell: '100', bandwidth: '100' });
    const boxCells = Number(/^(\d+) cells of 100 m in the study area/m.exec(whole.text)?.[1]);
    expect(boxCells).toBeGreaterThan(30); // the incidents span 3 km east to west
    const square = await analyze('hotspots', lonLatFile, { ...columns, studyArea: targetFile }, { cell: '100', bandwidth: '100' });
    // The 200 m square covers 2 cells each way and may touch one more on each side: 4 to 16 cells.
    const cells = Number(/^(\d+) cells of 100 m in the study area/m.exec(square.text)?.[1]);
    expect(cells).toBeGreaterThanOrEqual(4);
    expect(cells).toBeLessThanOrEqual(16);
    await expect(analyze('hotspots', weeklyFile, { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'YYYY-MM-DD', studyArea: targetFile }, {}))
      .rejects.toThrow(/^--study-area: with --crs projected/);
    await expect(analyze('hotspots', weeklyFile, { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'YYYY-MM-DD', studyArea: robberies }, {}))
      .rejects.toThrow(/^--study-area ".*robberies.csv": /);
  });

  it('counts an incident once when its rows share an id (one row per victim), keeping its first readable row', async () => {
    const victims = join(dir, 'victims.csv');
    writeFileSync(victims, 'key,x,y,date\nA,,,2022-01-03\nA,1050,1050,2022-01-03\nA,1050,1050,2022-01-03\nB,1050,1050,2022-01-04\nB,9050,9050,2022-01-04\n');
    const columns = { x: 'x', y: 'y', time: 'date', crs: 'projected', timeFormat: 'YYYY-MM-DD' };
    const once = await analyze('compstat', victims, { ...columns, idColumn: 'key' }, { date: '2022-01-05' }, 'json');
    expect(JSON.parse(once.text).rows[0]).toMatchObject({ category: 'all', week: 2 });
    expect(once.warnings).toEqual(['skipped 1 of 5 rows; the first: line 2: no coordinates (, )', '2 rows repeat an incident already read (same key) and count once']);
    const rows = await analyze('compstat', victims, columns, { date: '2022-01-05' }, 'json');
    expect(JSON.parse(rows.text).rows[0]).toMatchObject({ week: 4 });
  });

  it('computes the displacement quotient with a GeoJSON target and a 200 m buffer on lon/lat input', async () => {
    const { text } = await analyze('wdq', lonLatFile, { x: 'lon', y: 'lat', time: 'day', crs: 'lonlat', timeFormat: 'YYYY-MM-DD' },
      { target: targetFile, buffer: '200m', control: 'rest', date: '2022-06-01', days: '31' }, 'json');
    const report = JSON.parse(text);
    expect(report.counts).toEqual({ targetBefore: 10, targetAfter: 4, bufferBefore: 5, bufferAfter: 3, controlBefore: 20, controlAfter: 20 });
    expect(report.wdq).toBeCloseTo(1 / 3, 12);
  });
});
