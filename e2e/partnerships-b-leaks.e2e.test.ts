/**
 * With the whole demo loaded (Philadelphia and Sacramento incidents, every program's demo content), no public
 * answer — any GET of the OpenAPI document called without a session, and the public data downloads — carries
 * an incident's exact position: neither as a coordinate pair nor as the long decimals of the source data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** Pairs of numbers that could be a position: [a, b] arrays, {lon, lat}-like objects, adjacent CSV cells. */
function positionsIn(body: string, contentType: string): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  if (contentType.includes('csv')) {
    for (const line of body.split(/\r?\n/)) {
      const cells = line.split(',').map((c) => (c.trim() === '' ? NaN : Number(c.replaceAll('"', ''))));
      for (let i = 0; i + 1 < cells.length; i++) if (Number.isFinite(cells[i]) && Number.isFinite(cells[i + 1])) pairs.push([cells[i], cells[i + 1]]);
    }
    return pairs;
  }
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') pairs.push([value[0], value[1]]);
      value.forEach(walk);
    } else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const [x, y] of [['lon', 'lat'], ['longitude', 'latitude'], ['lng', 'lat'], ['centerLon', 'centerLat']]) {
        if (typeof o[x] === 'number' && typeof o[y] === 'number') pairs.push([o[x] as number, o[y] as number]);
      }
      Object.values(o).forEach(walk);
    }
  };
  try { walk(JSON.parse(body)); } catch { /* not JSON: the text search below still applies */ }
  return pairs;
}

describe('public answers with the full demo loaded', () => {
  it('never carry an incident’s exact position', async () => {
    const incidents = await e2e.db.query<{ lon: number; lat: number }>('SELECT lon, lat FROM incidents');
    expect(incidents.length).toBeGreaterThan(10_000);
    const exact = new Set(incidents.map((i) => `${i.lon},${i.lat}`));
    // The detector itself finds a position where one is (so a pass below means something).
    const planted = JSON.stringify({ geometry: { type: 'Point', coordinates: [incidents[0].lon, incidents[0].lat] } });
    expect(positionsIn(planted, 'application/json').some(([x, y]) => exact.has(`${x},${y}`))).toBe(true);
    // Source decimals long enough (7+) that finding one in an answer cannot be chance.
    const longDecimals = new Set(incidents.flatMap((i) => [String(i.lon), String(i.lat)]).filter((s) => /\.\d{7,}$/.test(s)));
    const doc = await (await fetch(`${e2e.baseUrl}/api/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
    // The open-data downloads of programs are public GETs of the document, so the loop below inspects them.
    for (const path of ['/api/programs/events/public/events.csv', '/api/programs/events/public/events.geojson', '/api/programs/watch/public/groups']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const urls = [
      ...Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([path]) => path.replace(/\{[^}]+\}/g, '1')),
      '/api/public/incidents?format=csv', '/api/public/incidents?from=2015-01-01&to=2019-12-31', '/api/public/incidents?agency=sacramento-pd',
      '/api/public/incidents?agency=sacramento-pd&format=csv', '/api/public/trends?format=csv', '/api/public/results?format=csv',
      '/api/programs/resources/public/services?format=geojson', '/api/programs/resources/public/services?format=csv',
    ];
    // Typed-address lookups on blocks with a single incident, where the block's median is that incident's position.
    const single = await e2e.db.query<{ hundred_block: string }>(
      `SELECT hundred_block FROM incidents WHERE hundred_block ~ '^[0-9]+ BLOCK [A-Z]' GROUP BY hundred_block HAVING count(*) = 1 ORDER BY hundred_block LIMIT 25`);
    const lookups = single.map((b) => `/api/programs/watch/public/lookup?address=${encodeURIComponent(b.hundred_block.replace(/^(\d+) BLOCK /, (_, n) => `${Number(n) + 7} `))}`);
    expect(lookups.length).toBe(25);
    let inspected = 0;
    let addressesFound = 0;
    for (const url of [...urls, ...lookups]) {
      const response = await fetch(`${e2e.baseUrl}${url}`);
      if (response.status !== 200) continue;
      inspected += 1;
      const body = await response.text();
      if (url.includes('lookup?address=') && (JSON.parse(body) as { status: string }).status === 'found') addressesFound += 1;
      const leaked = positionsIn(body, response.headers.get('content-type') ?? '').filter(([x, y]) => exact.has(`${x},${y}`));
      expect(leaked, `${url} carries exact incident positions`).toEqual([]);
      const decimals = body.match(/-?\d+\.\d{7,}/g) ?? [];
      expect(decimals.filter((d) => longDecimals.has(String(Number(d)))), `${url} carries source coordinates`).toEqual([]);
    }
    expect(inspected).toBeGreaterThan(15);
    expect(addressesFound).toBeGreaterThan(15);
  });
});
