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
  /** Canvas position (CSS pixels) of the drawn incident nearest the centre, to click it; null if none. */
  firstPointOnScreen(): { x: number; y: number } | null;
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
    // Two frames let React flush the effect that hands new data to the map; the repaint then guarantees one
    // more 'idle', which MapLibre fires only once every source has loaded and been drawn.
    idle: async () => {
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    },
    firstPointOnScreen: () => {
      if (!map.getLayer(LAYER_POINTS)) return null;
      const canvas = map.getCanvas();
      const centre = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
      let best: { x: number; y: number } | null = null;
      let bestDistance = Infinity;
      for (const feature of map.queryRenderedFeatures({ layers: [LAYER_POINTS] })) {
        if (feature.geometry.type !== 'Point') continue;
        const p = map.project(feature.geometry.coordinates as [number, number]);
        const distance = Math.hypot(p.x - centre.x, p.y - centre.y);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = { x: p.x, y: p.y };
        }
      }
      return best;
    },
  };
  window.__bridgesMap = hook;
  return () => {
    if (window.__bridgesMap === hook) delete window.__bridgesMap;
  };
}
