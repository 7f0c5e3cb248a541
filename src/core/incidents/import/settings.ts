import { compileDateFormats, datePartOf, type DateFormat } from './dates.js';
import { ZonedTime } from './zoned-time.js';
import { resolveCrs, type SourceCrs } from './projection.js';
import { getPreset, type CategoryRule, type Preset } from './presets/index.js';
import { isGeoJsonFile } from './reader-geojson.js';
import { TARGET_FIELDS, type ImportOptions, type TargetField } from './types.js';

/** A category of offense_categories, as the import needs it. */
export interface CategoryInfo {
  code: string;
  label: string;
  /** 1 = most serious. */
  severity: number;
}

/** Everything stated for an import, checked before the first row is read. */
export interface ImportSettings {
  preset: Preset | null;
  sourceSystem: string;
  columns: Partial<Record<TargetField, string>>;
  /** attribute name → column */
  attributes: Record<string, string>;
  dateFormat: DateFormat;
  /** Used for rows whose time column is empty: the date part of the format, day precision. */
  dateOnlyFormat: DateFormat;
  zone: ZonedTime;
  crs: SourceCrs;
  /** A fixed code, a rule, or 'column' when a mapped column holds category codes or labels. */
  category: string | CategoryRule | 'column';
  sourceId: 'column' | 'content';
}

const isTargetField = (value: string): value is TargetField => (TARGET_FIELDS as readonly string[]).includes(value);

/** Field aliases people write in --map: date → occurred_at, lng/longitude → lon … */
const ALIASES: Record<string, TargetField> = {
  id: 'source_id', date: 'occurred_at', datetime: 'occurred_at', lng: 'lon', longitude: 'lon', latitude: 'lat',
  block: 'address', hundred_block: 'address', offense: 'offense_text', description: 'offense_text', code: 'offense_code',
};

/**
 * Merges a preset with --map entries (COLUMN → FIELD): a mapped field replaces the preset's column for it.
 * Throws naming the entry when a field is unknown.
 */
export function mergeColumns(preset: Preset | null, mapping: Record<string, string> = {}): Pick<ImportSettings, 'columns' | 'attributes'> {
  const columns: Partial<Record<TargetField, string>> = { ...(preset?.columns ?? {}) };
  const attributes: Record<string, string> = { ...(preset?.attributes ?? {}) };
  for (const [column, rawField] of Object.entries(mapping)) {
    const field = rawField.trim();
    if (field.startsWith('attributes.') || field === 'attributes') {
      const name = field === 'attributes' ? column : field.slice('attributes.'.length);
      if (!/^[A-Za-z0-9_ -]{1,60}$/.test(name)) throw new Error(`--map ${column}=${field}: attribute names are letters, digits, _ and -`);
      attributes[name] = column;
      continue;
    }
    const target = isTargetField(field) ? field : ALIASES[field.toLowerCase()];
    if (!target) throw new Error(`--map ${column}=${field}: unknown field "${field}"; fields are ${TARGET_FIELDS.join(', ')} or attributes.NAME`);
    columns[target] = column;
  }
  return { columns, attributes };
}

/**
 * Resolves preset + options into settings. Date format and time zone must be stated by the preset or a flag:
 * when neither does, this fails naming the flag, because a guessed day/month order or zone silently corrupts
 * every row.
 */
export function resolveSettings(options: ImportOptions, categories: ReadonlyMap<string, CategoryInfo>): ImportSettings {
  const preset = options.preset ? getPreset(options.preset) : null;
  const { columns, attributes } = mergeColumns(preset, options.mapping);
  const from = preset ? `the preset "${preset.name}" states none` : 'no preset states one';

  const formatTexts = options.dateFormat ? [options.dateFormat] : preset?.dateFormats ?? [];
  if (formatTexts.length === 0) {
    throw new Error(`no date format: ${from}; pass --date-format (tokens YYYY YY M MM D DD H HH mm ss A, e.g. --date-format "MM/DD/YYYY HH:mm", or --date-format iso)`);
  }
  let dateFormat: DateFormat, dateOnlyFormat: DateFormat;
  try {
    dateFormat = compileDateFormats(formatTexts);
    dateOnlyFormat = compileDateFormats(formatTexts.map(datePartOf));
  } catch (error) {
    throw new Error(`--date-format: ${(error as Error).message}`);
  }
  const zoneName = options.timeZone ?? preset?.timeZone;
  if (!zoneName) throw new Error(`no time zone: ${from}; pass --time-zone with the IANA zone of the file's local times (e.g. --time-zone America/Chicago)`);
  let zone: ZonedTime;
  try {
    zone = new ZonedTime(zoneName);
  } catch (error) {
    throw new Error(`--time-zone: ${(error as Error).message}`);
  }
  let crs: SourceCrs;
  try {
    crs = resolveCrs(options.crs ?? preset?.crs);
  } catch (error) {
    throw new Error(`--crs: ${(error as Error).message}`);
  }

  if (!columns.occurred_at) throw new Error('no date column: map one with --map COLUMN=occurred_at');
  const hasLonLat = Boolean(columns.lon && columns.lat);
  const hasXY = Boolean(columns.x && columns.y);
  if (!hasLonLat && !hasXY && !isGeoJsonFile(options.file)) throw new Error('no coordinates: map lon and lat (--map COLUMN=lon --map COLUMN=lat) or x and y with --crs');

  let category: ImportSettings['category'];
  if (columns.category) category = 'column';
  else if (options.category) {
    if (!categories.has(options.category)) throw new Error(`--category: unknown category "${options.category}"; categories are ${[...categories.keys()].join(', ')}`);
    category = options.category;
  } else if (preset?.category) category = preset.category;
  else throw new Error('no category: map a column holding category codes (--map COLUMN=category), pass --category CODE, or use a preset');

  const sourceId = columns.source_id ? 'column' : 'content';
  if (preset?.victims && sourceId !== 'column') throw new Error(`the preset "${preset.name}" merges rows by source_id, so it needs a source_id column`);
  const sourceSystem = (options.sourceSystem ?? preset?.sourceSystem ?? 'import').trim();
  if (!/^[A-Za-z0-9._:-]{1,80}$/.test(sourceSystem)) throw new Error(`--source-system "${sourceSystem}": use letters, digits, . _ : - (at most 80)`);
  return { preset, sourceSystem, columns, attributes, dateFormat, dateOnlyFormat, zone, crs, category, sourceId };
}
