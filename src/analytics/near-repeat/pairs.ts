/**
 * Enumerates every pair of events closer than a distance, by bucketing events into square cells of that
 * size: a pair can only be close if its cells are neighbours, so each event checks 9 cells instead of n
 * events. The Knox permutation loop then touches only these close pairs.
 */

/** Close pairs in compact typed arrays (indices refer to the arrays passed in). */
export interface ClosePairs {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Distance of each pair (metres). */
  distance: Float64Array;
}

/** Distance metric for pairs. */
export type DistanceMetric = 'euclidean' | 'manhattan';

/** All pairs (a < b) with distance ≤ maxDistance. */
export function closePairs(x: Float64Array, y: Float64Array, maxDistance: number, metric: DistanceMetric = 'euclidean'): ClosePairs {
  const n = x.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  // Cell size ≥ maxDistance guarantees close pairs sit in the same or adjacent cells. Cap the cell
  // count so that a tiny distance on a huge extent does not allocate a giant bucket table.
  let size = Math.max(maxDistance, 1e-9);
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  const maxCellsPerSide = Math.max(1, Math.floor(Math.sqrt(4 * n + 16)));
  if (extent / size > maxCellsPerSide) size = extent / maxCellsPerSide;
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.floor((y[i] - minY) / size) * nx + Math.floor((x[i] - minX) / size);
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const order = new Int32Array(n);
  const fill = start.slice(0, nx * ny);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;

  let capacity = Math.max(1024, n * 4);
  let a = new Int32Array(capacity);
  let b = new Int32Array(capacity);
  let dist = new Float64Array(capacity);
  let count = 0;
  const push = (i: number, j: number, d: number): void => {
    if (count === capacity) {
      capacity *= 2;
      const na = new Int32Array(capacity);
      na.set(a);
      a = na;
      const nb = new Int32Array(capacity);
      nb.set(b);
      b = nb;
      const nd = new Float64Array(capacity);
      nd.set(dist);
      dist = nd;
    }
    a[count] = i < j ? i : j;
    b[count] = i < j ? j : i;
    dist[count] = d;
    count++;
  };
  const manhattan = metric === 'manhattan';
  for (let cy = 0; cy < ny; cy++) {
    for (let cx = 0; cx < nx; cx++) {
      const c = cy * nx + cx;
      for (let p = start[c]; p < start[c + 1]; p++) {
        const i = order[p];
        // Same cell: later members only. Neighbours: the 4 "forward" cells, so each cell pair is seen once.
        for (let q = p + 1; q < start[c + 1]; q++) consider(i, order[q]);
        forward(cx + 1, cy, i);
        forward(cx - 1, cy + 1, i);
        forward(cx, cy + 1, i);
        forward(cx + 1, cy + 1, i);
      }
    }
  }
  function forward(cx: number, cy: number, i: number): void {
    if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) return;
    const c = cy * nx + cx;
    for (let q = start[c]; q < start[c + 1]; q++) consider(i, order[q]);
  }
  function consider(i: number, j: number): void {
    const dx = Math.abs(x[i] - x[j]);
    const dy = Math.abs(y[i] - y[j]);
    const d = manhattan ? dx + dy : Math.sqrt(dx * dx + dy * dy);
    if (d <= maxDistance) push(i, j, d);
  }
  return { count, a: a.subarray(0, count), b: b.subarray(0, count), distance: dist.subarray(0, count) };
}
