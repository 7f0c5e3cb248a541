import { createHash } from 'node:crypto';
import type { AreaIndex } from '../../places/area-index.js';
import { HashCounter } from './hash-counter.js';
import { toHundredBlock } from './hundred-block.js';
import { agencyProjection, distanceKm } from './projection.js';
import { GEOMETRY_LAT, GEOMETRY_LON } from './reader-geojson.js';
import type { RowReader } from './presets/index.js';
import type { CategoryInfo, ImportSettings } from './settings.js';
import type { IncidentDraft, RawRecord, RejectEntry, TargetField } from './types.js';

/** The agency as the mapping needs it. */
export interface AgencyContext {
  projection: string;
  centerLon: number;
  centerLat: number;
}

/** Points further than this from the agency centre are a wrong CRS, swapped columns or the wrong agency. */
export const MAX_DISTANCE_KM = 250;
// Up to a day ahead tolerates clock and zone slips; more is a wrong date format.
const FUTURE_SLACK_MS = 24 * 3_600_000;

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Index of a column by exact name, else by a case- and punctuation-insensitive match ("Case Number" = case_number). */
export function findColumn(columns: readonly string[], name: string): number {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normalise(name);
  return columns.findIndex((column) => normalise(column) === wanted);
}

export type MapResult = { ok: true; draft: IncidentDraft } | { ok: false; reject: RejectEntry };

/** Validates and maps one source row at a time (compiled once per file by compileMapper). */
export interface RowMapper {
  map(record: RawRecord): MapResult;
}

