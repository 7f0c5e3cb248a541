/**
 * Getis–Ord Gi* hot and cold spots of incident counts per cell, with the engine's FDR correction and
 * 90/95/99% confidence classes (the ArcGIS "Optimized Hot Spot Analysis" reading). Without a given distance
 * band, the band is chosen from the data: the first peak of Moran's I z-score over bands of 1–10 cells,
 * else about 30 neighbours per cell (the optimized tool's own rule; see analytics/gistar/scale.ts).
 */
import { chooseDistanceBand, getisOrdGiStar, gridCounts } from '../../../analytics/index.js';
import { gridForStudyArea } from '../study-area.js';
import type { GridSurface, StudyArea, SurfaceClass } from '../types.js';
import { rankedCells, studyAreaCells } from './rank.js';

export interface GiStarParams {
  cellSize: number;
  /** Neighbourhood radius in metres (default: chosen from the data, see above). */
  distanceBand?: number;
  fdr: boolean;
  /** Report only cells in a hot or cold class (what a map draws). */
  significantOnly: boolean;
}

const CLASSES: ReadonlyArray<Omit<SurfaceClass, 'cells'>> = [
  { value: 3, key: 'hot99', label: 'Hot spot, 99% confidence' },
  { value: 2, key: 'hot95', label: 'Hot spot, 95% confidence' },
  { value: 1, key: 'hot90', label: 'Hot spot, 90% confidence' },
  { value: -1, key: 'cold90', label: 'Cold spot, 90% confidence' },
  { value: -2, key: 'cold95', label: 'Cold spot, 95% confidence' },
  { value: -3, key: 'cold99', label: 'Cold spot, 99% confidence' },
];

export function giStarSurface(area: StudyArea, events: { x: Float64Array; y: Float64Array }, params: GiStarParams): GridSurface {
  const { grid, mask } = gridForStudyArea(area, events, params.cellSize);
  const counts = gridCounts(grid, events.x, events.y);
  const choice = params.distanceBand === undefined ? chooseDistanceBand(grid, counts, { mask: mask ?? undefined }) : null;
  const distanceBand = params.distanceBand ?? choice!.band;
  const result = getisOrdGiStar(grid, counts, { mask: mask ?? undefined, distanceBand, fdr: params.fdr });
  const confidence = Float64Array.from(result.confidence);
  const tally = new Map<number, number>();
  for (let c = 0; c < confidence.length; c++) if (confidence[c] !== 0) tally.set(confidence[c], (tally.get(confidence[c]) ?? 0) + 1);
  const ranked = rankedCells(result.z, mask);
  const cells = params.significantOnly ? ranked.filter((c) => confidence[c] !== 0) : ranked;
  let inside = 0;
  for (let c = 0; c < counts.length; c++) if (!mask || mask[c]) inside += counts[c];
  return {
    grid,
    mask,
    cells,
    layers: { count: counts, z: result.z, p: result.p, q: result.q, confidence },
    meta: {
      method: 'gistar',
      distanceBand,
      /** 'given', 'peak' (first peak of clustering) or 'neighbours' (no peak: about 30 neighbours per cell). */
      distanceBandRule: choice ? choice.rule : 'given',
      ...(choice?.z != null ? { moranZ: Math.round(choice.z * 100) / 100 } : {}),
      fdr: params.fdr,
      meanNeighbours: Math.round(result.meanNeighbours * 10) / 10,
      events: events.x.length,
      eventsInStudyArea: inside,
      cellSize: grid.cellSize,
      studyAreaCells: studyAreaCells(mask, grid.nx * grid.ny),
      classLayer: 'confidence',
      classes: CLASSES.map((c) => ({ ...c, cells: tally.get(c.value) ?? 0 })),
    },
  };
}
