/**
 * No public answer reveals where an incident happened. Every GET endpoint in the OpenAPI document is called
 * without a session (plus the public data endpoints in every format and with filters); every answer that
 * succeeds is searched for the incidents' exact coordinates, and every position in the incident downloads
 * must be a grid-cell centre or a neighborhood's label point. Sensitive incidents are never even snapped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertIncidents, testApp } from '../../testing/fixtures.js';
import { cellCentre, cellOf, gridFor, isCellCentre } from './grid.js';
import type { PublicIncidentCollection } from './incident-formats.js';

interface Seed { category: string; lon: number; lat: number; occurredAt: string; inNeighborhood?: boolean }
const SEEDS: Seed[] = [
  { category: 'burglary', lon: -75.163421, lat: 39.952112, occurredAt: '2024-03-04T15:00:00Z' },
  { category: 'burglary', lon: -75.163398, lat: 39.952187, occurredAt: '2024-03-05T15:00:00Z' },
  { category: 'robbery', lon: -75.171234, lat: 39.944321, occurredAt: '2024-03-10T15:00:00Z' },
  { category: 'burglary', lon: -75.161117, lat: 39.951113, occurredAt: '2023-03-06T15:00:00Z' },
  { category: 'sexual_assault', lon: -75.191234, lat: 39.971234, occurredAt: '2024-03-06T15:00:00Z', inNeighborhood: true },
  { category: 'sexual_assault', lon: -75.192345, lat: 39.972345, occurredAt: '2024-03-09T15:00:00Z', inNeighborhood: true },
  { category: 'sexual_assault', lon: -75.189876, lat: 39.968765, occurredAt: '2024-03-10T12:00:00Z', inNeighborhood: true },
  { category: 'domestic_violence', lon: -75.187654, lat: 39.965432, occurredAt: '2024-03-07T15:00:00Z', inNeighborhood: true },
  { category: 'sex_offense', lon: -75.194567, lat: 39.974321, occurredAt: '2023-03-09T15:00:00Z', inNeighborhood: true },
  { category: 'juvenile', lon: -75.150123, lat: 39.930987, occurredAt: '2024-03-08T15:00:00Z' },
];
const SENSITIVE = new Set(['sexual_assault', 'domestic_violence', 'sex_offense', 'juvenile']);
const grid = gridFor(39.95);

let db: TestDatabase;
let app: FastifyInstance;
let areaId: number;
const SLUG = 'masking-pd';

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  const agencyId = await insertAgency(db, { slug: SLUG });
  const square = { type: 'Polygon', coordinates: [[[-75.2, 39.96], [-75.18, 39.96], [-75.18, 39.98], [-75.2, 39.98], [-75.2, 39.96]]] };
  [{ id: areaId }] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'neighborhood', 'Test Heights', $2, '{-75.2,39.96,-75.18,39.98}') RETURNING id`,
    [agencyId, JSON.stringify(square)]);
  await insertIncidents(db, agencyId, SEEDS.map((s) => ({ ...s, areaIds: s.inNeighborhood ? [areaId] : [] })));
});
afterAll(async () => { await app.close(); await db.drop(); });

const get = (url: string) => app.inject({ method: 'GET', url });
const YEAR = `agency=${SLUG}&from=2023-01-01&to=2024-12-31`;

/** Every public GET in the API document, with ids filled in, plus the public data in all formats and filters. */
async function publicUrls(): Promise<string[]> {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path.replace(/\{[^}]+\}/g, '1'));
  const variants = [
    `/api/public/incidents?${YEAR}`, `/api/public/incidents?${YEAR}&format=csv`, `/api/public/incidents?agency=${SLUG}`,
    `/api/public/incidents?${YEAR}&category=sexual_assault,burglary`, `/api/public/incidents?${YEAR}&area=${areaId}&format=csv`,
    `/api/public/trends?agency=${SLUG}`, `/api/public/trends?agency=${SLUG}&format=csv`, `/api/public/trends?agency=${SLUG}&area=${areaId}`,
    `/api/public/areas?agency=${SLUG}`, '/api/public/results?format=csv',
  ];
  return [...documented, ...variants];
}

/** Every number in a JSON answer, or every numeric cell of a CSV answer. */
function numbersIn(body: string, contentType: string): number[] {
  if (contentType.includes('csv')) {
    return body.split(/[\r\n,]+/).filter((text) => text.trim() !== '').map((text) => Number(text.replaceAll('"', ''))).filter(Number.isFinite);
  }
  const out: number[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'number') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  try { walk(JSON.parse(body)); } catch { /* not JSON: only the text search applies */ }
  return out;
}

