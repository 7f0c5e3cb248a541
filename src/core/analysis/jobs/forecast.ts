/**
 * A forecast for the next period: the chosen model's surface on the study-area grid from the history
 * before the origin, reported as each cell's share of the expected incidents, ranked and classed.
 */
import { sliceByTime } from '../../../analytics/index.js';
import { gridForStudyArea } from '../study-area.js';
import type { GridSurface, StudyArea } from '../types.js';
import { makeModel, type ModelName } from './models.js';
import { classesByRank, rankedCells, studyAreaCells, topCells } from './rank.js';

export interface ForecastParams {
  model: ModelName;
  cellSize: number;
  /** Forecast origin in local days (a local midnight); nothing at or after it is used. */
  origin: number;
  horizonDays: number;
  /** History window (days); the model's own when omitted. */
  trainDays?: number;
  /** Share of study-area cells reported, highest first. */
  top: number;
}

/** Local days → ISO date (local days count wall-clock dates, so reading them as UTC gives the date). */
export const isoDay = (days: number): string => new Date(Math.round(days * 86_400_000)).toISOString().slice(0, 10);

export function forecastSurface(area: StudyArea, events: { x: Float64Array; y: Float64Array; t: Float64Array }, params: ForecastParams): GridSurface {
  const { grid, mask } = gridForStudyArea(area, events, params.cellSize);
  const model = makeModel(params.model, params.trainDays);
  const history = Number.isFinite(model.historyDays) ? model.historyDays : Infinity;
  const training = sliceByTime(events, params.origin - history, params.origin);
  const score = model.predict({ grid, mask: mask ?? undefined, events: training, now: params.origin, horizon: params.horizonDays });
  let total = 0;
  for (let c = 0; c < score.length; c++) if (!mask || mask[c]) total += score[c];
  const share = new Float64Array(score.length);
  if (total > 0) for (let c = 0; c < score.length; c++) share[c] = !mask || mask[c] ? (100 * score[c]) / total : 0;
  const ranked = rankedCells(share, mask);
  const rank = new Float64Array(score.length);
  ranked.forEach((c, r) => (rank[c] = r + 1));
  const { layer, classes } = classesByRank(ranked, share);
  return {
    grid,
    mask,
    cells: topCells(ranked, params.top),
    layers: { share, rank, class: layer, score },
    meta: {
      method: 'forecast',
      model: params.model,
      modelName: model.name,
      from: isoDay(params.origin),
      to: isoDay(params.origin + params.horizonDays),
      horizonDays: params.horizonDays,
      historyDays: history,
      trainingEvents: training.t.length,
      events: events.x.length,
      unit: '% of the expected incidents',
      cellSize: grid.cellSize,
      studyAreaCells: studyAreaCells(mask, grid.nx * grid.ny),
      classLayer: 'class',
      classes,
    },
  };
}
