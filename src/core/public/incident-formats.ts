/** The masked incident counts as GeoJSON (for maps) and CSV (for spreadsheets): the same rows in both. */
import { toCsv } from './csv.js';
import type { PublicIncidents } from './incidents.js';

export interface PublicIncidentFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    /** 'cell': a grid cell's centre; 'neighborhood': sensitive incidents counted per neighborhood. */
    kind: 'cell' | 'neighborhood';
    category: string;
    categoryLabel: { en: string; es: string };
    sensitive: boolean;
    violent: boolean;
    count: number;
    areaName: string | null;
  };
}

export interface PublicIncidentCollection {
  type: 'FeatureCollection';
  features: PublicIncidentFeature[];
  /** A foreign member (RFC 7946 §6.1): the period and the masking, so a download explains itself. */
  metadata: {
    agency: { slug: string; name: string; timeZone: string };
    from: string;
    to: string;
    cellMetres: number;
    masking: string;
    unplaced: Array<{ category: string; count: number }>;
    /** The whole months whose sensitive counts may appear per neighborhood (null: none in the period). */
    sensitiveMonths: { from: string; to: string } | null;
  };
}

export const MASKING_NOTE = 'Positions are not incident locations. Non-sensitive incidents are counted per grid cell of about '
  + '150 m and placed at the cell centre; sensitive incidents (sexual assault, domestic violence, juvenile and other sex offenses) '
  + 'are counted per neighborhood and placed at a point inside it, one whole calendar month at a time, and only for months with at '
  + 'least 3 of a category there (sensitiveMonths names the months the period covers); the rest, and those outside every '
  + 'neighborhood, are only counted city-wide (and not at all when one neighborhood is asked for).';

export function toFeatureCollection(data: PublicIncidents): PublicIncidentCollection {
  const feature = (kind: 'cell' | 'neighborhood', r: { category: string; count: number; lon: number; lat: number }, areaName: string | null): PublicIncidentFeature => {
    const category = data.categories.get(r.category);
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        kind, category: r.category, categoryLabel: category?.label ?? { en: r.category, es: r.category },
        sensitive: category?.sensitive ?? false, violent: category?.violent ?? false, count: r.count, areaName,
      },
    };
  };
  return {
    type: 'FeatureCollection',
    features: [
      ...data.cells.map((c) => feature('cell', c, null)),
      ...data.neighborhoods.map((n) => feature('neighborhood', n, n.areaName)),
    ],
    metadata: {
      agency: data.agency, from: data.from, to: data.to, cellMetres: data.cellMetres, masking: MASKING_NOTE, unplaced: data.unplaced,
      sensitiveMonths: data.sensitiveMonths,
    },
  };
}

/** One row per cell or neighborhood count, plus one per unplaced sensitive category (no position). */
export function toIncidentCsv(data: PublicIncidents): string {
  const label = (code: string) => data.categories.get(code)?.label.en ?? code;
  const common = (category: string) => [data.agency.slug, data.from, data.to, category, label(category), data.categories.get(category)?.sensitive ?? false];
  return toCsv(
    ['agency', 'from', 'to', 'category', 'category_label', 'sensitive', 'kind', 'count', 'longitude', 'latitude', 'neighborhood'],
    [
      ...data.cells.map((c) => [...common(c.category), 'cell', c.count, c.lon, c.lat, null]),
      ...data.neighborhoods.map((n) => [...common(n.category), 'neighborhood', n.count, n.lon, n.lat, n.areaName]),
      ...data.unplaced.map((u) => [...common(u.category), 'unplaced', u.count, null, null, null]),
    ],
  );
}
