/**
 * MapLibre map of analysis cells (hot spots, forecast) over area outlines. Cells are GeoJSON polygons from
 * the server, coloured by the class the server gave them; the legend and the tables beside the map carry
 * the same information in text.
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { AreaCollection } from '../../api/client.js';
import { useConfig } from '../../config.js';
import { useI18n } from '../../i18n/index.js';
import { baseStyle, basemap, boundsOf, COLORS, EMPTY_COLLECTION } from '../../components/map/mapStyle.js';
import type { CellCollection } from './api.js';

maplibregl.setWorkerUrl(workerUrl);

const SOURCE_CELLS = 'analysis-cells';
const SOURCE_OUTLINES = 'analysis-outlines';
export const LAYER_CELLS = 'analysis-cell-fill';

/** What browser tests may ask: whether cells were drawn, not only fetched. */
export interface CellMapTestHook {
  renderedCells(): number;
  idle(): Promise<void>;
}
declare global {
  interface Window {
    __bridgesCellMap?: CellMapTestHook;
  }
}

export interface CellMapProps {
  cells?: CellCollection;
  /** Property holding each cell's class, and the colour of each class (classes without a colour are not drawn). */
  classLayer: string;
  colors: Record<number, string>;
  outlines?: AreaCollection;
  label: string;
  describedBy?: string;
}

export function CellMap({ cells, classLayer, colors, outlines, label, describedBy }: CellMapProps) {
  const { t } = useI18n();
  const config = useConfig();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({ container: container.current, style: baseStyle(), center: [-95, 39], zoom: 3, attributionControl: { compact: true } });
    } catch {
      setFailed(true); // no WebGL: the tables still hold everything
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addSource(SOURCE_OUTLINES, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addSource(SOURCE_CELLS, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addLayer({ id: 'analysis-outline', type: 'line', source: SOURCE_OUTLINES, paint: { 'line-color': COLORS.areaLine, 'line-width': 1.2 } });
      setReady(true);
    });
    const hook: CellMapTestHook = {
      renderedCells: () => (map.getLayer(LAYER_CELLS) ? map.queryRenderedFeatures({ layers: [LAYER_CELLS] }).length : 0),
      idle: async () => {
        for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
      },
    };
    if (navigator.webdriver) window.__bridgesCellMap = hook;
    return () => {
      if (window.__bridgesCellMap === hook) delete window.__bridgesCellMap;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (!canvas) return;
    canvas.setAttribute('aria-label', label);
    if (describedBy) canvas.setAttribute('aria-describedby', describedBy);
  }, [label, describedBy, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !config?.tileUrl || map.getSource('basemap')) return;
    const { source, layer } = basemap(config.tileUrl, config.tileAttribution);
    map.addSource('basemap', source);
    map.addLayer(layer, 'analysis-outline');
  }, [ready, config?.tileUrl, config?.tileAttribution]);

  // The cell layer is rebuilt when the classes or colours change (KDE and Gi* colour by different layers).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (map.getLayer(LAYER_CELLS)) map.removeLayer(LAYER_CELLS);
    const entries = Object.entries(colors);
    const match = ['match', ['get', classLayer], ...entries.flatMap(([value, color]) => [Number(value), color]), 'rgba(0,0,0,0)'];
    map.addLayer({
      id: LAYER_CELLS, type: 'fill', source: SOURCE_CELLS,
      filter: ['in', ['get', classLayer], ['literal', entries.map(([value]) => Number(value))]],
      paint: { 'fill-color': match as unknown as string, 'fill-opacity': 0.8, 'fill-outline-color': 'rgba(0,0,0,0.15)' },
    }, 'analysis-outline');
  }, [ready, classLayer, colors]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(SOURCE_OUTLINES) as maplibregl.GeoJSONSource).setData((outlines ?? EMPTY_COLLECTION) as FeatureCollection);
    (map.getSource(SOURCE_CELLS) as maplibregl.GeoJSONSource).setData((cells ?? EMPTY_COLLECTION) as FeatureCollection);
    const bounds = boundsOf(outlines?.features.length ? outlines : cells);
    if (bounds) map.fitBounds(bounds, { padding: 24, maxZoom: 15, duration: 0 });
  }, [ready, cells, outlines]);

  if (failed) return <div className="bridges-map bridges-map--failed"><p>{t('analysis.mapUnavailable')}</p></div>;
  return <div ref={container} className="bridges-map bridges-analysis__map" data-testid="analysis-map" />;
}
