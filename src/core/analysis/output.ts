/**
 * Grid surfaces out: GeoJSON cell polygons in lon/lat (the inverse of the agency's projection) with the
 * surface's description as an `analysis` member, or CSV with cell centres. Values are rounded to four
 * significant figures, which keeps a city of cells to a size a browser loads quickly.
 */
import { gridToCsv, gridToGeoJSON, type Grid, type Unproject } from '../../analytics/index.js';
import { unprojector } from './study-area.js';
import type { GridFormat, GridSurface } from './types.js';

const round4 = (v: number): number => (Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(4)) : v);

/** Layers rounded, keeping NaN (written as null / empty). */
function roundedLayers(layers: Record<string, Float64Array>): Record<string, Float64Array> {
  return Object.fromEntries(Object.entries(layers).map(([name, values]) => [name, values.map(round4)]));
}

/**
 * Cell corners lie on a lattice shared by neighbouring cells: unproject each lattice point once instead of
 * five times per cell (the ring repeats its first corner).
 */
export function latticeUnproject(grid: Grid, unproject: Unproject): Unproject {
  const stride = grid.nx + 1;
  const cache = new Map<number, [number, number]>();
  return (x, y) => {
    const ix = Math.round((x - grid.x0) / grid.cellSize);
    const iy = Math.round((y - grid.y0) / grid.cellSize);
    const key = iy * stride + ix;
    let hit = cache.get(key);
    if (!hit) {
      hit = unproject(x, y);
      cache.set(key, hit);
    }
    return hit;
  };
}

function cellMask(surface: GridSurface): Uint8Array {
  const mask = new Uint8Array(surface.grid.nx * surface.grid.ny);
  for (const c of surface.cells) mask[c] = 1;
  return mask;
}

/**
 * The surface as text. GeoJSON needs the projection (metres in an unknown system cannot be placed on a
 * map); CSV gives lon/lat columns when it is known.
 */
export function renderSurface(surface: GridSurface, format: GridFormat, projection: string | null): string {
  const layers = roundedLayers(surface.layers);
  const mask = cellMask(surface);
  if (format === 'csv') {
    return gridToCsv(surface.grid, layers, { mask, unproject: projection ? unprojector(projection) : undefined });
  }
  if (!projection) throw new Error('GeoJSON needs lon/lat: give the coordinates as lon/lat or name their projection (EPSG code or proj4)');
  const collection = gridToGeoJSON(surface.grid, layers, latticeUnproject(surface.grid, unprojector(projection)), { mask });
  return JSON.stringify({ type: 'FeatureCollection', analysis: { ...surface.meta, grid: surface.grid }, features: collection.features });
}
