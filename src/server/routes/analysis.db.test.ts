/**
 * /api/analysis/* on small inserted data whose answers can be worked out by hand: a cluster of ten
 * incidents at one cell centre, four incidents whose Knox pairs are listed below, a daily series for the
 * backtest, dated homicides for CompStat and three zones for the displacement quotient. Each scenario has
 * its own category, so the filters keep them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import proj4 from 'proj4';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, type TestStaff } from '../../testing/fixtures.js';

const UTM18 = '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs';
const toLonLat = (x: number, y: number): [number, number] => proj4(UTM18, '+proj=longlat +datum=WGS84 +no_defs', [x, y]) as [number, number];
const X0 = 485_000;
const Y0 = 4_420_000;

let db: TestDatabase;
let app: FastifyInstance;
let analyst: TestStaff;
let outsider: TestStaff;
let noAccess: TestStaff;
let districtId: number;
let targetId: number;
let serial = 0;

/** Inserts incidents at projected points (lon/lat derived), at local noon unless a time is given. */
async function insertAt(agencyId: number, category: string, rows: Array<{ x: number; y: number; at: string; areaIds?: number[] }>) {
  for (const row of rows) {
    const [lon, lat] = toLonLat(row.x, row.y);
    const at = row.at.length === 10 ? `${row.at}T12:00:00-05:00` : row.at;
    await db.query(
      `INSERT INTO incidents (agency_id, source_system, source_id, category, occurred_at, lon, lat, x, y, area_ids)
       VALUES ($1, 'test', $2, $3, $4, $5, $6, $7, $8, $9)`,
      [agencyId, `t${++serial}`, category, new Date(at), lon, lat, row.x, row.y, row.areaIds ?? []]);
  }
}

const day = (iso: string, offset: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** A square of `half` metres around (x, y) as a lon/lat GeoJSON polygon. */
function square(x: number, y: number, half: number) {
  const ring = [[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]].map(([a, b]) => toLonLat(a, b));
  return { type: 'Polygon' as const, coordinates: [ring] };
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db);
  analyst = await insertStaff(db, agencyId, ['incidents:read']);
  noAccess = await insertStaff(db, agencyId, []);
  const otherAgency = await insertAgency(db);
  outsider = await insertStaff(db, otherAgency, ['incidents:read']);
  [{ id: districtId }] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'district', 'District 9', '{"type":"Polygon","coordinates":[]}', '{0,0,0,0}') RETURNING id`, [agencyId]);
  const target = square(X0 + 20_000, Y0, 100);
  [{ id: targetId }] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'custom', 'Target', $2, '{0,0,0,0}') RETURNING id`, [agencyId, JSON.stringify(target)]);

  // Hot spots: ten burglaries at the centre of one 100 m cell, two far apart.
  await insertAt(agencyId, 'burglary', [
    ...Array.from({ length: 10 }, (_, i) => ({ x: X0 + 50, y: Y0 + 50, at: day('2021-06-01', i) })),
    { x: X0 + 1050, y: Y0 + 1050, at: '2021-06-15' },
    { x: X0 + 50, y: Y0 + 1050, at: '2021-06-16' },
  ]);
  // Near repeat: four robberies (see the pair list in the test).
  await insertAt(agencyId, 'robbery', [
    { x: X0 + 5000, y: Y0, at: '2022-03-01' },
    { x: X0 + 5050, y: Y0, at: '2022-03-02' },
    { x: X0 + 5000, y: Y0, at: '2022-03-11' },
    { x: X0 + 6000, y: Y0, at: '2022-03-04' },
  ]);
  // Backtest: a larceny every day at one cell centre, and two old ones that only widen the grid.
  await insertAt(agencyId, 'larceny', [
    ...Array.from({ length: 60 }, (_, i) => ({ x: X0 + 10_050, y: Y0 + 50, at: day('2022-01-01', i) })),
    { x: X0 + 11_050, y: Y0 + 1050, at: '2021-12-01' },
    { x: X0 + 10_050, y: Y0 + 1050, at: '2021-12-01' },
  ]);
  // CompStat: homicides around the report date 2023-06-30; the two of the last week in District 9.
  await insertAt(agencyId, 'homicide', [
    { x: X0, y: Y0, at: '2023-06-25', areaIds: [districtId] },
    { x: X0, y: Y0, at: '2023-06-28', areaIds: [districtId] },
    { x: X0, y: Y0, at: '2023-06-10' },
    { x: X0, y: Y0, at: '2023-02-01' },
    { x: X0, y: Y0, at: '2022-06-27' },
    { x: X0, y: Y0, at: '2022-03-01' },
  ]);
  // Displacement: 10 → 4 in the target, 5 → 3 in a 200 m buffer, 20 → 20 in the rest, around 2022-06-01.
  const at = (n: number, x: number, first: string) => Array.from({ length: n }, (_, i) => ({ x, y: Y0, at: day(first, i) }));
  await insertAt(agencyId, 'vandalism', [
    ...at(10, X0 + 20_000, '2022-05-05'), ...at(4, X0 + 20_000, '2022-06-05'),
    ...at(5, X0 + 20_200, '2022-05-05'), ...at(3, X0 + 20_200, '2022-06-05'),
    ...at(20, X0 + 23_000, '2022-05-05'), ...at(20, X0 + 23_000, '2022-06-02'),
  ]);
  await insertAt(otherAgency, 'burglary', [{ x: X0, y: Y0, at: '2021-06-01' }, { x: X0 + 500, y: Y0, at: '2021-06-02' }]);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const get = (url: string, staff: TestStaff = analyst) => app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });

