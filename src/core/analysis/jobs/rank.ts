/**
 * Ranking cells and putting them in classes by rank. Hot-spot maps class cells by their share of the study
 * area (top 1%, 5%, 10%, 20%) rather than by value thresholds: the same classes then mean the same thing
 * for any kernel, bandwidth or period, and match how forecasts are judged (hit rate at 1/5/10% coverage).
 */
import type { SurfaceClass } from '../types.js';

/** Cells of the study area (all cells without a mask), highest value first; ties in cell order. */
export function rankedCells(values: Float64Array, mask: Uint8Array | null): Int32Array {
  const cells: number[] = [];
  for (let c = 0; c < values.length; c++) if (!mask || mask[c]) cells.push(c);
  cells.sort((a, b) => values[b] - values[a] || a - b);
  return Int32Array.from(cells);
}

/** Top-share classes, highest first: class value, key, label, upper share of the study area. */
export const TOP_SHARE_CLASSES: ReadonlyArray<{ value: number; key: string; label: string; share: number }> = [
  { value: 4, key: 'top1', label: 'Top 1% of cells', share: 0.01 },
  { value: 3, key: 'top5', label: 'Top 1–5% of cells', share: 0.05 },
  { value: 2, key: 'top10', label: 'Top 5–10% of cells', share: 0.1 },
  { value: 1, key: 'top20', label: 'Top 10–20% of cells', share: 0.2 },
];

/**
 * Class of every cell by its rank (0 = below the top 20%, or no value at all: a cell without events is
 * never called a hot spot, however few cells have any).
 */
export function classesByRank(ranked: Int32Array, values: Float64Array): { layer: Float64Array; classes: SurfaceClass[] } {
  const layer = new Float64Array(values.length);
  const n = ranked.length;
  const counts = new Map<number, number>();
  let start = 0;
  for (const cls of TOP_SHARE_CLASSES) {
    const end = Math.min(n, Math.max(start, Math.round(cls.share * n)));
    for (let r = start; r < end; r++) {
      const c = ranked[r];
      if (!(values[c] > 0)) continue;
      layer[c] = cls.value;
      counts.set(cls.value, (counts.get(cls.value) ?? 0) + 1);
    }
    start = end;
  }
  return { layer, classes: TOP_SHARE_CLASSES.map((c) => ({ value: c.value, key: c.key, label: c.label, cells: counts.get(c.value) ?? 0 })) };
}

/** The first round(share × n) ranked cells, at least one (all of them for share ≥ 1): the classes' rule. */
export function topCells(ranked: Int32Array, share: number): Int32Array {
  if (share >= 1) return ranked;
  return ranked.slice(0, Math.max(1, Math.round(share * ranked.length)));
}

/** Number of cells set in a mask (or the whole grid without one). */
export function studyAreaCells(mask: Uint8Array | null, total: number): number {
  if (!mask) return total;
  let n = 0;
  for (let c = 0; c < mask.length; c++) n += mask[c];
  return n;
}
