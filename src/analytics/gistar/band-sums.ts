/**
 * Sums over a distance band on a grid, what Gi* and Moran's I both need: for every cell of the study area,
 * the total of the values and the number of study-area cells whose centres lie within `band` metres of its
 * own (the cell itself included). Row prefix sums make a band cost O(cells × band rows) rather than
 * O(cells × band area), so scanning many bands stays cheap.
 */
import type { Grid } from '../grid/grid.js';

/** Per cell (row-major, as the grid): the band's sum of values and count of cells; 0 outside the mask. */
export interface BandSums {
  sum: Float64Array;
  count: Float64Array;
}

/** Half-width in cells of each row dy = −r…r of the disc of radius `radiusCells` (centres within it). */
function rowHalfWidths(radiusCells: number): Int32Array {
  const r = Math.floor(radiusCells + 1e-9);
  const half = new Int32Array(2 * r + 1);
  for (let dy = -r; dy <= r; dy++) half[dy + r] = Math.floor(Math.sqrt(Math.max(0, radiusCells * radiusCells - dy * dy)) + 1e-9);
  return half;
}

/**
 * Prepares the row prefix sums of `values` (0 outside the mask) and of the mask once, and returns the band
 * sums for any band radius in metres.
 */
export function bandSummer(grid: Grid, values: Float64Array, mask?: Uint8Array): (band: number) => BandSums {
  const { nx, ny } = grid;
  const inside = (c: number): boolean => !mask || mask[c] === 1;
  // prefix[iy * (nx + 1) + ix + 1] = Σ of row iy up to and including column ix.
  const valuePrefix = new Float64Array((nx + 1) * ny);
  const countPrefix = new Float64Array((nx + 1) * ny);
  const insideCells: number[] = [];
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const c = iy * nx + ix;
      const k = iy * (nx + 1) + ix + 1;
      const isInside = inside(c);
      if (isInside) insideCells.push(c);
      valuePrefix[k] = valuePrefix[k - 1] + (isInside ? values[c] : 0);
      countPrefix[k] = countPrefix[k - 1] + (isInside ? 1 : 0);
    }
  }
  return (band: number): BandSums => {
    const half = rowHalfWidths(band / grid.cellSize);
    const r = (half.length - 1) / 2;
    const sum = new Float64Array(nx * ny);
    const count = new Float64Array(nx * ny);
    for (const c of insideCells) {
      const ix = c % nx;
      const iy = (c - ix) / nx;
      let s = 0;
      let k = 0;
      const dyTo = Math.min(r, ny - 1 - iy);
      for (let dy = Math.max(-r, -iy); dy <= dyTo; dy++) {
        const w = half[dy + r];
        const lo = ix - w > 0 ? ix - w : 0;
        const hi = ix + w < nx - 1 ? ix + w : nx - 1;
        const row = (iy + dy) * (nx + 1);
        s += valuePrefix[row + hi + 1] - valuePrefix[row + lo];
        k += countPrefix[row + hi + 1] - countPrefix[row + lo];
      }
      sum[c] = s;
      count[c] = k;
    }
    return { sum, count };
  };
}
