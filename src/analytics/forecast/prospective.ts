/**
 * Prospective hot-spotting (Bowers, Johnson & Pease 2004, "Prospective hot-spotting: the future of crime
 * mapping?"): each past event raises the risk of nearby cells for a while, with weight
 * 1/(1 + d) · 1/(1 + w), d = distance in cell widths between the event's cell and the cell, w = age in
 * whole weeks, inside a spatial and a temporal bandwidth. It encodes the near-repeat finding that risk
 * is communicated to neighbours and decays with time.
 */
import type { Grid } from '../grid/grid.js';
import { binEvents, convolveStencil } from '../kde/kde.js';
import type { ForecastModel } from './types.js';

/** Options of {@link prospectiveModel}. */
export interface ProspectiveOptions {
  /** Spatial bandwidth in metres (default 400, Bowers et al.). */
  spatialBandwidth?: number;
  /** Temporal bandwidth in days (default 56 = 8 weeks, Bowers et al. used two months). */
  timeWindowDays?: number;
}

/** Prospective hot-spot model. */
export function prospectiveModel(options: ProspectiveOptions = {}): ForecastModel {
  const bandwidth = options.spatialBandwidth ?? 400;
  const windowDays = options.timeWindowDays ?? 56;
  return {
    name: `prospective ${bandwidth}m ${windowDays}d`,
    historyDays: windowDays,
    predict({ grid, events, now }) {
      const w = new Float64Array(events.t.length);
      for (let i = 0; i < w.length; i++) {
        const age = now - events.t[i];
        if (age < 0 || age > windowDays) continue;
        w[i] = 1 / (1 + Math.floor(age / 7));
      }
      return prospectiveSurface(grid, events.x, events.y, w, bandwidth);
    },
  };
}

/** Spreads time-weighted cell counts with the 1/(1 + d) stencil (d in cells, d ≤ bandwidth). */
export function prospectiveSurface(grid: Grid, x: Float64Array, y: Float64Array, weights: Float64Array, bandwidth: number): Float64Array {
  const r = bandwidth / grid.cellSize;
  const radius = Math.floor(r);
  const side = 2 * radius + 1;
  const stencil = new Float64Array(side * side);
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const d = Math.hypot(dx, dy);
      if (d <= r) stencil[(dy + radius) * side + dx + radius] = 1 / (1 + d);
    }
  }
  const padded = binEvents(grid, x, y, radius, weights, 'nearest');
  const smooth = convolveStencil(padded.field, padded.nx, padded.ny, stencil, radius);
  const out = new Float64Array(grid.nx * grid.ny);
  for (let iy = 0; iy < grid.ny; iy++) {
    const from = (iy + radius) * padded.nx + radius;
    out.set(smooth.subarray(from, from + grid.nx), iy * grid.nx);
  }
  return out;
}
