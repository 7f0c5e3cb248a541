/** Reading cell features: centre of a cell polygon, and the cells ordered by a layer. */
import type { Feature, Polygon } from 'geojson';

export type CellFeature = Feature<Polygon, Record<string, number | null>>;

/** Centre of a square cell: the mean of its four corners. */
export function cellCentre(feature: CellFeature): [number, number] {
  const ring = feature.geometry.coordinates[0].slice(0, 4);
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

/** The `n` cells with the largest value of a layer. */
export function topByLayer(features: CellFeature[], layer: string, n: number): CellFeature[] {
  return [...features].sort((a, b) => (b.properties[layer] ?? -Infinity) - (a.properties[layer] ?? -Infinity)).slice(0, n);
}

/** A number with at most `digits` significant figures, in the reader's language. */
export function significant(value: number | null | undefined, locale: string, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number(value.toPrecision(digits)).toLocaleString(locale);
}
