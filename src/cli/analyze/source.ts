/**
 * Where `bridges analyze` gets its incidents: the database (an agency, filtered like the console's filters)
 * or a CSV file (--input). Both end as the same AnalysisInput.
 */
import { readFileSync } from 'node:fs';
import type { Db, Queryable } from '../../db/types.js';
import { loadInput, type AnalysisInput, type ZoneSpec } from '../../core/analysis/index.js';
import { toAreaGeometry, type AreaGeometry } from '../../core/places/geometry.js';
import { readCsvInput, type CsvInput } from './csv-input.js';

/** Source options shared by every analysis command. */
export interface SourceOptions {
  agency?: string;
  from?: Date;
  to?: Date;
  category?: string[];
  area?: number;
  input?: string;
  x: string;
  y: string;
  time: string;
  crs: string;
  timeFormat: string;
  categoryColumn?: string;
  /** With --input: rows with the same value in this column are one incident. */
  idColumn?: string;
  /** With --input: a GeoJSON file of the study area (city limits); default the events' bounding box. */
  studyArea?: string;
}

/** The agency named by --agency, else the first police agency (as `bridges import` chooses). */
export async function resolveAgency(q: Queryable, slug: string | undefined): Promise<{ id: number; slug: string }> {
  const rows = slug
    ? await q.query<{ id: number; slug: string }>('SELECT id, slug FROM agencies WHERE slug = $1', [slug])
    : await q.query<{ id: number; slug: string }>("SELECT id, slug FROM agencies WHERE kind = 'police' ORDER BY id LIMIT 1");
  if (!rows[0]) throw new Error(slug ? `--agency: no agency with slug "${slug}"` : 'no police agency exists yet: create one first (or load the demo)');
  return rows[0];
}

/** Applies --from/--to/--category to file events (area filters need the database's memberships). */
function filterCsv(input: CsvInput, options: SourceOptions): CsvInput {
  if (options.area !== undefined) throw new Error('--area needs the database; with --input, cut the file to the area first');
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
  const wanted = options.category?.length ? new Set(options.category) : null;
  const { events } = input;
  const keep: number[] = [];
  for (let i = 0; i < events.ms.length; i++) {
    if (events.ms[i] < from || events.ms[i] >= to) continue;
    if (wanted && !wanted.has(events.categories[events.category[i]])) continue;
    keep.push(i);
  }
  if (keep.length === events.ms.length) return input;
  const pick = <T extends Float64Array | Int32Array>(a: T): T => a.constructor === Float64Array
    ? (Float64Array.from(keep, (i) => a[i]) as T) : (Int32Array.from(keep, (i) => a[i]) as T);
  return { ...input, events: { x: pick(events.x), y: pick(events.y), t: pick(events.t), ms: pick(events.ms), category: pick(events.category), categories: events.categories } };
}

/** Reads --study-area, naming the flag in any error. */
function studyAreaOption(file: string | undefined): AreaGeometry | undefined {
  if (!file) return undefined;
  try {
    return readGeoJsonPolygons(file);
  } catch (error) {
    throw new Error(`--study-area "${file}": ${(error as Error).message}`);
  }
}

export interface LoadedInput {
  input: AnalysisInput;
  /** What the header of the output says about the source. */
  description: string;
  /** Lines for stderr (rows skipped in the file). */
  warnings: string[];
  agency?: { id: number; slug: string };
}

export async function loadSource(db: Db | null, options: SourceOptions): Promise<LoadedInput> {
  if (options.input) {
    const csv = filterCsv(readCsvInput({ file: options.input, x: options.x, y: options.y, time: options.time, crs: options.crs, timeFormat: options.timeFormat, categoryColumn: options.categoryColumn, idColumn: options.idColumn, studyArea: studyAreaOption(options.studyArea) }), options);
    const warnings = csv.skipped.length
      ? [`skipped ${csv.skipped.length} of ${csv.rows} rows; the first: ${csv.skipped.slice(0, 3).map((s) => `line ${s.line}: ${s.reason}`).join('; ')}`]
      : [];
    if (csv.repeated) warnings.push(`${csv.repeated} rows repeat an incident already read (same ${options.idColumn}) and count once`);
    return { input: csv, description: options.input, warnings };
  }
  if (options.studyArea) throw new Error('--study-area goes with --input; from the database, the study area is the agency\'s city limits (an area of kind "city")');
  if (!db) throw new Error('no database: give --input FILE or run where the database is');
  const agency = await resolveAgency(db, options.agency);
  const input = await loadInput(db, agency.id, { from: options.from, to: options.to, categories: options.category, areaId: options.area });
  return { input, description: agency.slug, warnings: [], agency };
}

/**
 * A displacement zone on the command line: an area id ("12"), a width of buffer ("400m"), "rest" (control
 * only) or a GeoJSON file (its polygons together).
 */
export function zoneFromOption(value: string, flag: string): ZoneSpec {
  const text = value.trim();
  if (text === 'rest') return 'rest';
  if (/^\d+$/.test(text)) return { areaId: Number(text) };
  const metres = /^(\d+(?:\.\d+)?)\s*m$/.exec(text);
  if (metres) return { metres: Number(metres[1]) };
  try {
    return { geometry: readGeoJsonPolygons(text) };
  } catch (error) {
    throw new Error(`${flag} "${value}": not an area id, a width like 400m, or a readable GeoJSON file of polygons (${(error as Error).message})`);
  }
}

/**
 * The polygons of a GeoJSON file (a geometry, a Feature or a FeatureCollection) as one validated lon/lat
 * geometry; features that are not polygons are left out. Throws a message naming what is wrong.
 */
export function readGeoJsonPolygons(file: string): AreaGeometry {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; features?: Array<{ geometry: { type: string; coordinates: unknown[] } | null }>; geometry?: unknown };
  if (json.type === 'FeatureCollection') {
    const polygons = (json.features ?? []).flatMap((f) => (f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : []));
    return toAreaGeometry({ type: 'MultiPolygon', coordinates: polygons });
  }
  return toAreaGeometry(json.type === 'Feature' ? json.geometry : json);
}
