/**
 * The public data API (/api/public/*) as the portal pages use it. Shapes follow src/core/public; positions in
 * incident answers are grid-cell centres or neighborhood label points, never where something happened.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { request, type Query } from '../api/client.js';
import type { LocalizedText } from '../i18n/index.js';

export interface PublicAgency {
  slug: string;
  name: string;
  timeZone: string;
  centerLon: number;
  centerLat: number;
  dataStart: string | null;
  dataEnd: string | null;
}

export interface PublicIncidentProperties {
  kind: 'cell' | 'neighborhood';
  category: string;
  categoryLabel: LocalizedText;
  sensitive: boolean;
  violent: boolean;
  count: number;
  areaName: string | null;
}

export type PublicIncidentCollection = FeatureCollection<Point, PublicIncidentProperties> & {
  metadata: {
    agency: { slug: string; name: string; timeZone: string };
    from: string;
    to: string;
    cellMetres: number;
    masking: string;
    unplaced: Array<{ category: string; count: number }>;
  };
};

export type PublicAreaCollection = FeatureCollection<Geometry, { id: number; kind: string; name: string; labelPoint: [number, number] }>;

export interface TrendSeries {
  code: string;
  label: LocalizedText;
  thisYear: Array<number | null>;
  lastYear: number[];
  ytdThisYear: number;
  ytdLastYear: number;
}

export interface PublicTrends {
  agency: { slug: string; name: string };
  year: number;
  lastYear: number;
  through: string;
  throughWeek: number;
  categories: TrendSeries[];
  total: TrendSeries;
}

export interface ProgramResults {
  id: string;
  name: LocalizedText;
  summary: LocalizedText;
  stats: Array<{ key: string; label: LocalizedText; value: number }>;
}

export interface OpenDataset {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  formats: Partial<Record<'csv' | 'geojson' | 'json', string>>;
  programId?: string;
}

export interface OpenDataCatalogue {
  datasets: OpenDataset[];
  openApi: string;
  apiDocs: string;
}

/** The filters of the crime map; dates are agency-local days, both included. */
export interface CrimeFilter {
  agency?: string;
  from?: string;
  to?: string;
  category?: string;
  area?: number;
}

export const crimeQuery = (filter: CrimeFilter): Query => ({ ...filter });

/** The address of an incident download with these filters (for links the browser downloads itself). */
export function incidentDownloadUrl(filter: CrimeFilter, format: 'csv' | 'geojson'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, format })) if (value !== undefined && value !== '') params.set(key, String(value));
  return `/api/public/incidents?${params}`;
}

export const publicApi = {
  agencies: () => request<PublicAgency[]>('GET', '/api/public/agencies'),
  areas: (agency: string) => request<PublicAreaCollection>('GET', '/api/public/areas', { query: { agency, kind: 'neighborhood' } }),
  incidents: (filter: CrimeFilter) => request<PublicIncidentCollection>('GET', '/api/public/incidents', { query: crimeQuery(filter) }),
  trends: (agency: string, category?: string) => request<PublicTrends>('GET', '/api/public/trends', { query: { agency, category } }),
  results: () => request<ProgramResults[]>('GET', '/api/public/results'),
  openData: () => request<OpenDataCatalogue>('GET', '/api/public/open-data'),
};
