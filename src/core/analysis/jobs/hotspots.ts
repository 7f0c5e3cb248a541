/**
 * Kernel density hot spots: the engine's KDE on the study-area grid, reported in incidents per km² over the
 * period, with the cells classed by rank (rank.ts).
 */
import { kde, type BandwidthRule, type KernelName } from '../../../analytics/index.js';
import { gridForStudyArea } from '../study-area.js';
import type { GridSurface, StudyArea } from '../types.js';
import { classesByRank, rankedCells, studyAreaCells, topCells } from './rank.js';

export interface HotspotParams {
  kernel: KernelName;
  /** Metres (quartic radius or Gaussian sd) or a rule. */
  bandwidth: number | BandwidthRule;
  cellSize: number;
  /** Share of study-area cells reported, highest first (1 = all). */
  top: number;
}

export function hotspotSurface(area: StudyArea, events: { x: Float64Array; y: Float64Array }, params: HotspotParams): GridSurface {
  const { grid, mask } = gridForStudyArea(area, events, params.cellSize);
  const result = kde(grid, events.x, events.y, { kernel: params.kernel, bandwidth: params.bandwidth });
  const density = new Float64Array(result.density.length);
  for (let c = 0; c < density.length; c++) density[c] = result.density[c] * 1e6; // per m² → per km²
  const ranked = rankedCells(density, mask);
  const { layer, classes } = classesByRank(ranked, density);
  return {
    grid,
    mask,
    cells: topCells(ranked, params.top),
    layers: { density, class: layer },
    meta: {
      method: 'kde',
      kernel: result.kernel,
      bandwidth: Math.round(result.bandwidth * 10) / 10,
      bandwidthRule: typeof params.bandwidth === 'string' ? params.bandwidth : null,
      unit: 'incidents per km²',
      events: events.x.length,
      cellSize: grid.cellSize,
      studyAreaCells: studyAreaCells(mask, grid.nx * grid.ny),
      classLayer: 'class',
      classes,
    },
  };
}
