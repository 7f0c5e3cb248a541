/**
 * The residents' crime map: counts per ~150 m grid cell drawn at the cell centre (bigger circles for more
 * incidents), and sensitive categories as neighborhood totals in a distinct colour and outline. The server
 * already masked every position; this only draws what it got. The table beside it is the accessible version.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { Popup, type AddLayerObject } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useI18n, type I18n } from '../i18n/index.js';
import { boundsOf, COLORS, EMPTY_COLLECTION, LAYER_POINTS, SOURCE_AREAS, SOURCE_INCIDENTS } from '../components/map/mapStyle.js';
import { useMapLibre } from '../components/map/useMapLibre.js';
import type { PublicAreaCollection, PublicIncidentCollection, PublicIncidentProperties } from './publicApi.js';

/** Sensitive totals: a purple with 3:1 contrast on the map background, never used for anything else. */
export const SENSITIVE_COLOR = '#54278f';
const LAYER_SENSITIVE = 'sensitive-areas';

const layers = (): AddLayerObject[] => [
  { id: 'area-fill', type: 'fill', source: SOURCE_AREAS, paint: { 'fill-color': COLORS.areaFill, 'fill-opacity': 0.05 } },
  { id: 'area-line', type: 'line', source: SOURCE_AREAS, paint: { 'line-color': COLORS.areaLine, 'line-width': 0.8 } },
  {
    id: LAYER_POINTS, type: 'circle', source: SOURCE_INCIDENTS, filter: ['==', ['get', 'kind'], 'cell'],
    paint: {
      'circle-color': ['case', ['get', 'violent'], COLORS.violent, COLORS.nonViolent],
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 3.5, 5, 6, 20, 11, 100, 18],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.75, 'circle-opacity': 0.8,
    },
  },
  {
    id: LAYER_SENSITIVE, type: 'circle', source: SOURCE_INCIDENTS, filter: ['==', ['get', 'kind'], 'neighborhood'],
    paint: {
      'circle-color': '#ffffff', 'circle-stroke-color': SENSITIVE_COLOR, 'circle-stroke-width': 3,
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 7, 10, 12, 50, 18],
    },
  },
];

/** Popup text built as DOM nodes (labels come from the server and are never parsed as HTML). */
function popup(p: PublicIncidentProperties, i18n: I18n): HTMLElement {
  const root = document.createElement('div');
  root.className = 'bridges-popup';
  const title = document.createElement('p');
  title.className = 'bridges-popup__title';
  title.textContent = i18n.pick(p.categoryLabel);
  const body = document.createElement('p');
  body.textContent = p.kind === 'cell'
    ? i18n.plural('publicPages.crimeMap.popupCell', p.count)
    : i18n.plural('publicPages.crimeMap.popupNeighborhood', p.count, { area: p.areaName ?? '' });
  root.append(title, body);
  return root;
}

export interface PublicCrimeMapProps {
  incidents?: PublicIncidentCollection;
  areas?: PublicAreaCollection;
  label: string;
  describedBy: string;
}

export function PublicCrimeMap({ incidents, areas, label, describedBy }: PublicCrimeMapProps) {
  const i18n = useI18n();
  // Handlers are registered once; they read the current language through this ref.
  const text = useRef(i18n);
  text.current = i18n;
  const { container, map: mapRef, ready, failed } = useMapLibre({
    center: [-75.16, 39.95], zoom: 10, label, describedBy, basemapBelow: 'area-fill',
    onLoad(map) {
      map.addSource(SOURCE_AREAS, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addSource(SOURCE_INCIDENTS, { type: 'geojson', data: EMPTY_COLLECTION });
      for (const layer of layers()) map.addLayer(layer);
    },
    setup(map) {
      for (const layer of [LAYER_POINTS, LAYER_SENSITIVE]) {
        map.on('click', layer, (event) => {
          const feature = event.features?.[0];
          if (!feature || feature.geometry.type !== 'Point') return;
          new Popup({ maxWidth: '260px' }).setLngLat(feature.geometry.coordinates as [number, number])
            .setDOMContent(popup(feature.properties as unknown as PublicIncidentProperties, text.current)).addTo(map);
        });
        map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
      }
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(SOURCE_AREAS) as maplibregl.GeoJSONSource).setData((areas ?? EMPTY_COLLECTION) as FeatureCollection);
    (map.getSource(SOURCE_INCIDENTS) as maplibregl.GeoJSONSource).setData((incidents ?? EMPTY_COLLECTION) as FeatureCollection);
    const bounds = boundsOf(incidents?.features.length ? incidents : areas);
    if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 14, duration: 0 });
  }, [ready, incidents, areas]);

  if (failed) return <div className="bridges-map bridges-map--failed" role="note"><p>{i18n.t('map.unavailable')}</p></div>;
  return <div ref={container} className="bridges-map bridges-crime-map" data-testid="crime-map" />;
}
