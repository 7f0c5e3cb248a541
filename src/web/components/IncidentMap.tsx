/**
 * MapLibre map of incidents (circles, red for violent categories) over area outlines. Works offline: the
 * style is a plain background unless /api/config names a tile server. ~20,000 points draw as one GeoJSON
 * circle layer, which MapLibre tiles in its worker; clustering would need glyphs for the counts and hide
 * the pattern analysts look for. The list beside the map is the accessible alternative to the canvas.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { Popup } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { AreaCollection, IncidentCollection } from '../api/client.js';
import type { IncidentProperties } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import {
  areaFillOpacity, boundsOf, colorByViolence, EMPTY_COLLECTION, LAYER_POINTS, overlayLayers, SOURCE_AREAS, SOURCE_INCIDENTS,
} from './map/mapStyle.js';
import { incidentPopup } from './map/popup.js';
import { useMapLibre } from './map/useMapLibre.js';

export interface IncidentMapProps {
  incidents?: IncidentCollection;
  areas?: AreaCollection;
  /** Category codes drawn in the "violent" colour. */
  violentCategories: readonly string[];
  categoryLabel(code: string): string;
  /** Accessible name of the map canvas. */
  label: string;
  /** id of the text that explains where the same data is available as a list. */
  describedBy?: string;
  /** Shade areas by their incident count (the Areas page) instead of a uniform light fill. */
  shadeAreas?: boolean;
  /** Time zone for dates in popups (the agency's). */
  timeZone?: string;
  className?: string;
}

export function IncidentMap({ incidents, areas, violentCategories, categoryLabel, label, describedBy, shadeAreas, timeZone, className }: IncidentMapProps) {
  const i18n = useI18n();
  // Event handlers are registered once; they read the current labels and language through this ref.
  const popupText = useRef({ i18n, categoryLabel, timeZone });
  popupText.current = { i18n, categoryLabel, timeZone };
  const { container, map: mapRef, ready, failed } = useMapLibre({
    center: [-95, 39], zoom: 3, label, describedBy, basemapBelow: 'area-fill',
    onLoad(map) {
      map.addSource(SOURCE_AREAS, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addSource(SOURCE_INCIDENTS, { type: 'geojson', data: EMPTY_COLLECTION });
    },
    setup(map) {
      map.on('click', LAYER_POINTS, (event) => {
        const feature = event.features?.[0];
        if (!feature || feature.geometry.type !== 'Point') return;
        const { i18n: text, categoryLabel: labelOf, timeZone: zone } = popupText.current;
        new Popup({ closeButton: true, maxWidth: '280px' })
          .setLngLat(feature.geometry.coordinates as [number, number])
          .setDOMContent(incidentPopup(feature.properties as unknown as IncidentProperties, text, labelOf, zone))
          .addTo(map);
      });
      map.on('mouseenter', LAYER_POINTS, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', LAYER_POINTS, () => (map.getCanvas().style.cursor = ''));
    },
  });

  const maxAreaCount = shadeAreas ? Math.max(0, ...(areas?.features ?? []).map((f) => f.properties.incidentCount ?? 0)) : 0;

  // Layers are (re)built when their styling inputs change; the sources keep their data.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    for (const layer of overlayLayers(colorByViolence(violentCategories), areaFillOpacity(maxAreaCount))) {
      if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      map.addLayer(layer);
    }
  }, [ready, violentCategories, maxAreaCount]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(SOURCE_AREAS) as maplibregl.GeoJSONSource).setData((areas ?? EMPTY_COLLECTION) as FeatureCollection);
  }, [ready, areas]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(SOURCE_INCIDENTS) as maplibregl.GeoJSONSource).setData((incidents ?? EMPTY_COLLECTION) as FeatureCollection);
    // Frame what is shown: the incidents when there are any, else the areas.
    const bounds = boundsOf(incidents?.features.length ? incidents : areas);
    if (bounds) map.fitBounds(bounds, { padding: 32, maxZoom: 15, duration: 0 });
  }, [ready, incidents, areas]);

  if (failed) {
    return (
      <div className={`bridges-map bridges-map--failed ${className ?? ''}`} role="note">
        <p>{i18n.t('map.unavailable')}</p>
      </div>
    );
  }
  return <div ref={container} className={`bridges-map ${className ?? ''}`} data-testid="incident-map" />;
}
