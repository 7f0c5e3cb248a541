/**
 * Finding the watch group for a typed address, offline: the gazetteer of the agency's own incident blocks,
 * the group whose boundary contains the block, the groups nearby, and the optional online geocoder first.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, testApp, testConfig } from '../../testing/fixtures.js';
import { ensureGazetteer, findAddress, locateAddress } from '../../core/places/index.js';
import { cellCentre, cellOf, gridFor, isCellCentre } from '../../core/public/grid.js';
import { groupBody, insertNeighborhood } from './testing.js';

let db: TestDatabase;
let app: FastifyInstance;
let agencyId: number;
let cobbsCreek: number;
const api = '/api/programs/watch';
let seq = 0;

/** Incidents as published: a hundred block and a WGS84 point. */
async function incident(hundredBlock: string, lon: number, lat: number, category = 'shooting'): Promise<void> {
  await db.query(
    `INSERT INTO incidents (agency_id, source_system, source_id, category, occurred_at, lon, lat, x, y, hundred_block)
     VALUES ($1, 'test', $2, $3, '2023-05-01T12:00:00Z', $4, $5, 0, 0, $6)`, [agencyId, `gz-${++seq}`, category, lon, lat, hundredBlock]);
}
const lookup = async (address: string) => {
  const res = await app.inject({ method: 'GET', url: `${api}/public/lookup?address=${encodeURIComponent(address)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testApp(db);
  agencyId = await insertAgency(db);
  const officer = await insertStaff(db, agencyId, ['watch:manage']);
  cobbsCreek = await insertNeighborhood(db, agencyId, 'Cobbs Creek', -75.225, 39.965, 0.02);
  // The group covers 52nd Street around the 1500 block (39.971–39.979).
  const group = await app.inject({ method: 'POST', url: `${api}/groups`, headers: { cookie: officer.cookie }, payload: groupBody('52nd Street Watch', -75.225, 39.975) });
  expect(group.statusCode, group.body).toBe(201);

  await incident('1400 BLOCK N 52ND ST', -75.2249, 39.9738);
  await incident('1500 BLOCK N 52ND ST', -75.2252, 39.9750);
  await incident('1500 Block N 52nd Street', -75.2250, 39.9752);
  await incident('1500 BLOCK N 52ND ST', -75.2247, 39.9754);
  await incident('1800 BLOCK N 52ND ST', -75.2261, 39.9794);
  // Sensitive categories never place a block.
  await incident('1600 BLOCK N 52ND ST', -75.2233, 39.9767, 'sexual_assault');
  await incident('1500 BLOCK S 52ND ST', -75.2281, 39.9531);
  await incident('4500 BLOCK WALNUT ST', -75.2131, 39.9651);
  await incident('N 52ND ST & W GIRARD AVE', -75.2256, 39.9740);
  await incident('N 52nd Street & W. Girard Avenue', -75.2258, 39.9742);
  await incident('4600 BLOCK WALNUT ST', -75.2146, 39.9552);
  await incident('100 BLOCK S 46TH ST', -75.2138, 39.9560);
  await incident('4500 BLOCK CHESTNUT ST', -75.2120, 39.9570);
  await incident('LANCASTER AVE & N 40TH ST', -75.2020, 39.9620);
  await incident('S 40TH ST & LANCASTER AVE', -75.1020, 39.9920);
});
afterAll(async () => { await app.close(); await db.drop(); });

/** The public crime map's grid of the test agency: the only positions an address answer may carry. */
async function publicGrid() {
  const [agency] = await db.query<{ center_lat: number }>('SELECT center_lat FROM agencies WHERE id = $1', [agencyId]);
  return gridFor(agency.center_lat);
}
async function cellHolding(lon: number, lat: number): Promise<{ lon: number; lat: number }> {
  const grid = await publicGrid();
  const { col, row } = cellOf(grid, lon, lat);
  const [x, y] = cellCentre(grid, col, row);
  return { lon: x, lat: y };
}

describe('address lookup', () => {
  it('finds the block of a typed address and the group covering it, drawn at its public map cell only', async () => {
    const answer = await lookup('1523 north 52nd street, Philadelphia PA');
    expect(answer).toMatchObject({
      status: 'found',
      place: { ...(await cellHolding((2 * -75.22495 - 75.2250) / 3, 39.9752)), precision: 'block', source: 'gazetteer', street: 'N 52ND ST', block: 1500 },
      area: { id: cobbsCreek, name: 'Cobbs Creek' },
      nearby: [],
    });
    expect(answer.groups.map((g: { name: string }) => g.name)).toEqual(['52nd Street Watch']);
    // No incident's own position, not even the block's median, leaves the server.
    for (const exact of ['-75.2252', '39.975', '-75.2247', '39.9754', '-75.225,']) expect(JSON.stringify(answer.place)).not.toContain(`${exact}1`);
    const incidents = await db.query<{ lon: number; lat: number }>('SELECT lon, lat FROM incidents');
    const body = JSON.stringify(answer);
    for (const i of incidents) expect(body.includes(String(i.lon)) && body.includes(String(i.lat))).toBe(false);
    const [median] = await db.query<{ lon: number; lat: number }>("SELECT lon, lat FROM street_blocks WHERE name = '52' AND dir = 'N' AND block = 1500");
    // Two spellings of the block: each one's median, weighted by its count.
    expect(median.lon).toBeCloseTo((2 * -75.22495 - 75.2250) / 3, 9);
    expect(median.lat).toBeCloseTo(39.9752, 9);
    expect(body).not.toContain('39.9752');
  });

  it('estimates a block with no record from the blocks either side, leaving sensitive incidents out', async () => {
    const answer = await lookup('1623 N 52nd St');
    // A third of the way from the 1500 block (39.9752) to the 1800 block (39.9794), drawn at its public map
    // cell: not from the sexual assault's 1600-block position (-75.2233, 39.9767).
    const estimate = { lon: (-75.22497 * 2 - 75.2261) / 3, lat: 39.9752 + (39.9794 - 39.9752) / 3 };
    expect(answer.place).toMatchObject({ precision: 'street', street: 'N 52ND ST', block: 1600 });
    expect(isCellCentre(await publicGrid(), answer.place.lon, answer.place.lat)).toBe(true);
    expect(Math.hypot((answer.place.lon - estimate.lon) * 85_000, (answer.place.lat - estimate.lat) * 111_000)).toBeLessThan(110);
    expect(answer.groups.map((g: { name: string }) => g.name)).toEqual(['52nd Street Watch']);
    expect(await db.query("SELECT 1 FROM street_blocks WHERE block = 1600")).toEqual([]);
  });

  it('offers the nearby group, with its distance, when none covers the address', async () => {
    const answer = await lookup('4521 Walnut Street');
    expect(answer).toMatchObject({ status: 'found', groups: [], area: { id: cobbsCreek, name: 'Cobbs Creek' }, place: { precision: 'block', street: 'WALNUT ST' } });
    expect(answer.nearby).toHaveLength(1);
    expect(answer.nearby[0]).toMatchObject({ name: '52nd Street Watch' });
    expect(answer.nearby[0].distanceMetres).toBeGreaterThan(500);
    expect(answer.nearby[0].distanceMetres).toBeLessThan(1000);
  });

  it('asks which street when the directional is missing and both exist; says what it cannot read or find', async () => {
    expect(await lookup('1523 52nd St')).toMatchObject({ status: 'ambiguous', streets: ['N 52ND ST', 'S 52ND ST'], place: null, groups: [] });
    expect(await lookup('1523 N 52nd Ave')).toMatchObject({ status: 'not-found', place: null });
    expect(await lookup('52nd &')).toMatchObject({ status: 'unreadable', problem: 'intersection' });
    expect(await lookup('North 52nd Street')).toMatchObject({ status: 'unreadable', problem: 'no-number' });
    expect(await lookup('9900 N 52nd St')).toMatchObject({ status: 'not-found' });
    expect(await lookup('100 Nowhere Rd')).toMatchObject({ status: 'not-found' });
  });

  it('finds a typed corner from the records published there, drawn at its public map cell', async () => {
    // Two spellings of the corner merge; the median of their positions is inside the cell drawn.
    for (const typed of ['52nd & Girard', 'N 52nd St and W Girard Ave', '52 y Girard', 'Girard Ave / 52nd St']) {
      const answer = await lookup(typed);
      expect(answer, typed).toMatchObject({
        status: 'found', place: { ...(await cellHolding(-75.2257, 39.9741)), precision: 'intersection', street: 'N 52ND ST & W GIRARD AVE', block: null },
      });
      expect(answer.groups.map((g: { name: string }) => g.name)).toEqual(['52nd Street Watch']);
    }
    // A directional that disagrees with the record is another street.
    expect(await lookup('S 52nd St & Girard')).toMatchObject({ status: 'not-found' });
  });

  it('places a corner with no record of its own where the two streets\' blocks meet, and asks which when a corner repeats', async () => {
    // Walnut's 4600 block and S 46th's 100 block come within ~110 m: the corner is between them.
    const answer = await lookup('46th & Walnut');
    expect(answer.place).toMatchObject({ precision: 'intersection', street: 'S 46TH ST & WALNUT ST', block: null });
    expect(answer.place).toMatchObject(await cellHolding((-75.2146 - 75.2138) / 2, (39.9552 + 39.9560) / 2));
    // Walnut and Chestnut are parallel: their nearest recorded blocks are about 300 m apart, so no corner.
    expect(await lookup('Walnut & Chestnut')).toMatchObject({ status: 'not-found' });
    // Lancaster Ave meets N 40th St and (in this made-up city) S 40th St ten kilometres apart: which one?
    expect(await lookup('40th & Lancaster')).toMatchObject({ status: 'ambiguous', streets: ['N 40TH ST & LANCASTER AVE', 'S 40TH ST & LANCASTER AVE'] });
    expect(await lookup('N 40th & Lancaster')).toMatchObject({ status: 'found', place: { precision: 'intersection', street: 'N 40TH ST & LANCASTER AVE' } });
  });

  it('names the parameter on bad input, and keeps no trace of the text', async () => {
    const none = await app.inject({ method: 'GET', url: `${api}/public/lookup` });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('querystring.address');
    const both = await app.inject({ method: 'GET', url: `${api}/public/lookup?address=1523%20N%2052nd%20St&lon=-75.2&lat=39.9` });
    expect(both.json().error.message).toContain('querystring.address');
    const short = await app.inject({ method: 'GET', url: `${api}/public/lookup?address=1` });
    expect(short.json().error.message).toContain('querystring.address');
    const half = await app.inject({ method: 'GET', url: `${api}/public/lookup?lon=-75.2` });
    expect(half.json().error.message).toContain('querystring.lat');
    const stored = await db.query("SELECT 1 FROM audit_log WHERE details::text ILIKE '%52nd%' OR details::text ILIKE '%walnut%'");
    expect(stored).toEqual([]);
  });

  it('rebuilds the gazetteer when incidents change', async () => {
    expect(await findAddress(db, '5210 Cedar Avenue')).toEqual({ status: 'not-found' });
    await incident('5200 BLOCK CEDAR AVE', -75.2270, 39.9530);
    await ensureGazetteer(db, { force: true });
    expect(await findAddress(db, '5210 Cedar Avenue')).toMatchObject({ status: 'found', match: { precision: 'block', street: 'CEDAR AVE', lon: -75.227, lat: 39.953 } });
  });
});

describe('online geocoder (BRIDGES_GEOCODER_URL)', () => {
  let server: Server;
  let url = '';
  let answer: { status: number; body: unknown } = { status: 200, body: [] };
  const seen: URLSearchParams[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(new URL(req.url!, 'http://x').searchParams);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is asked first, inside the area served, and its house-level answer is drawn at its public map cell', async () => {
    answer = { status: 200, body: [{ lon: '-75.22512345', lat: '39.97498765', class: 'place', type: 'house' }] };
    const geoApp = await testApp(db, testConfig({ geocoderUrl: url }));
    try {
      const res = (await geoApp.inject({ method: 'GET', url: `${api}/public/lookup?address=${encodeURIComponent('1523 N 52nd St')}` })).json();
      expect(res).toMatchObject({ status: 'found', place: { ...(await cellHolding(-75.22512345, 39.97498765)), precision: 'address', source: 'geocoder', street: null } });
      expect(res.groups.map((g: { name: string }) => g.name)).toEqual(['52nd Street Watch']);
    } finally {
      await geoApp.close();
    }
    const sent = seen.at(-1)!;
    expect(sent.get('q')).toBe('1523 N 52nd St');
    expect(sent.get('format')).toBe('jsonv2');
    expect(sent.get('bounded')).toBe('1');
    expect(sent.get('viewbox')).toBe('-75.245,39.985,-75.205,39.945');
  });

  it('falls back to the gazetteer when the geocoder fails, finds nothing, or only knows the city', async () => {
    for (const failing of [{ status: 500, body: { error: 'down' } }, { status: 200, body: [] }, { status: 200, body: [{ lon: '-75.16', lat: '39.95', class: 'boundary', type: 'administrative' }] }]) {
      answer = failing;
      expect(await locateAddress(db, '1523 N 52nd St', { geocoderUrl: url })).toMatchObject({ status: 'found', source: 'gazetteer', precision: 'block' });
    }
    expect(await locateAddress(db, '1523 N 52nd St', { geocoderUrl: 'http://127.0.0.1:1/search' })).toMatchObject({ source: 'gazetteer' });
  });
});
