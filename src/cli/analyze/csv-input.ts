/**
 * `--input FILE`: incidents from a CSV file instead of the database (a data set an analyst was sent, the
 * NRC's own test files). Columns are named with --x, --y, --time (and optionally --category-column);
 * coordinates are lon/lat (projected to the local UTM zone), metres in an unnamed projection, or metres in a
 * named one (EPSG code or proj4, which makes lon/lat output possible).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import proj4 from 'proj4';
import { compileDateFormat } from '../../core/incidents/import/dates.js';
import { EPSG_26971 } from '../../core/incidents/import/projection.js';
import { utmProjection } from '../../core/people/agencies.js';
import type { AnalysisInput } from '../../core/analysis/index.js';
import { projectGeometry, projector } from '../../core/analysis/study-area.js';
import type { AreaGeometry } from '../../core/places/geometry.js';

export interface CsvInputOptions {
  file: string;
  x: string;
  y: string;
  time: string;
  /** lonlat | projected | EPSG:26971 | EPSG:3857 | a proj4 string. */
  crs: string;
  /** Token format (DD/MM/YYYY, M/D/YYYY H:mm…) or iso. */
  timeFormat: string;
  categoryColumn?: string;
  /** Column identifying an incident: rows repeating an id already read are skipped (victim-level files). */
  idColumn?: string;
  /** Study area (lon/lat polygons, e.g. city limits); without it the grid covers the events' bounding box. */
  studyArea?: AreaGeometry;
}

export interface CsvInput extends AnalysisInput {
  rows: number;
  /** Rows left out because their --id-column value came earlier (the first row of an incident is kept). */
  repeated: number;
  skipped: { line: number; reason: string }[];
}

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** The proj4 definition of a --crs naming a projection (the worker threads need the definition itself). */
function definitionOf(crs: string): string {
  const upper = crs.toUpperCase();
  const definition = upper === 'EPSG:26971' ? EPSG_26971 : crs;
  try {
    proj4(WGS84, definition);
  } catch {
    throw new Error(`--crs "${crs}": use lonlat, projected, EPSG:26971, EPSG:3857 or a proj4 string (+proj=…)`);
  }
  return definition;
}

export function readCsvInput(options: CsvInputOptions): CsvInput {
  const text = readFileSync(options.file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const header = parsed.meta.fields ?? [];
  for (const [flag, column] of [['--x', options.x], ['--y', options.y], ['--time', options.time], ['--category-column', options.categoryColumn], ['--id-column', options.idColumn]] as const) {
    if (column !== undefined && !header.includes(column)) throw new Error(`${flag} "${column}": ${options.file} has no such column (it has ${header.join(', ')})`);
  }
  const format = compileDateFormat(options.timeFormat);
  const crs = options.crs.toLowerCase();
  const lonLat = crs === 'lonlat' || crs === 'wgs84' || crs === 'epsg:4326';
  const xs: number[] = [];
  const ys: number[] = [];
  const ts: number[] = [];
  const categories: string[] = [];
  const categoryIndex: number[] = [];
  const skipped: CsvInput['skipped'] = [];
  const seenIds = new Set<string>();
  let repeated = 0;
  parsed.data.forEach((row, i) => {
    const line = i + 2; // header is line 1
    // An incident's first readable row stands for it (a row without coordinates does not use up its id).
    const id = options.idColumn ? (row[options.idColumn] ?? '').trim() : '';
    if (id && seenIds.has(id)) return void repeated++;
    const x = Number(row[options.x]);
    const y = Number(row[options.y]);
    if (!row[options.x] || !row[options.y] || !Number.isFinite(x) || !Number.isFinite(y)) return void skipped.push({ line, reason: `no coordinates (${row[options.x]}, ${row[options.y]})` });
    const wall = format.parse(row[options.time] ?? '');
    if (!wall) return void skipped.push({ line, reason: `"${row[options.time]}" does not match ${format.text}` });
    if (id) seenIds.add(id);
    xs.push(x);
    ys.push(y);
    // Wall-clock days: a file's times are local, and the analyses count days and weeks in local time.
    ts.push(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) / 86_400_000);
    const category = options.categoryColumn ? (row[options.categoryColumn] ?? '').trim() || 'unknown' : 'incident';
    let k = categories.indexOf(category);
    if (k < 0) k = categories.push(category) - 1;
    categoryIndex.push(k);
  });
  if (parsed.errors.length > 0 && xs.length === 0) throw new Error(`${options.file}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);

  let projection: string | null = null;
  let x = Float64Array.from(xs);
  let y = Float64Array.from(ys);
  if (lonLat) {
    // lon/lat → metres in the UTM zone of the data's centre: little distortion across a city.
    const mean = (v: Float64Array) => v.reduce((s, a) => s + a, 0) / Math.max(1, v.length);
    projection = utmProjection(mean(x), mean(y));
    const forward = proj4(WGS84, projection);
    const px = new Float64Array(x.length);
    const py = new Float64Array(y.length);
    for (let i = 0; i < x.length; i++) [px[i], py[i]] = forward.forward([x[i], y[i]]);
    x = px;
    y = py;
  } else if (crs !== 'projected') projection = definitionOf(options.crs);

  let polygons: AnalysisInput['area']['polygons'] = null;
  if (options.studyArea) {
    // GeoJSON is lon/lat; metres in an unnamed projection cannot be lined up with it.
    if (!projection) throw new Error('--study-area: with --crs projected the file\'s metres have no known projection; name it (--crs EPSG:… or a proj4 string)');
    polygons = projectGeometry(options.studyArea, projector(projection));
  }
  const t = Float64Array.from(ts);
  return {
    events: { x, y, t, ms: t.map((d) => d * 86_400_000), category: Int32Array.from(categoryIndex), categories },
    area: { projection, polygons, timeZone: 'UTC' },
    rows: parsed.data.length,
    repeated,
    skipped,
  };
}
