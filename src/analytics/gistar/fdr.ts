/**
 * Benjamini–Hochberg false discovery rate control. With thousands of grid cells tested at once, a plain
 * p < 0.05 flags hundreds of cells by chance; BH keeps the expected share of false "hot spots" among the
 * flagged ones at α.
 */

/**
 * BH adjusted p-values (q-values): q_(i) = min_{k ≥ i} p_(k) · m / k, capped at 1. A test is significant at
 * FDR α exactly when q ≤ α. NaN p-values are ignored (their q is NaN) and do not count in m.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) idx.push(i);
  idx.sort((a, b) => p[a] - p[b]);
  const m = idx.length;
  const q = new Float64Array(p.length).fill(Number.NaN);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    running = Math.min(running, (p[idx[r]] * m) / (r + 1));
    q[idx[r]] = Math.min(1, running);
  }
  return q;
}

/** Largest p-value still significant under BH at level α (0 when none is). */
export function bhThreshold(p: ArrayLike<number>, alpha: number): number {
  const sorted = Array.from(p).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const m = sorted.length;
  let threshold = 0;
  for (let k = 1; k <= m; k++) if (sorted[k - 1] <= (k * alpha) / m) threshold = sorted[k - 1];
  return threshold;
}
