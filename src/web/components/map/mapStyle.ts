/**
 * The map's style without the internet: a plain background, an optional raster basemap from the configured
 * tile server, then areas and incidents from GeoJSON. No glyphs or sprites are needed because nothing is
 * drawn as text on the canvas (labels live in the popup and the list, where screen readers can reach them).
 */
import type { AddLayerObject, LngLatBoundsLike, Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import type { FeatureCollection, Geometry, Position } from 'geojson';

// maplibre-gl does not re-export the style-spec types; derive the few needed from its own signatures.
type StyleSpecification = Exclude<MapOptions['style'], string | undefined>;
type SourceSpecification = Parameters<MapLibreMap['addSource']>[1];
type CircleLayer = Extract<AddLayerObject, { type: 'circle' }>;
export type CircleColor = NonNullable<NonNullable<CircleLayer['paint']>['circle-color']>;

/** Colours with at least 3:1 contrast against the background, so points stay visible (WCAG 1.4.11). */
export const COLORS = {
  background: '#f0f0f0',
  violent: '#b50909',
  nonViolent: '#1a4480',
  areaLine: '#3d4551',
  areaFill: '#1a4480',
  selectedArea: '#e66f0e',
} as const;

export const SOURCE_AREAS = 'areas';
export const SOURCE_INCIDENTS = 'incidents';
export const LAYER_POINTS = 'incident-points';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }],
  };
}

/** The configured raster tile server, drawn beneath areas and incidents. */
export function basemap(url: string, attribution?: string): { source: SourceSpecification; layer: AddLayerObject } {
  return {
    source: { type: 'raster', tiles: [url], tileSize: 256, attribution, maxzoom: 19 },
    layer: { id: 'basemap', type: 'raster', source: 'basemap' },
  };
}

/** Circle colour by category: the server marks categories violent or not (GET /api/categories). */
export function colorByViolence(violentCodes: readonly string[]): CircleColor {
  // "match" needs at least one label; with no violent categories every point is non-violent.
  if (violentCodes.length === 0) return COLORS.nonViolent;
  return ['match', ['get', 'category'], [...violentCodes], COLORS.violent, COLORS.nonViolent];
}

/** Bounds of every coordinate in the collections, or null when they are empty. */
export function boundsOf(...collections: Array<FeatureCollection<Geometry | null> | undefined>): LngLatBoundsLike | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < west) west = p[0];
    if (p[0] > east) east = p[0];
    if (p[1] < south) south = p[1];
    if (p[1] > north) north = p[1];
  };
  for (const collection of collections) {
    for (const feature of collection?.features ?? []) {
      if (feature.geometry) eachPosition(feature.geometry, visit);
    }
  }
  if (!Number.isFinite(west)) return null;
  return [[west, south], [east, north]];
}

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((ring) => ring.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

type FillLayer = Extract<AddLayerObject, { type: 'fill' }>;
type FillOpacity = NonNullable<NonNullable<FillLayer['paint']>['fill-opacity']>;

/**
 * Area fill opacity: a light wash, or, with the largest incident count of the areas shown, darker for areas
 * with more incidents (a simple choropleth; the tables carry the exact figures).
 */
export function areaFillOpacity(maxIncidentCount?: number): FillOpacity {
  if (!maxIncidentCount) return 0.06;
  return ['interpolate', ['linear'], ['coalesce', ['get', 'incidentCount'], 0], 0, 0.04, maxIncidentCount, 0.5];
}

/** Areas as a fill with an outline, incidents as circles that grow with the zoom. */
export function overlayLayers(pointColor: CircleColor, fillOpacity: FillOpacity = areaFillOpacity()): AddLayerObject[] {
  return [
    { id: 'area-fill', type: 'fill', source: SOURCE_AREAS, paint: { 'fill-color': COLORS.areaFill, 'fill-opacity': fillOpacity } },
    { id: 'area-line', type: 'line', source: SOURCE_AREAS, paint: { 'line-color': COLORS.areaLine, 'line-width': 1.2 } },
    {
      id: LAYER_POINTS,
      type: 'circle',
      source: SOURCE_INCIDENTS,
      paint: {
        'circle-color': pointColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2, 13, 4, 17, 8],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0, 13, 0.75],
        'circle-opacity': 0.85,
      },
    },
  ];
}
