/**
 * The map of watch groups: their boundaries (nothing else about them, and nothing about members), the
 * city outline for orientation, and a pin where the resident clicked. It is optional: the list of groups by
 * neighborhood beside it is the accessible way, and the map needs WebGL.
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { Marker } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { boundsOf, COLORS, EMPTY_COLLECTION } from '../../../web/components/map/mapStyle.js';
import { useMapLibre } from '../../../web/components/map/useMapLibre.js';
import { useWatchI18n } from './i18n.js';

export interface PickedPoint { lon: number; lat: number }

export interface WatchMapProps {
  groups?: FeatureCollection;
  outlines?: FeatureCollection;
  /** Extra outline drawn on top (a boundary being drawn in the console). */
  drawing?: FeatureCollection;
  picked?: PickedPoint | null;
  /** A point to bring into view (an address found by search); the map moves when it changes. */
  focus?: PickedPoint | null;
  onPick?(point: PickedPoint): void;
  /** Accessible name of the map. */
  label: string;
  describedBy?: string;
  className?: string;
  testId?: string;
}

declare global {
  interface Window {
    /** Browser tests only (navigator.webdriver): where a lon/lat is on the canvas, to click it. */
    __bridgesWatchMap?: { project(lon: number, lat: number): { x: number; y: number }; idle(): Promise<void> };
  }
}

export function WatchMap({ groups, outlines, drawing, picked, focus, onPick, label, describedBy, className, testId = 'watch-map' }: WatchMapProps) {
  const { t } = useWatchI18n();
  const marker = useRef<maplibregl.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const { container, map, ready, failed } = useMapLibre({
    center: [-75.16, 39.95], zoom: 10, label, describedBy, basemapBelow: 'outline-line',
    onLoad(instance) {
      for (const id of ['outlines', 'groups', 'drawing']) instance.addSource(id, { type: 'geojson', data: EMPTY_COLLECTION });
      instance.addLayer({ id: 'outline-line', type: 'line', source: 'outlines', paint: { 'line-color': COLORS.areaLine, 'line-width': 1, 'line-dasharray': [2, 2] } });
      instance.addLayer({ id: 'group-fill', type: 'fill', source: 'groups', paint: { 'fill-color': COLORS.areaFill, 'fill-opacity': 0.25 } });
      instance.addLayer({ id: 'group-line', type: 'line', source: 'groups', paint: { 'line-color': COLORS.areaFill, 'line-width': 2 } });
      instance.addLayer({ id: 'drawing-line', type: 'line', source: 'drawing', paint: { 'line-color': COLORS.selectedArea, 'line-width': 3 } });
      instance.addLayer({ id: 'drawing-points', type: 'circle', source: 'drawing', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': COLORS.selectedArea, 'circle-radius': 4 } });
    },
    setup(instance) {
      instance.on('click', (event) => pick.current?.({ lon: Number(event.lngLat.lng.toFixed(6)), lat: Number(event.lngLat.lat.toFixed(6)) }));
      if (!navigator.webdriver) return;
      window.__bridgesWatchMap = {
        project: (lon, lat) => instance.project([lon, lat]),
        idle: () => new Promise<void>((resolve) => { instance.once('idle', () => resolve()); instance.triggerRepaint(); }),
      };
      return () => { delete window.__bridgesWatchMap; };
    },
  });

  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready) return;
    (instance.getSource('outlines') as maplibregl.GeoJSONSource).setData(outlines ?? EMPTY_COLLECTION);
    (instance.getSource('groups') as maplibregl.GeoJSONSource).setData(groups ?? EMPTY_COLLECTION);
    // Frame the groups when there are any, else the city.
    const bounds = boundsOf(groups?.features.length ? groups : outlines);
    if (bounds) instance.fitBounds(bounds, { padding: 32, maxZoom: 15, duration: 0 });
  }, [ready, groups, outlines]);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready) return;
    (instance.getSource('drawing') as maplibregl.GeoJSONSource).setData(drawing ?? EMPTY_COLLECTION);
  }, [ready, drawing]);

  useEffect(() => {
    if (!map.current) return;
    marker.current?.remove();
    marker.current = picked ? new Marker({ color: COLORS.violent }).setLngLat([picked.lon, picked.lat]).addTo(map.current) : null;
  }, [picked, ready]);

  useEffect(() => {
    if (!map.current || !ready || !focus) return;
    map.current.easeTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.current.getZoom(), 15), duration: 0 });
  }, [focus, ready]);

  if (failed) return <p className="bridges-muted" role="note">{t('map.unavailable')}</p>;
  return <div ref={container} className={`bridges-map ${className ?? ''}`} data-testid={testId} />;
}
