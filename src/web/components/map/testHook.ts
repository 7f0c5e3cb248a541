import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER_POINTS, SOURCE_INCIDENTS } from './mapStyle.js';

/** What browser tests may ask the map: whether points were actually drawn, not just fetched. */
export interface MapTestHook {
  /** Incident circles currently rendered on the canvas. */
  renderedPoints(): number;
  /** Incident features MapLibre holds in its loaded tiles. */
  sourceFeatures(): number;
  /** Resolves when the map has finished drawing. */
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __bridgesMap?: MapTestHook;
  }
}

/**
 * Exposes the hook only to automated browsers (navigator.webdriver is true under Playwright and WebDriver),
 * so ordinary visitors get no extra global. Returns the cleanup.
 */
export function exposeMapForTests(map: MapLibreMap): () => void {
  if (!navigator.webdriver) return () => {};
  const hook: MapTestHook = {
    renderedPoints: () => (map.getLayer(LAYER_POINTS) ? map.queryRenderedFeatures({ layers: [LAYER_POINTS] }).length : 0),
    sourceFeatures: () => (map.getSource(SOURCE_INCIDENTS) ? map.querySourceFeatures(SOURCE_INCIDENTS).length : 0),
    // A repaint guarantees one more 'idle' even when the map was already at rest.
    idle: () => new Promise((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    }),
  };
  window.__bridgesMap = hook;
  return () => {
    if (window.__bridgesMap === hook) delete window.__bridgesMap;
  };
}
