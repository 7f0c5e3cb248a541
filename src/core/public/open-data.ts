/**
 * The open-data catalogue: what a resident, journalist or researcher can download, in which formats, with
 * the masking each dataset applies. Core datasets are listed here; a program may add its own by carrying an
 * `openData` list on its manifest (see ProgramOpenData), served by its own routes.
 */
import type { LocalizedText, ProgramManifest } from '../program/define.js';

export interface OpenDataset {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Download addresses by format, relative to the site. */
  formats: Partial<Record<'csv' | 'geojson' | 'json', string>>;
  /** The program that publishes it; absent for core datasets. */
  programId?: string;
}

/**
 * What a program adds to its manifest to publish datasets. It is a separate, optional member (read with
 * `programOpenData`) so that programs which publish nothing need no change.
 */
export interface ProgramOpenData {
  openData?: ReadonlyArray<Omit<OpenDataset, 'programId'>>;
}

export function programOpenData(program: ProgramManifest): OpenDataset[] {
  const datasets = (program as ProgramManifest & ProgramOpenData).openData ?? [];
  return datasets.map((d) => ({ ...d, programId: program.id }));
}

export function coreDatasets(agencySlug: string | undefined): OpenDataset[] {
  const agency = agencySlug ? `agency=${encodeURIComponent(agencySlug)}&` : '';
  return [
    {
      id: 'incidents',
      title: { en: 'Reported incidents (masked)', es: 'Incidentes reportados (enmascarados)' },
      description: {
        en: 'Counts by category per ~150 m grid cell, placed at the cell centre. Sensitive incidents are counted per neighborhood only. Add from=YYYY-MM-DD&to=YYYY-MM-DD for another period (latest 90 days by default).',
        es: 'Conteos por categoría en cuadrículas de unos 150 m, ubicados en el centro de cada cuadrícula. Los incidentes sensibles solo se cuentan por vecindario. Agregue from=AAAA-MM-DD&to=AAAA-MM-DD para otro período (por defecto, los últimos 90 días).',
      },
      formats: { csv: `/api/public/incidents?${agency}format=csv`, geojson: `/api/public/incidents?${agency}format=geojson` },
    },
    {
      id: 'trends',
      title: { en: 'Weekly trends, this year and last year', es: 'Tendencias semanales, este año y el anterior' },
      description: {
        en: 'Weekly counts by category for the latest year of records and the year before. Counts only, no locations.',
        es: 'Conteos semanales por categoría del último año con registros y del año anterior. Solo conteos, sin ubicaciones.',
      },
      formats: { csv: `/api/public/trends?${agency}format=csv`, json: `/api/public/trends?${agency}format=json` },
    },
    {
      id: 'program-results',
      title: { en: 'Program results', es: 'Resultados de los programas' },
      description: {
        en: 'The headline figures each community program reports (for example volunteer hours or tips received). There is no map (GeoJSON) file: these are totals for the whole jurisdiction with no place attached. Places are in the events, watch-group and services files.',
        es: 'Las cifras principales que informa cada programa comunitario (por ejemplo, horas de voluntariado o pistas recibidas). No hay archivo de mapa (GeoJSON): son totales de toda la jurisdicción, sin un lugar asociado. Los lugares están en los archivos de eventos, grupos de vigilancia y servicios.',
      },
      formats: { csv: '/api/public/results?format=csv', json: '/api/public/results?format=json' },
    },
  ];
}
