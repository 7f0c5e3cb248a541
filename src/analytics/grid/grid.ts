/**
 * The regular grid every hot-spot and forecast surface lives on. Cells are square, indexed row-major
 * from the south-west corner: index = iy * nx + ix, with x growing east and y growing north, all in
 * projected metres. A value array for a grid is a Float64Array of length nx * ny.
 */

/** A square-cell grid in projected metres. */
export interface Grid {
  /** x of the grid's west edge (metres). */
  readonly x0: number;
  /** y of the grid's south edge (metres). */
  readonly y0: number;
  /** Cell side (metres). */
  readonly cellSize: number;
  /** Number of columns. */
  readonly nx: number;
  /** Number of rows. */
  readonly ny: number;
}

/** Builds a grid, checking its dimensions. */
export function makeGrid(x0: number, y0: number, cellSize: number, nx: number, ny: number): Grid {
  if (!(cellSize > 0)) throw new RangeError(`cellSize must be positive, got ${cellSize}`);
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx <= 0 || ny <= 0) {
    throw new RangeError(`nx and ny must be positive integers, got ${nx}×${ny}`);
  }
  return { x0, y0, cellSize, nx, ny };
}

/**
 * The smallest grid of the given cell size that covers a bounding box. With `snap`, the origin is
 * rounded down to a multiple of the cell size so that grids of different extents line up.
 */
export function gridCovering(
  bbox: { minX: number; minY: number; maxX: number; maxY: number },
  cellSize: number,
  snap = true,
): Grid {
  const x0 = snap ? Math.floor(bbox.minX / cellSize) * cellSize : bbox.minX;
  const y0 = snap ? Math.floor(bbox.minY / cellSize) * cellSize : bbox.minY;
  const nx = Math.max(1, Math.ceil((bbox.maxX - x0) / cellSize) + (bbox.maxX === x0 ? 1 : 0));
  const ny = Math.max(1, Math.ceil((bbox.maxY - y0) / cellSize) + (bbox.maxY === y0 ? 1 : 0));
  return makeGrid(x0, y0, cellSize, nx, ny);
}

/** Number of cells. */
export function cellCount(grid: Grid): number {
  return grid.nx * grid.ny;
}

/** Cell index of a point, or -1 when the point lies outside the grid. East and north edges belong to the cell below. */
export function cellIndexOf(grid: Grid, x: number, y: number): number {
  const ix = Math.floor((x - grid.x0) / grid.cellSize);
  const iy = Math.floor((y - grid.y0) / grid.cellSize);
  if (ix < 0 || iy < 0 || ix >= grid.nx || iy >= grid.ny || Number.isNaN(ix) || Number.isNaN(iy)) return -1;
  return iy * grid.nx + ix;
}

/** Cell index of every point (-1 outside). */
export function cellIndices(grid: Grid, x: Float64Array, y: Float64Array): Int32Array {
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = cellIndexOf(grid, x[i], y[i]);
  return out;
}

/** Centre of a cell in metres. */
export function cellCentre(grid: Grid, index: number): [number, number] {
  const ix = index % grid.nx;
  const iy = (index - ix) / grid.nx;
  return [grid.x0 + (ix + 0.5) * grid.cellSize, grid.y0 + (iy + 0.5) * grid.cellSize];
}

/** Options for {@link gridCounts}. */
export interface GridCountOptions {
  /** Per-event weights (default 1 each). */
  weights?: Float64Array;
  /** Only events with select[i] true are counted (e.g. a time window). */
  select?: (i: number) => boolean;
}

/**
 * Counts (or sums weights of) events per cell. Events outside the grid are dropped; masking is left to
 * the caller because a masked-out cell may still be useful context (e.g. for KDE near the boundary).
 */
export function gridCounts(grid: Grid, x: Float64Array, y: Float64Array, options: GridCountOptions = {}): Float64Array {
  const counts = new Float64Array(grid.nx * grid.ny);
  const { weights, select } = options;
  for (let i = 0; i < x.length; i++) {
    if (select && !select(i)) continue;
    const c = cellIndexOf(grid, x[i], y[i]);
    if (c >= 0) counts[c] += weights ? weights[i] : 1;
  }
  return counts;
}
