import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Synthetic incidents for benchmarks: a self-exciting (Hawkes-type) point process around a city centre.
 * Background events fall on hotspots and a diffuse city-wide layer over one year; each event triggers
 * Poisson(branching) offspring a few days later within a few hundred metres, the near-repeat pattern real
 * burglaries and shootings show. Seeded, so the same arguments always write the same file.
 */

export interface SyntheticOptions {
  rows: number;
  centerLon: number;
  centerLat: number;
  /** Wall-clock year the events fall in. */
  year?: number;
  seed?: number;
  /** Mean offspring per event (< 1 keeps clusters finite). */
  branching?: number;
}

/** Column order of the file; the bench maps them with --map style entries. */
export const SYNTHETIC_COLUMNS = ['id', 'occurred', 'offense_code', 'offense', 'category', 'latitude', 'longitude', 'address', 'district'] as const;

const OFFENSES: ReadonlyArray<[weight: number, code: string, text: string, category: string]> = [
  [30, '600', 'THEFT', 'larceny'], [14, '500', 'BURGLARY RESIDENTIAL', 'burglary'], [12, '1400', 'VANDALISM', 'vandalism'],
  [10, '800', 'SIMPLE ASSAULT', 'simple_assault'], [9, '700', 'MOTOR VEHICLE THEFT', 'vehicle_theft'],
  [8, '610', 'THEFT FROM VEHICLE', 'theft_from_vehicle'], [6, '1800', 'NARCOTICS', 'drugs'], [4, '300', 'ROBBERY', 'robbery'],
  [4, '400', 'AGGRAVATED ASSAULT', 'aggravated_assault'], [2, '1500', 'WEAPONS VIOLATION', 'weapons'], [1, '100', 'HOMICIDE', 'homicide'],
];
const TOTAL_WEIGHT = OFFENSES.reduce((sum, o) => sum + o[0], 0);
const STREETS = ['MAIN ST', 'OAK AVE', 'MARKET ST', 'BROAD ST', 'PARK AVE', 'RIVER RD', 'ELM ST', 'LINCOLN BLVD', 'CEDAR LN', 'HILL DR'];

/** mulberry32: a tiny seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const wallText = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** Writes the CSV and resolves with the number of rows written (exactly options.rows). */
export async function writeSyntheticCsv(path: string, options: SyntheticOptions): Promise<number> {
  const rand = random(options.seed ?? 20240601);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const poisson = (mean: number) => {
    let k = 0;
    for (let p = Math.exp(-mean), s = p, u = rand(); u > s; k += 1) { p *= mean / (k + 1); s += p; }
    return k;
  };
  const mPerDegLat = 111_320;
  const mPerDegLon = mPerDegLat * Math.cos((options.centerLat * Math.PI) / 180);
  const yearStart = Date.UTC(options.year ?? 2023, 0, 1);
  const yearMs = 365 * 86_400_000;
  const branching = options.branching ?? 0.6;
  const hotspots = Array.from({ length: 40 }, () => ({ x: gauss() * 6000, y: gauss() * 6000, sigma: 200 + rand() * 1200 }));

  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  out.write(`${SYNTHETIC_COLUMNS.join(',')}\n`);
  let written = 0;
  let buffer = '';
  const emit = async (t: number, x: number, y: number) => {
    written += 1;
    let pick = rand() * TOTAL_WEIGHT;
    const offense = OFFENSES.find((o) => (pick -= o[0]) < 0) ?? OFFENSES[0];
    const lat = options.centerLat + y / mPerDegLat;
    const lon = options.centerLon + x / mPerDegLon;
    const district = `D${Math.floor((x + 20_000) / 5000)}-${Math.floor((y + 20_000) / 5000)}`;
    const address = `${1 + Math.floor(rand() * 9900)} ${STREETS[Math.floor(rand() * STREETS.length)]}`;
    buffer += `SYN-${pad(written, 8)},${wallText(t)},${offense[1]},${offense[2]},${offense[3]},${lat.toFixed(6)},${lon.toFixed(6)},${address},${district}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };

  while (written < options.rows) {
    // One background event and its whole offspring tree (a cluster), then the next.
    const spot = rand() < 0.7 ? hotspots[Math.floor(rand() * hotspots.length)] : { x: 0, y: 0, sigma: 9000 };
    const queue: Array<[number, number, number]> = [[yearStart + rand() * yearMs, spot.x + gauss() * spot.sigma, spot.y + gauss() * spot.sigma]];
    while (queue.length > 0 && written < options.rows) {
      const [t, x, y] = queue.pop()!;
      if (t >= yearStart + yearMs) continue;
      await emit(t, x, y);
      for (let k = poisson(branching); k > 0; k -= 1) {
        queue.push([t + -Math.log(1 - rand()) * 3 * 86_400_000, x + gauss() * 150, y + gauss() * 150]);
      }
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  return written;
}