interface CellFeature { properties: Record<string, number | null>; geometry: { coordinates: number[][][] } }
interface Surface { type: string; analysis: Record<string, unknown> & { studyAreaCells: number }; features: CellFeature[] }

const contains = (feature: CellFeature, [lon, lat]: [number, number]) => {
  const ring = feature.geometry.coordinates[0];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return lon > Math.min(...lons) && lon < Math.max(...lons) && lat > Math.min(...lats) && lat < Math.max(...lats);
};

describe('GET /api/analysis/hotspots', () => {
  it('puts the ten clustered burglaries in one cell: 1000 per km² there, 12 incidents in total', async () => {
    const res = await get('/api/analysis/hotspots?category=burglary&cell=100&bandwidth=50');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = res.json<Surface>();
    // Events' bounding box plus one cell each side: 13 × 13 cells of 100 m.
    expect(body.analysis).toMatchObject({ method: 'kde', kernel: 'quartic', bandwidth: 50, events: 12, cellSize: 100, studyAreaCells: 169 });
    expect(body.features).toHaveLength(169);
    const top = body.features.reduce((a, b) => ((b.properties.density ?? 0) > (a.properties.density ?? 0) ? b : a));
    expect(top.properties.density).toBeCloseTo(1000, 6);
    expect(top.properties.class).toBe(4);
    expect(contains(top, toLonLat(X0 + 50, Y0 + 50))).toBe(true);
    const total = body.features.reduce((sum, f) => sum + (f.properties.density ?? 0) * 0.01, 0);
    expect(total).toBeCloseTo(12, 6);
  });

  it('returns only the top share of cells, and CSV on request', async () => {
    const top = (await get('/api/analysis/hotspots?category=burglary&cell=100&bandwidth=50&top=0.2')).json<Surface>();
    expect(top.features).toHaveLength(34); // round(0.2 × 169)
    const csv = await get('/api/analysis/hotspots?category=burglary&cell=100&bandwidth=50&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('cell,ix,iy,x,y,lon,lat,density,class');
    expect(lines).toHaveLength(170);
  });
});

describe('GET /api/analysis/gistar', () => {
  it('finds the cluster as a 99% hot spot with the z-score of the formula', async () => {
    const body = (await get('/api/analysis/gistar?category=burglary&cell=100&distanceBand=100')).json<Surface>();
    const cluster = body.features.find((f) => contains(f, toLonLat(X0 + 50, Y0 + 50)))!;
    // Counts: 10, 1, 1 in 169 cells; the cluster cell (column 1, row 1) has 4 neighbours plus itself.
    const n = 169;
    const mean = 12 / n;
    const s = Math.sqrt((100 + 1 + 1) / n - mean * mean);
    const w = 5;
    const z = (10 - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
    expect(cluster.properties.count).toBe(10);
    expect(cluster.properties.z).toBeCloseTo(z, 2);
    expect(cluster.properties.confidence).toBe(3);
    const significant = (await get('/api/analysis/gistar?category=burglary&cell=100&distanceBand=100&significantOnly=true')).json<Surface>();
    expect(significant.features.length).toBeGreaterThan(0);
    expect(significant.features.every((f) => f.properties.confidence !== 0)).toBe(true);
    expect((body as unknown as { analysis: Record<string, unknown> }).analysis).toMatchObject({ distanceBand: 100, distanceBandRule: 'given' });
  });

  it('chooses the radius from the data when none is given, and says how', async () => {
    const body = (await get('/api/analysis/gistar?category=burglary&cell=100')).json<{ analysis: Record<string, unknown> }>();
    // Three burglary cells in 169: no clustering that peaks, so the 30-neighbour rule (√(31/π) cells).
    expect(body.analysis).toMatchObject({ distanceBand: 314, distanceBandRule: 'neighbours' });
  });
});

describe('GET /api/analysis/near-repeat', () => {
  it('counts the Knox pairs of the four robberies', async () => {
    const res = await get('/api/analysis/near-repeat?category=robbery&distanceBands=100,200,300&timeBands=2,4&iterations=99&seed=7');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.distanceBands).toEqual(['Same location', '1–100 m', '101–200 m', '201–300 m', 'More than 300 m']);
    expect(body.timeBands).toEqual(['0–2 days', '3–4 days', 'More than 4 days']);
    // Pairs: 1–2 50 m 1 day; 1–3 same place 10 days; 2–3 50 m 9 days; 1–4 1000 m 3 days; 2–4 950 m 2 days; 3–4 1000 m 7 days.
    expect(body.observed).toEqual([[0, 0, 1], [1, 0, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1]]);
    expect(body.iterations).toBe(99);
    // Permuting times keeps each column's total, so expected columns add up to the observed ones.
    for (let c = 0; c < 3; c++) {
      expect(body.expectedMean.reduce((sum: number, row: number[]) => sum + row[c], 0)).toBeCloseTo(body.observed.reduce((sum: number, row: number[]) => sum + row[c], 0), 9);
    }
    for (const row of body.pValue) for (const p of row) expect(p).toBeGreaterThanOrEqual(0.01);
    expect(body.summary.sentences.length).toBeGreaterThan(0);
    // Same seed, same table.
    const again = (await get('/api/analysis/near-repeat?category=robbery&iterations=99&seed=7')).json();
    expect(again.pValue).toEqual(body.pValue);
  });

  it('answers CSV, and refuses bands of unequal width naming the parameter', async () => {
    const csv = await get('/api/analysis/near-repeat?category=robbery&iterations=9&format=csv');
    expect(csv.body.split('\n')[0]).toBe('distance_band,time_band,observed,expected_mean,knox_ratio,p_value');
    const bad = await get('/api/analysis/near-repeat?category=robbery&distanceBands=100,250');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('distanceBands: bands must all be 100 metres wide');
  });
});

describe('GET /api/analysis/forecast', () => {
  it('ranks the cluster cell first with 10 of the 12 incidents of the last year', async () => {
    const body = (await get('/api/analysis/forecast?category=burglary&model=retrospective-counts&cell=100&at=2021-07-01&top=0.01')).json<Surface>();
    expect(body.analysis).toMatchObject({ model: 'retrospective-counts', from: '2021-07-01', to: '2021-07-08', trainingEvents: 12 });
    const first = body.features.find((f) => f.properties.rank === 1)!;
    expect(first.properties.share).toBeCloseTo((100 * 10) / 12, 2);
    expect(contains(first, toLonLat(X0 + 50, Y0 + 50))).toBe(true);
  });
});

describe('GET /api/analysis/backtest', () => {
  it('hits every incident of every week with the top cells, so PAI is the cells over the cells selected', async () => {
    const res = await get('/api/analysis/backtest?category=larceny&model=retrospective-counts&cell=100&trainDays=28&horizonDays=7&from=2022-02-07&to=2022-02-21&coverage=0.01');
    expect(res.statusCode).toBe(200);
    const [report] = res.json().models;
    expect(report.steps.map((s: { start: string }) => s.start)).toEqual(['2022-02-07', '2022-02-14', '2022-02-21']);
    expect(report.steps.map((s: { events: number }) => s.events)).toEqual([7, 7, 7]);
    const selected = Math.max(1, Math.round(0.01 * report.studyAreaCells));
    expect(report.mean.hitRate[0]).toBeCloseTo(1, 9);
    expect(report.mean.pai[0]).toBeCloseTo(report.studyAreaCells / selected, 6);
    // Alone in its run, the model is the best; every week scored 1, so the interval has no width.
    expect(report.comparison).toMatchObject({ best: [true], versusBest: [null], hitRate: [{ n: 3, se: 0, low: report.mean.hitRate[0], high: report.mean.hitRate[0] }] });
    const csv = await get('/api/analysis/backtest?category=larceny&model=retrospective-counts&cell=100&trainDays=28&from=2022-02-07&to=2022-02-21&coverage=0.01&format=csv');
    expect(csv.body.split('\n')[0]).toBe('model,start,end,events,hit_rate_1%,pai_1%,pei_1%');
  });
});

describe('GET /api/analysis/compstat', () => {
  it('compares 7 days, 28 days and the year to date with a year earlier', async () => {
    const body = (await get('/api/analysis/compstat?category=homicide&date=2023-06-30')).json();
    expect(body.at).toBe('2023-07-01T04:00:00.000Z'); // the end of 30 June in New York
    const row = (category: string, area: string) => body.rows.find((r: { category: string; area: string }) => r.category === category && r.area === area);
    expect(row('homicide', 'All')).toMatchObject({ week: 2, weekPrior: 1, weekChange: 100, days28: 3, days28Prior: 1, days28Change: 200, ytd: 4, ytdPrior: 2, ytdChange: 100 });
    expect(row('all', 'All')).toMatchObject({ week: 2, ytd: 4 });
    expect(row('homicide', 'District 9')).toMatchObject({ week: 2, weekPrior: 0, weekChange: null });
    const inArea = (await get(`/api/analysis/compstat?category=homicide&date=2023-06-30&areaKind=none&area=${districtId}`)).json();
    expect(inArea.rows.find((r: { category: string }) => r.category === 'homicide')).toMatchObject({ week: 2, days28: 2, ytd: 2, ytdPrior: 0 });
    const csv = await get('/api/analysis/compstat?category=homicide&date=2023-06-30&areaKind=none&format=csv');
    expect(csv.body.trim().split('\n')).toHaveLength(3); // header, all, homicide
  });
});

describe('POST /api/analysis/wdq', () => {
  const post = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/analysis/wdq', headers: { cookie: analyst.cookie }, payload: body });

  it('computes the quotient: success −0.3, buffer −0.1, WDQ 1/3, 8 incidents prevented net', async () => {
    const res = await post({ target: { areaId: targetId }, buffer: { metres: 200 }, control: 'rest', date: '2022-06-01', days: 30, category: ['vandalism'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ targetBefore: 10, targetAfter: 4, bufferBefore: 5, bufferAfter: 3, controlBefore: 20, controlAfter: 20 });
    expect(body.successMeasure).toBeCloseTo(-0.3, 12);
    expect(body.bufferDisplacementMeasure).toBeCloseTo(-0.1, 12);
    expect(body.wdq).toBeCloseTo(1 / 3, 12);
    expect(body.totalNetEffect).toBeCloseTo(8, 12);
    expect(body.interpretation).toMatch(/^Diffusion of benefits/);
    const drawn = await post({ target: { geometry: square(X0 + 20_000, Y0, 100) }, buffer: { metres: 200 }, date: '2022-06-01', days: 30, category: ['vandalism'] });
    expect(drawn.json().counts).toEqual(body.counts);
  });

  it('refuses an area of another agency', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/analysis/wdq', headers: { cookie: outsider.cookie }, payload: { target: { areaId: targetId }, buffer: { metres: 200 }, date: '2022-06-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(`target: area ${targetId} is not one of the agency's areas`);
  });
});

describe('access, scoping and audit', () => {
  it('needs a session and incidents:read, and audits one row per request', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/analysis/hotspots' })).statusCode).toBe(401);
    expect((await get('/api/analysis/hotspots', noAccess)).statusCode).toBe(403);
    const count = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'analysis.run' AND actor_user_id = $1", [analyst.userId]))[0].n;
    const before = await count();
    await get('/api/analysis/hotspots?category=burglary&cell=100');
    expect(await count()).toBe(before + 1);
    const [last] = await db.query<{ target_id: string; outcome: string; details: { incidents: number; parameters: { cell: number } } }>(
      "SELECT target_id, outcome, details FROM audit_log WHERE action = 'analysis.run' AND actor_user_id = $1 ORDER BY id DESC LIMIT 1", [analyst.userId]);
    expect(last).toMatchObject({ target_id: 'hotspots', outcome: 'success', details: { incidents: 12, parameters: { cell: 100 } } });
  });

  it("analyses only the actor's agency", async () => {
    const res = await get('/api/analysis/hotspots?cell=100', outsider);
    expect(res.json<Surface>().analysis.events).toBe(2);
    expect((await get('/api/analysis/near-repeat?category=robbery&iterations=9', outsider)).statusCode).toBe(400);
  });

  it('lists the forecast models', async () => {
    const models = (await get('/api/analysis/models')).json<Array<{ name: string }>>();
    expect(models.map((m) => m.name)).toContain('bridges');
  });
});
