/**
 * Grid surfaces out to the formats other tools read: GeoJSON cell polygons in WGS84 (the caller supplies
 * the metres → lon/lat inverse of its projection, so analytics stays free of projection code) and CSV.
 */
import { cellCentre, type Grid } from './grid.js';

/** Inverse projection: metres → [lon, lat]. */
export type Unproject = (x: number, y: number) => [number, number];

/** Options of {@link gridToGeoJSON} and {@link gridToCsv}. */
export interface GridExportOptions {
  /** Only cells with mask[c] = 1 (default all). */
  mask?: Uint8Array;
  /** Drop cells whose first layer is 0 or NaN (default false). */
  skipEmpty?: boolean;
  /** Decimal places of coordinates (default 6, ~0.1 m). */
  precision?: number;
}

/** A GeoJSON FeatureCollection of cell polygons. */
export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: Record<string, number | null>;
    geometry: { type: 'Polygon'; coordinates: [number, number][][] };
  }[];
}

function selectedCells(grid: Grid, layers: Record<string, ArrayLike<number>>, options: GridExportOptions): number[] {
  const first = Object.values(layers)[0];
  const cells: number[] = [];
  for (let c = 0; c < grid.nx * grid.ny; c++) {
    if (options.mask && !options.mask[c]) continue;
    if (options.skipEmpty && first && (!first[c] || Number.isNaN(first[c]))) continue;
    cells.push(c);
  }
  return cells;
}

/** Cells as GeoJSON polygons (counter-clockwise rings) with one property per layer plus `cell`. */
export function gridToGeoJSON(grid: Grid, layers: Record<string, ArrayLike<number>>, unproject: Unproject, options: GridExportOptions = {}): GridFeatureCollection {
  const factor = 10 ** (options.precision ?? 6);
  const round = (v: number): number => Math.round(v * factor) / factor;
  const corner = (x: number, y: number): [number, number] => {
    const [lon, lat] = unproject(x, y);
    return [round(lon), round(lat)];
  };
  const features = selectedCells(grid, layers, options).map((c) => {
    const ix = c % grid.nx;
    const iy = (c - ix) / grid.nx;
    const x0 = grid.x0 + ix * grid.cellSize;
    const y0 = grid.y0 + iy * grid.cellSize;
    const x1 = x0 + grid.cellSize;
    const y1 = y0 + grid.cellSize;
    const properties: Record<string, number | null> = { cell: c };
    for (const [name, values] of Object.entries(layers)) properties[name] = Number.isFinite(values[c]) ? values[c] : null;
    return {
      type: 'Feature' as const,
      properties,
      geometry: { type: 'Polygon' as const, coordinates: [[corner(x0, y0), corner(x1, y0), corner(x1, y1), corner(x0, y1), corner(x0, y0)]] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** CSV with header `cell,ix,iy,x,y[,lon,lat],<layers…>`; x/y are cell centres in metres. */
export function gridToCsv(grid: Grid, layers: Record<string, ArrayLike<number>>, options: GridExportOptions & { unproject?: Unproject } = {}): string {
  const names = Object.keys(layers);
  const header = ['cell', 'ix', 'iy', 'x', 'y', ...(options.unproject ? ['lon', 'lat'] : []), ...names];
  const lines = [header.join(',')];
  const factor = 10 ** (options.precision ?? 6);
  for (const c of selectedCells(grid, layers, options)) {
    const ix = c % grid.nx;
    const iy = (c - ix) / grid.nx;
    const [x, y] = cellCentre(grid, c);
    const row: (string | number)[] = [c, ix, iy, x, y];
    if (options.unproject) {
      const [lon, lat] = options.unproject(x, y);
      row.push(Math.round(lon * factor) / factor, Math.round(lat * factor) / factor);
    }
    for (const name of names) row.push(Number.isFinite(layers[name][c]) ? layers[name][c] : '');
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