describe('public answers never reveal an incident location', () => {
  it('finds no exact coordinate of any incident in any public answer', async () => {
    const exact = SEEDS.flatMap((s) => [s.lon, s.lat]);
    let inspected = 0;
    for (const url of await publicUrls()) {
      const res = await get(url);
      if (res.statusCode !== 200) continue;
      inspected += 1;
      for (const value of exact) expect(res.body, `${url} contains ${value}`).not.toContain(String(value));
      for (const n of numbersIn(res.body, String(res.headers['content-type']))) {
        expect(exact.includes(n), `${url} carries the exact coordinate ${n}`).toBe(false);
      }
    }
    expect(inspected).toBeGreaterThan(12);
  });

  it('places non-sensitive counts at cell centres and sensitive ones only per neighborhood', async () => {
    const res = await get(`/api/public/incidents?${YEAR}`);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json<PublicIncidentCollection>();
    const [areas] = [await get(`/api/public/areas?agency=${SLUG}`).then((r) => r.json<{ features: Array<{ properties: { labelPoint: [number, number] } }> }>())];
    const label = areas.features[0].properties.labelPoint;
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      if (f.properties.kind === 'cell') {
        expect(SENSITIVE.has(f.properties.category)).toBe(false);
        expect(isCellCentre(grid, lon, lat), `${lon},${lat} is a cell centre`).toBe(true);
      } else {
        expect(SENSITIVE.has(f.properties.category)).toBe(true);
        expect([lon, lat]).toEqual(label);
        expect(f.properties.areaName).toBe('Test Heights');
      }
      for (const seed of SEEDS) {
        const metres = Math.hypot((lon - seed.lon) * 85_335, (lat - seed.lat) * 111_320);
        expect(metres, `${f.properties.category} drawn ${metres.toFixed(1)} m from an incident`).toBeGreaterThan(5);
      }
    }
    // The two burglaries of one cell are one count of 2; a sensitive incident's own cell is never drawn.
    const burglaryCells = fc.features.filter((f) => f.properties.category === 'burglary');
    expect(burglaryCells.map((f) => f.properties.count).sort()).toEqual([1, 2]);
    for (const seed of SEEDS.filter((s) => SENSITIVE.has(s.category))) {
      const { col, row } = cellOf(grid, seed.lon, seed.lat);
      const centre = cellCentre(grid, col, row);
      expect(fc.features.some((f) => f.geometry.coordinates[0] === centre[0] && f.geometry.coordinates[1] === centre[1])).toBe(false);
    }
    // Three sexual assaults in Test Heights are published there; one domestic violence call and one sex offense
    // are too few to name the neighborhood: counted city-wide like the juvenile incident outside every neighborhood.
    expect(fc.features.filter((f) => f.properties.kind === 'neighborhood').map((f) => [f.properties.category, f.properties.count])).toEqual([['sexual_assault', 3]]);
    expect([...fc.metadata.unplaced].sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'domestic_violence', count: 1 }, { category: 'juvenile', count: 1 }, { category: 'sex_offense', count: 1 }]);
    expect(fc.features.some((f) => f.properties.category === 'juvenile')).toBe(false);
    expect(fc.metadata.masking).toMatch(/not incident locations/);
  });

  it('publishes sensitive neighborhood counts only in whole-month blocks, so overlapping periods cannot be subtracted', async () => {
    const named = (fc: PublicIncidentCollection) => fc.features.filter((f) => f.properties.kind === 'neighborhood').map((f) => [f.properties.category, f.properties.count]);
    const unplaced = (fc: PublicIncidentCollection, category: string) => fc.metadata.unplaced.find((u) => u.category === category)?.count ?? 0;
    const march = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-01&to=2024-03-31`)).json<PublicIncidentCollection>();
    expect(named(march)).toEqual([['sexual_assault', 3]]);
    expect(march.metadata.sensitiveMonths).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    // Days 1–9 and 1–10 differ by the assault of 10 March; neither may put it in Test Heights.
    const to9 = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-01&to=2024-03-09`)).json<PublicIncidentCollection>();
    const to10 = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-01&to=2024-03-10`)).json<PublicIncidentCollection>();
    for (const fc of [to9, to10]) {
      expect(named(fc)).toEqual([]);
      expect(fc.metadata.sensitiveMonths).toBeNull();
      expect(JSON.stringify(fc)).not.toContain('Test Heights');
    }
    expect([unplaced(to9, 'sexual_assault'), unplaced(to10, 'sexual_assault')]).toEqual([2, 3]);
    // A period running past the month publishes the month's block and counts the cut-off days city-wide.
    const past = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-01&to=2024-04-15`)).json<PublicIncidentCollection>();
    expect(named(past)).toEqual([['sexual_assault', 3]]);
    expect(past.metadata.sensitiveMonths).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    const heights = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-01&to=2024-03-10&area=${areaId}`)).json<PublicIncidentCollection>();
    expect(heights.features).toEqual([]);
    expect(heights.metadata.unplaced).toEqual([]);
  });

  it('filters by day, category and neighborhood, in the agency time zone', async () => {
    const march4 = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-04&to=2024-03-04`)).json<PublicIncidentCollection>();
    expect(march4.features.map((f) => [f.properties.category, f.properties.count])).toEqual([['burglary', 1]]);
    const robbery = (await get(`/api/public/incidents?${YEAR}&category=robbery`)).json<PublicIncidentCollection>();
    expect(robbery.features.map((f) => f.properties.category)).toEqual(['robbery']);
    const heights = (await get(`/api/public/incidents?${YEAR}&area=${areaId}`)).json<PublicIncidentCollection>();
    expect(heights.features.every((f) => f.properties.kind === 'neighborhood')).toBe(true);
    expect(heights.features.map((f) => [f.properties.category, f.properties.count])).toEqual([['sexual_assault', 3]]);
    // Asked about Test Heights alone, its single domestic violence call and sex offense are not counted at all.
    expect(heights.metadata.unplaced).toEqual([]);
    const oneDay = (await get(`/api/public/incidents?agency=${SLUG}&from=2024-03-07&to=2024-03-07&area=${areaId}`)).json<PublicIncidentCollection>();
    expect(oneDay.features).toEqual([]);
    expect(oneDay.metadata.unplaced).toEqual([]);
    const csv = (await get(`/api/public/incidents?${YEAR}&format=csv`));
    expect(csv.headers['content-disposition']).toContain('incidents-masking-pd-2023-01-01-2024-12-31.csv');
    expect(csv.body.split('\r\n')[0]).toBe('agency,from,to,category,category_label,sensitive,kind,count,longitude,latitude,neighborhood');
    expect(csv.body).toContain(',juvenile,Juvenile offense,true,unplaced,1,,,');
  });

  it('names the parameter that is wrong', async () => {
    const cases: Array<[string, string]> = [
      [`/api/public/incidents?agency=${SLUG}&from=2024-02-30`, 'querystring.from'],
      [`/api/public/incidents?agency=${SLUG}&from=2024-03-05&to=2024-03-01`, 'querystring.from'],
      [`/api/public/incidents?agency=${SLUG}&category=parking`, 'querystring.category'],
      [`/api/public/incidents?agency=${SLUG}&area=999999`, 'querystring.area'],
      [`/api/public/incidents?agency=${SLUG}&from=2010-01-01&to=2024-01-01`, 'querystring.to'],
      ['/api/public/trends?format=xml', 'querystring.format'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toContain(field);
    }
    expect((await get('/api/public/incidents?agency=nowhere-pd')).statusCode).toBe(404);
  });

  it('compares this year with last year week by week, to the same day', async () => {
    const trends = (await get(`/api/public/trends?agency=${SLUG}`)).json<{
      year: number; through: string; total: { ytdThisYear: number; ytdLastYear: number; thisYear: Array<number | null>; lastYear: number[] };
      categories: Array<{ code: string; ytdThisYear: number; ytdLastYear: number }>;
    }>();
    expect(trends.year).toBe(2024);
    expect(trends.through).toBe('2024-03-10');
    expect(trends.total.ytdThisYear).toBe(8);
    expect(trends.total.ytdLastYear).toBe(2);
    // 4–10 March are days 64–70: week 10 (index 9); nothing is counted for weeks still to come.
    expect(trends.total.thisYear[9]).toBe(8);
    expect(trends.total.lastYear[9]).toBe(2);
    expect(trends.total.thisYear[20]).toBeNull();
    expect(trends.categories.find((c) => c.code === 'burglary')).toMatchObject({ ytdThisYear: 2, ytdLastYear: 1 });
    const csv = await get(`/api/public/trends?agency=${SLUG}&format=csv`);
    expect(csv.body).toContain('masking-pd,burglary,Burglary,10,2024,2,2023,1');
    // City-wide the sensitive categories count like any other; for one neighborhood they are left out.
    expect(trends.categories.map((c) => c.code)).toContain('sexual_assault');
    const heights = (await get(`/api/public/trends?agency=${SLUG}&area=${areaId}`)).json<{ total: { ytdThisYear: number }; categories: Array<{ code: string }> }>();
    expect(heights.categories).toEqual([]);
    expect(heights.total.ytdThisYear).toBe(0);
  });
});
