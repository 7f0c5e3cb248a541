import { useMemo, useState } from 'react';
import type { FeatureCollection, Polygon } from 'geojson';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { watchApi } from './api.js';
import { useWatchI18n } from './i18n.js';
import { WatchMap } from './WatchMap.js';

type Position = [number, number];

/**
 * Draws a group's boundary: each click on the map adds a corner. The GeoJSON text below is the same
 * boundary and the keyboard-accessible way to enter it (paste from any GIS tool); editing either updates both.
 */
export function BoundaryEditor({ idPrefix, value, onChange }: { idPrefix: string; value: string; onChange(geojson: string): void }) {
  const { w } = useWatchI18n();
  const groups = useAsync(() => watchApi.groups(), []);
  const outlines = useAsync(() => watchApi.outlines(), []);
  const [corners, setCorners] = useState<Position[]>(() => ringOf(value));
  const setFromCorners = (next: Position[]) => {
    setCorners(next);
    onChange(next.length >= 3 ? JSON.stringify({ type: 'Polygon', coordinates: [[...next, next[0]]] }) : '');
  };
  const drawing = useMemo<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: [
      ...corners.map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c }, properties: {} })),
      ...(corners.length >= 2 ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: corners.length >= 3 ? [...corners, corners[0]] : corners }, properties: {} }] : []),
    ],
  }), [corners]);

  return (
    <div className="bridges-watch__editor">
      <p className="usa-hint" id={`${idPrefix}-draw-hint`}>{w('editor.hint')}</p>
      <WatchMap groups={groups.data} outlines={outlines.data} drawing={drawing} onPick={(p) => setFromCorners([...corners, [p.lon, p.lat]])}
        label={w('editor.mapLabel')} describedBy={`${idPrefix}-draw-hint`} className="bridges-watch__map" testId={`${idPrefix}-draw-map`} />
      <p aria-live="polite">{w('editor.corners', { n: corners.length })}</p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--outline" disabled={corners.length === 0} onClick={() => setFromCorners(corners.slice(0, -1))}>{w('editor.undo')}</button></li>
        <li className="usa-button-group__item"><button type="button" className="usa-button usa-button--unstyled" disabled={corners.length === 0} onClick={() => setFromCorners([])}>{w('editor.clear')}</button></li>
      </ul>
      <label className="usa-label" htmlFor={`${idPrefix}-geojson`}>{w('editor.geojson')}</label>
      <span className="usa-hint" id={`${idPrefix}-geojson-hint`}>{w('editor.geojsonHint')}</span>
      <textarea className="usa-textarea bridges-watch__geojson" id={`${idPrefix}-geojson`} aria-describedby={`${idPrefix}-geojson-hint`} value={value}
        onChange={(e) => { onChange(e.target.value); setCorners(ringOf(e.target.value)); }} />
    </div>
  );
}

/** The corners of a Polygon's outline (without the closing repeat), or none when the text is not one. */
function ringOf(text: string): Position[] {
  try {
    const geometry = JSON.parse(text) as Polygon;
    if (geometry.type !== 'Polygon') return [];
    const ring = geometry.coordinates[0] as Position[];
    return ring.slice(0, ring.length > 1 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? -1 : undefined);
  } catch {
    return [];
  }
}
