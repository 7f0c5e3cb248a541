/**
 * The public grid: incidents shown to residents are snapped to the centre of a ~150 m square cell, so no
 * public answer carries the point where something happened. Cells are fixed per agency (their size in
 * degrees depends only on the agency's centre latitude), so the same incident always lands in the same
 * cell and repeated queries with different filters cannot be intersected to recover a location.
 */

/** Side of a public grid cell in metres: about a city block and a half. */
export const CELL_METRES = 150;

// Metres per degree of latitude (mean); a degree of longitude is this times cos(latitude).
const METRES_PER_DEGREE = 111_320;

/** Cell sides in degrees for an agency centred at `centerLat`. */
export interface GridSpec {
  cellLon: number;
  cellLat: number;
  metres: number;
}

export function gridFor(centerLat: number, metres = CELL_METRES): GridSpec {
  const cosine = Math.max(0.1, Math.cos((centerLat * Math.PI) / 180));
  return { cellLon: metres / (METRES_PER_DEGREE * cosine), cellLat: metres / METRES_PER_DEGREE, metres };
}

/** Six decimals (~0.1 m) is far finer than a cell and keeps the lattice check exact enough. */
export const roundCoordinate = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Column and row of the cell containing a point. */
export function cellOf(grid: GridSpec, lon: number, lat: number): { col: number; row: number } {
  return { col: Math.floor(lon / grid.cellLon), row: Math.floor(lat / grid.cellLat) };
}

/** The centre of a cell: the only position of a non-sensitive incident a resident ever receives. */
export function cellCentre(grid: GridSpec, col: number, row: number): [number, number] {
  return [roundCoordinate((col + 0.5) * grid.cellLon), roundCoordinate((row + 0.5) * grid.cellLat)];
}

/** Whether a published position is a cell centre (what the masking tests assert of every point). */
export function isCellCentre(grid: GridSpec, lon: number, lat: number, tolerance = 2e-6): boolean {
  const { col, row } = cellOf(grid, lon, lat);
  const [cx, cy] = cellCentre(grid, col, row);
  return Math.abs(cx - lon) <= tolerance && Math.abs(cy - lat) <= tolerance;
}
