/**
 * MapLibre map of analysis cells (hot spots, forecast) over area outlines. Cells are GeoJSON polygons from
 * the server, coloured by the class the server gave them; the legend and the tables beside the map carry
 * the same information in text.
 */
import { useEffect } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { AreaCollection } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { boundsOf, COLORS, EMPTY_COLLECTION } from '../../components/map/mapStyle.js';
import { useMapLibre } from '../../components/map/useMapLibre.js';
import type { CellCollection } from './api.js';

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
  const { container, map: mapRef, ready, failed } = useMapLibre({
    center: [-95, 39], zoom: 3, label, describedBy, basemapBelow: 'analysis-outline',
    onLoad(map) {
      map.addSource(SOURCE_OUTLINES, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addSource(SOURCE_CELLS, { type: 'geojson', data: EMPTY_COLLECTION });
      map.addLayer({ id: 'analysis-outline', type: 'line', source: SOURCE_OUTLINES, paint: { 'line-color': COLORS.areaLine, 'line-width': 1.2 } });
    },
    setup(map) {
      if (!navigator.webdriver) return;
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
      window.__bridgesCellMap = hook;
      return () => {
        if (window.__bridgesCellMap === hook) delete window.__bridgesCellMap;
      };
    },
  });

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
