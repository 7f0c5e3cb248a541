/**
 * Which grid cells lie inside a study area (a city polygon). Forecast coverage is measured as a share of
 * the masked cells, so the mask rule matters: 'centre' keeps cells whose centre is inside the polygon
 * (area-neutral on average), 'intersects' keeps every cell touching the polygon (what open_cp's
 * `mask_grid_by_intersection` does; a few hundred more boundary cells on a city the size of Philadelphia).
 */
import type { Grid } from './grid.js';

/** A polygon as rings of [x, y] metres: the first ring is the outer boundary, the rest are holes. */
export type PolygonRings = ReadonlyArray<ReadonlyArray<readonly [number, number]>>;

/** Options for {@link buildPolygonMask}. */
export interface MaskOptions {
  /** 'centre' (default) or 'intersects'. */
  rule?: 'centre' | 'intersects';
}

/**
 * Even–odd point-in-polygon over several polygons (a multipolygon). Holes work because every ring is
 * crossed independently; a point inside an outer ring and a hole is outside.
 */
export function pointInPolygons(polygons: ReadonlyArray<PolygonRings>, x: number, y: number): boolean {
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

/**
 * Builds a Uint8Array mask (1 = inside) for a grid from polygons in the grid's metres.
 * Scanline implementation: for each row the ring edges are intersected with the row's centre line
 * (and, for 'intersects', every edge's own cells are added), so the cost is O(rows × edges) rather
 * than O(cells × edges).
 */
export function buildPolygonMask(grid: Grid, polygons: ReadonlyArray<PolygonRings>, options: MaskOptions = {}): Uint8Array {
  const rule = options.rule ?? 'centre';
  const { nx, ny, x0, y0, cellSize } = grid;
  const mask = new Uint8Array(nx * ny);
  const crossings: number[] = [];
  for (let iy = 0; iy < ny; iy++) {
    const yc = y0 + (iy + 0.5) * cellSize;
    for (const rings of polygons) {
      crossings.length = 0;
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if (yi > yc !== yj > yc) crossings.push(((xj - xi) * (yc - yi)) / (yj - yi) + xi);
        }
      }
      crossings.sort((a, b) => a - b);
      // Even–odd: centres between crossing 2k and 2k+1 are inside.
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const first = Math.max(0, Math.ceil((crossings[k] - x0) / cellSize - 0.5));
        const last = Math.min(nx - 1, Math.ceil((crossings[k + 1] - x0) / cellSize - 0.5) - 1);
        for (let ix = first; ix <= last; ix++) mask[iy * nx + ix] = 1;
      }
    }
  }
  if (rule === 'intersects') {
    // Cells crossed by a boundary edge touch the polygon even when their centre is outside.
    for (const rings of polygons) for (const ring of rings) markEdgeCells(grid, ring, mask);
    // Cells wholly inside the polygon but with the centre outside cannot exist, so this is complete
    // except for polygons smaller than a cell, whose vertices markEdgeCells covers.
  }
  return mask;
}

/**
 * Marks every cell that a ring's edges pass through, walking each edge cell by cell
 * (Amanatides & Woo traversal) so that no corner-clipped cell is missed.
 */
function markEdgeCells(grid: Grid, ring: ReadonlyArray<readonly [number, number]>, mask: Uint8Array): void {
  const { nx, ny, x0, y0, cellSize } = grid;
  const mark = (ix: number, iy: number): void => {
    if (ix >= 0 && iy >= 0 && ix < nx && iy < ny) mask[iy * nx + ix] = 1;
  };
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = (ring[j][0] - x0) / cellSize;
    const ay = (ring[j][1] - y0) / cellSize;
    const bx = (ring[i][0] - x0) / cellSize;
    const by = (ring[i][1] - y0) / cellSize;
    let ix = Math.floor(ax);
    let iy = Math.floor(ay);
    const endX = Math.floor(bx);
    const endY = Math.floor(by);
    const dx = bx - ax;
    const dy = by - ay;
    const stepX = dx > 0 ? 1 : -1;
    const stepY = dy > 0 ? 1 : -1;
    const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Infinity;
    const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Infinity;
    let tMaxX = dx !== 0 ? (dx > 0 ? ix + 1 - ax : ax - ix) * tDeltaX : Infinity;
    let tMaxY = dy !== 0 ? (dy > 0 ? iy + 1 - ay : ay - iy) * tDeltaY : Infinity;
    mark(ix, iy);
    let guard = Math.abs(endX - ix) + Math.abs(endY - iy) + 2;
    while ((ix !== endX || iy !== endY) && guard-- > 0) {
      if (tMaxX < tMaxY) {
        ix += stepX;
        tMaxX += tDeltaX;
      } else {
        iy += stepY;
        tMaxY += tDeltaY;
      }
      mark(ix, iy);
    }
  }
}

/** Number of cells set in a mask. */
export function maskCount(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

/** Bounding box of polygons. */
export function polygonsBBox(polygons: ReadonlyArray<PolygonRings>): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return { minX, minY, maxX, maxY };
}
