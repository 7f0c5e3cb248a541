import { GeoJsonSplitter, parseFeatures, type ParsedFeature } from '../../places/geojson-stream.js';
import { readTextChunks, type TextChunkOptions } from './file-text.js';
import type { RawRecord, TableSource } from './types.js';

/** Pseudo-columns holding a Point feature's coordinates (map them like any column; lon/lat default to them). */
export const GEOMETRY_LON = '@lon';
export const GEOMETRY_LAT = '@lat';

/** Files read as GeoJSON (FeatureCollection, or one Feature a line); anything else is read as CSV. */
export const isGeoJsonFile = (path: string): boolean => /\.(geojson|json|ndjson|geojsonl|jsonl)$/i.test(path);

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/**
 * Opens a GeoJSON FeatureCollection or newline-delimited GeoJSON file as a table: one row per feature, the
 * columns are the first feature's property names (later features are read by those names; properties only
 * later features have are not imported) plus @lon/@lat from a Point geometry.
 */
export function openGeoJson(path: string, options: TextChunkOptions = {}): TableSource {
  let columns: string[] = [];
  let propertyNames: string[] | null = null;

  const toRecord = ({ line, feature }: ParsedFeature): RawRecord => {
    if (feature.type !== 'Feature') {
      return { line, values: new Array(columns.length).fill(''), problem: `geometry: expected a Feature, got ${cell(feature.type) || 'no type'}` };
    }
    const properties = feature.properties ?? {};
    if (!propertyNames) {
      propertyNames = Object.keys(properties);
      columns = [...propertyNames, GEOMETRY_LON, GEOMETRY_LAT];
    }
    const values = propertyNames.map((name) => cell(properties[name]));
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    let problem: string | undefined;
    let lon = '', lat = '';
    if (!geometry) problem = 'geometry: the feature has no geometry';
    else if (geometry.type !== 'Point') problem = `geometry: expected a Point, got ${cell(geometry.type)}`;
    else if (Array.isArray(geometry.coordinates) && geometry.coordinates.length >= 2) {
      lon = cell(geometry.coordinates[0]);
      lat = cell(geometry.coordinates[1]);
    } else problem = 'geometry: a Point needs [lon, lat] coordinates';
    values.push(lon, lat);
    return problem ? { line, values, problem } : { line, values };
  };

  return {
    get columns() {
      return columns;
    },
    async *chunks() {
      const splitter = new GeoJsonSplitter();
      let yieldedFirst = false;
      for await (const chunk of readTextChunks(path, options)) {
        const records = parseFeatures(splitter.push(chunk)).map(toRecord);
        if (records.length > 0) {
          yieldedFirst = true;
          yield records;
        }
      }
      if (splitter.end() === 0) throw new Error('the file is empty: expected a GeoJSON FeatureCollection or one Feature per line');
      if (!yieldedFirst) throw new Error('the GeoJSON file has no features');
    },
  };
}
