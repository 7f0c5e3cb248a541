/**
 * The part every Bridges map shares: one MapLibre map per mount on the offline base style, zoom buttons
 * labelled in the reader's language, a "failed" state when the browser has no WebGL (each page then falls
 * back to its table or list), the canvas's accessible name, the optional basemap tiles from /api/config, and
 * the test hook for automated browsers. Each map adds only its own sources, layers and handlers.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../../i18n/index.js';
import { useConfig } from '../../config.js';
import { baseStyle, basemap } from './mapStyle.js';
import { exposeMapForTests } from './testHook.js';

// The worker is a separate module file; Vite copies it and gives its same-origin URL (CSP: worker-src 'self').
maplibregl.setWorkerUrl(workerUrl);

export interface MapLibreOptions {
  /** Where the map opens before its data arrives. */
  center: [number, number];
  zoom: number;
  /** Accessible name of the canvas (follows the language). */
  label?: string;
  /** id of the text that says where the same data is as a table or list. */
  describedBy?: string;
  /**
   * Layer the basemap tiles go under, so they stay beneath the map's own drawing; omitted: tiles are added
   * on top of whatever is there when the configuration arrives (maps without layers of their own at load).
   */
  basemapBelow?: string;
  /** Adds the map's sources and layers; runs once the style has loaded, before `ready` turns true. */
  onLoad(map: maplibregl.Map): void;
  /**
   * Registers event handlers and test hooks right after the map is created; may return a cleanup. Runs
   * once per mount, so it should read changing values through refs.
   */
  setup?(map: maplibregl.Map): (() => void) | void;
}

export interface MapLibreHandle {
  container: RefObject<HTMLDivElement | null>;
  map: RefObject<maplibregl.Map | null>;
  /** The sources and layers of onLoad exist. */
  ready: boolean;
  /** The map could not start (no WebGL). */
  failed: boolean;
}

export function useMapLibre(options: MapLibreOptions): MapLibreHandle {
  const i18n = useI18n();
  const config = useConfig();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // Read at creation only: the map is made once per mount.
  const initial = useRef(options);
  initial.current = options;

  useEffect(() => {
    if (!container.current) return;
    const { center, zoom, setup } = initial.current;
    let instance: maplibregl.Map;
    try {
      instance = new maplibregl.Map({
        container: container.current, style: baseStyle(), center, zoom, attributionControl: { compact: true },
        // MapLibre's own control texts, in the language at the time the map opens.
        locale: {
          'NavigationControl.ZoomIn': i18n.t('map.zoomIn'), 'NavigationControl.ZoomOut': i18n.t('map.zoomOut'),
          'Popup.Close': i18n.t('map.closePopup'), 'AttributionControl.ToggleAttribution': i18n.t('map.toggleAttribution'),
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    map.current = instance;
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => {
      initial.current.onLoad(instance);
      setReady(true);
    });
    const cleanup = setup?.(instance);
    const unexpose = exposeMapForTests(instance);
    return () => {
      cleanup?.();
      unexpose();
      instance.remove();
      map.current = null;
      setReady(false);
    };
    // One map per mount; the language-dependent canvas label is kept current below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { label, describedBy, basemapBelow } = options;
  useEffect(() => {
    const canvas = map.current?.getCanvas();
    if (!canvas) return;
    if (label) canvas.setAttribute('aria-label', label);
    if (describedBy) canvas.setAttribute('aria-describedby', describedBy);
  }, [label, describedBy, ready]);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready || !config?.tileUrl || instance.getSource('basemap')) return;
    const { source, layer } = basemap(config.tileUrl, config.tileAttribution);
    instance.addSource('basemap', source);
    instance.addLayer(layer, basemapBelow && instance.getLayer(basemapBelow) ? basemapBelow : undefined);
  }, [ready, config?.tileUrl, config?.tileAttribution, basemapBelow]);

  return { container, map, ready, failed };
}