const reject = (line: number, reason: string): MapResult => ({ ok: false, reject: { line, reason } });
const quote = (value: string) => `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;

/**
 * Compiles the settings against the file's header into a row mapper. Throws naming the missing column when a
 * mapped column is not in the file. Each call to map() validates one row: dates, coordinates, offense and
 * category, with reasons that name the field.
 */
export function compileMapper(
  settings: ImportSettings,
  header: readonly string[],
  agency: AgencyContext,
  areas: AreaIndex,
  categories: ReadonlyMap<string, CategoryInfo>,
  now = Date.now(),
): RowMapper {
  const columns = { ...settings.columns };
  if (!columns.lon && !columns.x && header.includes(GEOMETRY_LON)) {
    columns.lon = GEOMETRY_LON;
    columns.lat = GEOMETRY_LAT;
  }
  const index: Partial<Record<TargetField, number>> = {};
  for (const [field, column] of Object.entries(columns) as Array<[TargetField, string]>) {
    const i = findColumn(header, column);
    if (i < 0) throw new Error(`column "${column}" (for ${field}) is not in the file; its columns are ${header.join(', ')}`);
    index[field] = i;
  }
  if (index.lon === undefined && index.x === undefined) throw new Error('no coordinates: the file has no Point geometry; map lon/lat or x/y columns');
  const attributes = Object.entries(settings.attributes)
    .map(([name, column]) => [name, findColumn(header, column)] as const)
    .filter(([, i]) => i >= 0);
  // Content-hash ids cover every mapped column, so two rows differing anywhere we read get different ids.
  const contentColumns = [...Object.values(index), ...attributes.map(([, i]) => i)].sort((a, b) => a - b);

  const labels = new Map<string, string>();
  for (const info of categories.values()) {
    labels.set(info.code.toLowerCase(), info.code);
    labels.set(info.label.toLowerCase(), info.code);
  }
  const projection = agencyProjection(agency.projection);
  const occurrences = new HashCounter();
  const clean = settings.preset?.clean ?? {};
  const fixedCategory = typeof settings.category === 'string' && settings.category !== 'column' ? settings.category : null;

  let values: string[] = [];
  const get = (field: TargetField): string => {
    const i = index[field];
    if (i === undefined) return '';
    const raw = (values[i] ?? '').trim();
    const cleaner = clean[field];
    return cleaner && raw !== '' ? cleaner(raw) : raw;
  };
  const columnCache = new Map<string, number>();
  const row: RowReader = (name) => {
    let i = columnCache.get(name);
    if (i === undefined) columnCache.set(name, (i = findColumn(header, name)));
    return i < 0 ? '' : (values[i] ?? '');
  };

  const parseCoordinate = (field: TargetField, value: string): number | string => {
    const n = Number(value);
    return value === '' || !Number.isFinite(n) ? `${field}: ${quote(value)} is not a number` : n;
  };

  return {
    map(record: RawRecord): MapResult {
      const { line } = record;
      if (record.problem) return reject(line, record.problem);
      values = record.values;

      // occurred_at: the date column, plus the time column when there is one and it is filled.
      const dateValue = get('occurred_at');
      if (dateValue === '') return reject(line, 'occurred_at: empty');
      const timeValue = index.time === undefined ? '' : get('time');
      const withTime = timeValue !== '';
      const format = index.time !== undefined && !withTime ? settings.dateOnlyFormat : settings.dateFormat;
      const text = withTime ? `${dateValue} ${timeValue}` : dateValue;
      const wall = format.parse(text);
      if (!wall) return reject(line, `occurred_at: ${quote(text)} does not match ${format.text}`);
      const occurredAt = settings.zone.toInstant(wall);
      if (occurredAt > now + FUTURE_SLACK_MS) return reject(line, `occurred_at: ${quote(text)} is in the future`);

      // Coordinates: lon/lat columns are WGS84 degrees; x/y are in --crs.
      let lon: number, lat: number;
      if (index.lon !== undefined) {
        const a = get('lon'), b = get('lat');
        if (a === '' || b === '') return reject(line, 'lon/lat: missing coordinates');
        const pLon = parseCoordinate('lon', a), pLat = parseCoordinate('lat', b);
        if (typeof pLon === 'string') return reject(line, pLon);
        if (typeof pLat === 'string') return reject(line, pLat);
        [lon, lat] = [pLon, pLat];
      } else {
        const a = get('x'), b = get('y');
        if (a === '' || b === '') return reject(line, 'x/y: missing coordinates');
        const px = parseCoordinate('x', a), py = parseCoordinate('y', b);
        if (typeof px === 'string') return reject(line, px);
        if (typeof py === 'string') return reject(line, py);
        [lon, lat] = settings.crs.toLonLat(px, py);
      }
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        if (index.lon === undefined && settings.crs.isLonLat) {
          return reject(line, `x/y: ${get('x')}, ${get('y')} are not lon/lat degrees; pass --crs with the file's projection (e.g. --crs EPSG:26971)`);
        }
        return reject(line, `lon/lat: ${lon}, ${lat} is out of range (lon −180…180, lat −90…90)`);
      }
      if (lon === 0 && lat === 0) return reject(line, 'lon/lat: 0, 0 is a placeholder, not a location');
      const km = distanceKm(lon, lat, agency.centerLon, agency.centerLat);
      if (km > MAX_DISTANCE_KM) {
        return reject(line, `lon/lat: ${lon.toFixed(5)}, ${lat.toFixed(5)} is ${Math.round(km)} km from the agency centre (limit ${MAX_DISTANCE_KM} km); wrong --crs, swapped columns or wrong agency?`);
      }

      // Offense and category.
      const offenseCode = get('offense_code');
      let offenseText: string | null = get('offense_text') || null;
      if (offenseText === null && index.offense_text === undefined && settings.preset?.offenseText) {
        offenseText = settings.preset.offenseText(offenseCode, row);
      }
      let category: string;
      if (fixedCategory) category = fixedCategory;
      else if (settings.category === 'column') {
        const value = get('category');
        const code = labels.get(value.toLowerCase());
        if (!code) return reject(line, value === '' ? 'category: empty' : `category: unknown category ${quote(value)}`);
        category = code;
      } else {
        const result = (settings.category as Exclude<ImportSettings['category'], string>)({ offenseCode, offenseText: offenseText ?? '', row });
        if (typeof result !== 'string') return reject(line, result.reject);
        if (!categories.has(result)) return reject(line, `category: '${result}' is not a known category`);
        category = result;
      }

      // Counts.
      let victimCount: number | null = null, fatalCount: number | null = null;
      const victims = settings.preset?.victims;
      if (victims) {
        victimCount = 1;
        fatalCount = victims.fatal(row) ? 1 : 0;
      }
      for (const field of ['victim_count', 'fatal_count'] as const) {
        if (index[field] === undefined) continue;
        const value = get(field);
        if (value === '') continue;
        if (!/^\d+$/.test(value)) return reject(line, `${field}: ${quote(value)} is not a whole number`);
        if (field === 'victim_count') victimCount = Number(value);
        else fatalCount = Number(value);
      }

      // Identity.
      let sourceId: string;
      if (settings.sourceId === 'column') {
        sourceId = get('source_id');
        if (sourceId === '') return reject(line, 'source_id: empty');
        if (sourceId.length > 200) return reject(line, 'source_id: longer than 200 characters');
      } else {
        const content = contentColumns.map((i) => (values[i] ?? '').trim()).join('\u001f');
        const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
        sourceId = `${digest}-${occurrences.add(digest).count}`;
      }

      const attributeValues: Record<string, string> = {};
      for (const [name, i] of attributes) {
        const value = (values[i] ?? '').trim();
        if (value !== '') attributeValues[name] = value;
      }
      // Millimetres are plenty for analysis, and shorter numbers make the batch cheaper to send and compare.
      const [px, py] = projection.toXY(lon, lat);
      const x = Math.round(px * 1000) / 1000, y = Math.round(py * 1000) / 1000;
      return {
        ok: true,
        draft: {
          line, sourceId, offenseCode: offenseCode || null, offenseText, category, occurredAt,
          timePrecision: wall.hasTime ? 'minute' : 'day', lon, lat, x, y,
          hundredBlock: index.address === undefined ? null : toHundredBlock(get('address')),
          areaIds: areas.lookup(lon, lat), victimCount, fatalCount, attributes: attributeValues,
        },
      };
    },
  };
}
