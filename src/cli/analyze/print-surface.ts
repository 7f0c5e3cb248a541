/**
 * Grid surfaces on the terminal (what was computed and the top cells) and as JSON (every reported cell with
 * its centre and layers).
 */
import { cellCentre } from '../../analytics/index.js';
import { unprojector, type GridSurface } from '../../core/analysis/index.js';
import { formatNumber, textTable, type Cell } from './table.js';

interface CellRow {
  cell: number;
  x: number;
  y: number;
  lon?: number;
  lat?: number;
  [layer: string]: number | undefined;
}

function cellRows(surface: GridSurface, projection: string | null, limit = Infinity): CellRow[] {
  const unproject = projection ? unprojector(projection) : null;
  const cells = Array.from(surface.cells.subarray(0, Math.min(surface.cells.length, limit)));
  return cells.map((c) => {
    const [x, y] = cellCentre(surface.grid, c);
    const row: CellRow = { cell: c, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
    if (unproject) {
      const [lon, lat] = unproject(x, y);
      row.lon = Math.round(lon * 1e6) / 1e6;
      row.lat = Math.round(lat * 1e6) / 1e6;
    }
    for (const [name, values] of Object.entries(surface.layers)) row[name] = Number.isFinite(values[c]) ? Number(values[c].toPrecision(6)) : undefined;
    return row;
  });
}

export function surfaceJson(surface: GridSurface, projection: string | null): string {
  return JSON.stringify({ analysis: { ...surface.meta, grid: surface.grid }, cells: cellRows(surface, projection) }, null, 2);
}

/** Header lines, the classes, and the first `limit` cells with the layers worth reading. */
export function surfaceTable(surface: GridSurface, projection: string | null, title: string, layers: string[], limit = 15): string {
  const meta = surface.meta;
  const lines = [title, `${formatNumber(meta.studyAreaCells)} cells of ${meta.cellSize} m in the study area; ${formatNumber(meta.events)} incidents.`];
  if (meta.classes?.length) lines.push(`Classes: ${meta.classes.map((c) => `${c.label} ${formatNumber(c.cells)}`).join('; ')}.`);
  const rows = cellRows(surface, projection, limit);
  const headers = ['#', 'cell', 'x', 'y', ...(projection ? ['lon', 'lat'] : []), ...layers];
  const body: Cell[][] = rows.map((r, i) => [String(i + 1), String(r.cell), r.x.toFixed(0), r.y.toFixed(0), ...(projection ? [r.lon!.toFixed(5), r.lat!.toFixed(5)] : []), ...layers.map((l) => r[l] ?? null)]);
  lines.push('', textTable(headers, body));
  if (surface.cells.length > limit) lines.push(`… ${formatNumber(surface.cells.length - limit)} more cells (--format csv or geojson for all of them)`);
  return lines.join('\n');
}
