/**
 * Loaders for the real data sets used by the analytics benchmarks (see /work/shared/data/README.md for
 * sources and licences). Kept out of src/analytics because the engine itself never reads files.
 */
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import type { PolygonRings } from '../src/analytics/index.js';

export const DATA_DIR = process.env.BRIDGES_DATA_DIR ?? '/work/shared/data';

/** Days since 1970-01-01 of a civil date (no time zone: the data sets carry local wall-clock dates). */
export function civilDays(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Chicago residential burglaries 2014–2017: x/y metres (EPSG:26971), t = integer days. */
export function loadChicagoBurglary(): { x: Float64Array; y: Float64Array; t: Float64Array } {
  const lines = readFileSync(`${DATA_DIR}/chicago/chicago_burglary_2014_2017.csv`, 'utf8').trim().split(/\r?\n/);
  const n = lines.length - 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [xs, ys, ds] = lines[i + 1].split(',');
    const [d, m, yr] = ds.split('/').map(Number);
    x[i] = Number(xs);
    y[i] = Number(ys);
    t[i] = civilDays(yr, m, d);
  }
  return { x, y, t };
}

/** UTM zone 18N (WGS84), the metric projection used for Philadelphia. */
const UTM18 = '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs';
const toUtm = proj4('+proj=longlat +datum=WGS84 +no_defs', UTM18);

export function projectPhiladelphia(lon: number, lat: number): [number, number] {
  const [x, y] = toUtm.forward([lon, lat]);
  return [x, y];
}

export function unprojectPhiladelphia(x: number, y: number): [number, number] {
  const [lon, lat] = toUtm.inverse([x, y]);
  return [lon, lat];
}

/** Splits one CSV line with double-quoted fields. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Philadelphia shooting incidents (one per dc_key; the first victim row gives place and time).
 * t = days since 1970-01-01 of the local wall-clock time (date_ + time); x/y = UTM 18N metres.
 */
export function loadPhiladelphiaShootings(): { x: Float64Array; y: Float64Array; t: Float64Array; victims: number } {
  const lines = readFileSync(`${DATA_DIR}/philadelphia/shootings.csv`, 'utf8').trim().split(/\r?\n/);
  const header = splitCsv(lines[0]);
  const col = (name: string): number => header.indexOf(name);
  const [iKey, iDate, iTime, iLat, iLng] = ['dc_key', 'date_', 'time', 'lat', 'lng'].map(col);
  const seen = new Set<string>();
  const xs: number[] = [];
  const ys: number[] = [];
  const ts: number[] = [];
  for (let r = 1; r < lines.length; r++) {
    const f = splitCsv(lines[r]);
    const key = f[iKey];
    const lat = Number(f[iLat]);
    const lng = Number(f[iLng]);
    if (!key || seen.has(key) || !f[iLat] || !f[iLng] || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    seen.add(key);
    const [yy, mm, dd] = f[iDate].slice(0, 10).split('-').map(Number);
    const [hh, mi, ss] = (f[iTime] || '00:00:00').split(':').map(Number);
    const [x, y] = projectPhiladelphia(lng, lat);
    xs.push(x);
    ys.push(y);
    ts.push(civilDays(yy, mm, dd) + ((hh || 0) * 3600 + (mi || 0) * 60 + (ss || 0)) / 86_400);
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), t: Float64Array.from(ts), victims: lines.length - 1 };
}

/** Philadelphia city limits as polygons in UTM 18N metres. */
export function loadPhiladelphiaCityLimits(): PolygonRings[] {
  const geo = JSON.parse(readFileSync(`${DATA_DIR}/philadelphia/boundaries/City_Limits.geojson`, 'utf8')) as {
    features: { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
  };
  const polygons: PolygonRings[] = [];
  for (const feature of geo.features) {
    const g = feature.geometry;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    for (const rings of polys) polygons.push(rings.map((ring) => ring.map(([lon, lat]) => projectPhiladelphia(lon, lat))));
  }
  return polygons;
}
