/**
 * A map to point at where something happened: click (or tap) to drop the pin. It is optional: the address
 * field beside it is the accessible way, and the map needs WebGL. District outlines give landmarks when no tile
 * server is configured; when one is, the tiles come from it (the form says so).
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useI18n } from '../../../web/i18n/index.js';
import { useConfig } from '../../../web/config.js';
import { baseStyle, basemap, boundsOf, COLORS } from '../../../web/components/map/mapStyle.js';
import { exposeMapForTests } from '../../../web/components/map/testHook.js';
import { publicTipsApi } from './api.js';

maplibregl.setWorkerUrl(workerUrl);

export interface PickedPoint { lon: number; lat: number }

export interface LocationPickerProps {
  value: PickedPoint | null;
  onChange(point: PickedPoint | null): void;
  center: [number, number];
}

export function LocationPicker({ value, onChange, center }: LocationPickerProps) {
  const { t } = useI18n();
  const config = useConfig();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const marker = useRef<maplibregl.Marker | null>(null);
  const [failed, setFailed] = useState(false);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    if (!container.current) return;
    let instance: maplibregl.Map;
    try {
      instance = new maplibregl.Map({ container: container.current, style: baseStyle(), center, zoom: 11, attributionControl: { compact: true } });
    } catch {
      setFailed(true);
      return;
    }
    map.current = instance;
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => {
      if (config?.tileUrl) {
        const { source, layer } = basemap(config.tileUrl, config.tileAttribution);
        instance.addSource('basemap', source);
        instance.addLayer(layer);
      }
      void publicTipsApi.areas().then((areas) => {
        instance.addSource('districts', { type: 'geojson', data: areas as FeatureCollection });
        instance.addLayer({ id: 'district-lines', type: 'line', source: 'districts', paint: { 'line-color': COLORS.areaLine, 'line-width': 1 } });
        const bounds = boundsOf(areas);
        if (bounds) instance.fitBounds(bounds, { padding: 16, duration: 0 });
      }, () => undefined);
    });
    instance.on('click', (event) => change.current({ lon: Number(event.lngLat.lng.toFixed(6)), lat: Number(event.lngLat.lat.toFixed(6)) }));
    const unexpose = exposeMapForTests(instance);
    return () => {
      unexpose();
      instance.remove();
      map.current = null;
    };
    // One map per mount; the centre is the agency's and does not change while the form is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!map.current) return;
    marker.current?.remove();
    marker.current = value ? new maplibregl.Marker({ color: COLORS.violent }).setLngLat([value.lon, value.lat]).addTo(map.current) : null;
  }, [value]);

  if (failed) return <p className="bridges-muted">{t('programs.tips.form.mapUnavailable')}</p>;
  return (
    <div className="bridges-tips__picker">
      <div ref={container} className="bridges-map bridges-tips__map" data-testid="tip-location-map" aria-label={t('programs.tips.form.mapLabel')} role="application" />
      <p className="usa-hint" aria-live="polite">
        {value ? t('programs.tips.form.pinned', { lat: value.lat, lon: value.lon }) : t('programs.tips.form.mapHint')}
        {value && (
          <button type="button" className="usa-button usa-button--unstyled margin-left-1" onClick={() => onChange(null)}>{t('programs.tips.form.clearPin')}</button>
        )}
      </p>
      {config?.tileUrl && <p className="usa-hint">{t('programs.tips.form.tilesNotice')}</p>}
    </div>
  );
}
