/**
 * Distance from each point to its k-th nearest other point, by searching square rings of grid buckets
 * outward until no unvisited bucket can hold a closer point. Used for variable-bandwidth kernels (a
 * point's bandwidth is its k-th neighbour distance: narrow where events are dense, wide where sparse).
 */

/** k-th nearest-neighbour distance of every point (Infinity when fewer than k other points exist). */
export function kthNeighbourDistance(x: Float64Array, y: Float64Array, k: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Infinity);
  if (n <= 1 || k < 1) return out;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  // About k points per bucket on average.
  const area = Math.max((maxX - minX) * (maxY - minY), 1e-9);
  const size = Math.max(Math.sqrt((area * Math.max(1, k)) / n), 1e-6);
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  const start = new Int32Array(nx * ny + 1);
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor((y[i] - minY) / size) * nx + Math.floor((x[i] - minX) / size);
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const order = new Int32Array(n);
  const fill = start.slice(0, nx * ny);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]]++] = i;

  const best = new Float64Array(k); // k smallest squared distances so far, ascending
  for (let i = 0; i < n; i++) {
    best.fill(Infinity);
    const cx = cellOf[i] % nx;
    const cy = (cellOf[i] - cx) / nx;
    const maxRing = Math.max(nx, ny);
    for (let r = 0; r <= maxRing; r++) {
      // Every point in ring r is at least (r − 1)·size away.
      const reach = Math.max(0, r - 1) * size;
      if (reach * reach > best[k - 1]) break;
      for (let gy = cy - r; gy <= cy + r; gy++) {
        if (gy < 0 || gy >= ny) continue;
        const onEdge = gy === cy - r || gy === cy + r;
        for (let gx = cx - r; gx <= cx + r; gx += onEdge ? 1 : 2 * r || 1) {
          if (gx < 0 || gx >= nx) continue;
          const c = gy * nx + gx;
          for (let p = start[c]; p < start[c + 1]; p++) {
            const j = order[p];
            if (j === i) continue;
            const d2 = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2;
            if (d2 >= best[k - 1]) continue;
            let q = k - 1;
            while (q > 0 && best[q - 1] > d2) {
              best[q] = best[q - 1];
              q--;
            }
            best[q] = d2;
          }
        }
      }
    }
    out[i] = Math.sqrt(best[k - 1]);
  }
  return out;
}
