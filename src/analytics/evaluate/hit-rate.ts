/**
 * Hit rate, PAI and PEI of a ranked forecast surface at fixed area coverages.
 *
 * Ties: cells with equal scores are ranked in random order, and we report the EXPECTED score over that
 * random order, computed exactly rather than sampled: when the k-th place falls inside a group of tied
 * cells, the cells above the group count fully and the group counts in proportion (k − above) / size.
 * This is the same for every model, needs no seed, and does not reward a model for flat surfaces (a
 * forecast of all zeros scores exactly the coverage share, as random selection would).
 */

/** Scores of one forecast against the events of its horizon. */
export interface CoverageScores {
  /** Share of the horizon's events (inside the mask) that fall in the selected cells. */
  hitRate: number[];
  /** Predictive accuracy index: hit rate / area share. */
  pai: number[];
  /** Predictive efficiency index: hits / hits of the best possible selection of the same size. */
  pei: number[];
  /** Number of selected cells per coverage. */
  cells: number[];
  /** Events counted (inside the mask). */
  events: number;
}

/**
 * Scores a forecast. `score` and `actual` are per-cell arrays over the whole grid; only cells with
 * mask[c] = 1 take part (all cells when mask is omitted). Coverage k = round(share × masked cells), at least 1.
 */
export function scoreForecast(score: Float64Array, actual: Float64Array, coverage: readonly number[], mask?: Uint8Array): CoverageScores {
  const cells: number[] = [];
  for (let c = 0; c < score.length; c++) if (!mask || mask[c]) cells.push(c);
  const m = cells.length;
  let events = 0;
  for (const c of cells) events += actual[c];
  const byScore = cells.slice().sort((a, b) => score[b] - score[a] || a - b);
  const byActual = cells.map((c) => actual[c]).sort((a, b) => b - a);
  const out: CoverageScores = { hitRate: [], pai: [], pei: [], cells: [], events };
  for (const share of coverage) {
    const k = Math.min(m, Math.max(1, Math.round(share * m)));
    const hits = expectedHits(byScore, score, actual, k);
    let best = 0;
    for (let i = 0; i < k; i++) best += byActual[i];
    const hitRate = events > 0 ? hits / events : 0;
    out.cells.push(k);
    out.hitRate.push(hitRate);
    out.pai.push(hitRate / (k / m));
    out.pei.push(best > 0 ? hits / best : 0);
  }
  return out;
}

/** Expected hits of the top-k cells under uniformly random ordering of tied scores. */
export function expectedHits(byScore: readonly number[], score: Float64Array, actual: Float64Array, k: number): number {
  if (k <= 0) return 0;
  const threshold = score[byScore[k - 1]];
  let hits = 0;
  let above = 0;
  let i = 0;
  for (; i < byScore.length && score[byScore[i]] > threshold; i++) {
    hits += actual[byScore[i]];
    above++;
  }
  let tieHits = 0;
  let tieSize = 0;
  for (; i < byScore.length && score[byScore[i]] === threshold; i++) {
    tieHits += actual[byScore[i]];
    tieSize++;
  }
  return hits + (tieSize > 0 ? ((k - above) / tieSize) * tieHits : 0);
}
