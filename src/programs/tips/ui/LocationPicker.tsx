/**
 * A map to point at where something happened: click (or tap) to drop the pin. It is optional: the address
 * field beside it is the accessible way, and the map needs WebGL. District outlines give landmarks when no tile
 * server is configured; when one is, the tiles come from it (the form says so).
 */
import { useEffect, useRef } from 'react';
import type * as maplibregl from 'maplibre-gl';
import { Marker } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { useI18n } from '../../../web/i18n/index.js';
import { useConfig } from '../../../web/config.js';
import { boundsOf, COLORS } from '../../../web/components/map/mapStyle.js';
import { useMapLibre } from '../../../web/components/map/useMapLibre.js';
import { publicTipsApi } from './api.js';

export interface PickedPoint { lon: number; lat: number }

export interface LocationPickerProps {
  value: PickedPoint | null;
  onChange(point: PickedPoint | null): void;
  center: [number, number];
}

export function LocationPicker({ value, onChange, center }: LocationPickerProps) {
  const { t } = useI18n();
  const config = useConfig();
  const marker = useRef<maplibregl.Marker | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const { container, map, failed } = useMapLibre({
    center, zoom: 11, basemapBelow: 'district-lines',
    onLoad(instance) {
      void publicTipsApi.areas().then((areas) => {
        instance.addSource('districts', { type: 'geojson', data: areas as FeatureCollection });
        instance.addLayer({ id: 'district-lines', type: 'line', source: 'districts', paint: { 'line-color': COLORS.areaLine, 'line-width': 1 } });
        const bounds = boundsOf(areas);
        if (bounds) instance.fitBounds(bounds, { padding: 16, duration: 0 });
      }, () => undefined);
    },
    setup(instance) {
      instance.on('click', (event) => change.current({ lon: Number(event.lngLat.lng.toFixed(6)), lat: Number(event.lngLat.lat.toFixed(6)) }));
    },
  });

  useEffect(() => {
    if (!map.current) return;
    marker.current?.remove();
    marker.current = value ? new Marker({ color: COLORS.violent }).setLngLat([value.lon, value.lat]).addTo(map.current) : null;
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
