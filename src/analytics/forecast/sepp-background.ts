/**
 * The SEPP background KDE as a sparse matrix: K[j → i] = N₂(x_i − x_j; h_j²) for every event i within
 * 3 h_j of source j (including j itself, as in Mohler 2011). Built once per fit; each EM iteration is one
 * sparse matrix–vector product with the background probabilities.
 */

/** Source-major sparse kernel matrix. */
export interface BackgroundMatrix {
  offsets: Int32Array;
  target: Int32Array;
  value: Float32Array;
}

/** Builds the matrix with a bucket grid; cost is linear in its nonzeros. */
export function backgroundMatrix(x: Float64Array, y: Float64Array, bandwidth: Float64Array): BackgroundMatrix {
  const n = x.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const sorted = Float64Array.from(bandwidth).sort();
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  // Bucket size: about the median kernel reach, capped so the table stays small.
  const median = n ? sorted[n >> 1] : 1;
  const size = Math.max(3 * median, Math.max(maxX - minX, maxY - minY) / 1024, 1e-6);
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

  const offsets = new Int32Array(n + 1);
  let cap = Math.max(1024, n * 64);
  let target = new Int32Array(cap);
  let value = new Float32Array(cap);
  let m = 0;
  for (let j = 0; j < n; j++) {
    const h = bandwidth[j];
    const reach = 3 * h;
    const reach2 = reach * reach;
    const norm = 1 / (2 * Math.PI * h * h);
    const inv2h2 = 1 / (2 * h * h);
    const gx0 = Math.max(0, Math.floor((x[j] - reach - minX) / size));
    const gx1 = Math.min(nx - 1, Math.floor((x[j] + reach - minX) / size));
    const gy0 = Math.max(0, Math.floor((y[j] - reach - minY) / size));
    const gy1 = Math.min(ny - 1, Math.floor((y[j] + reach - minY) / size));
    for (let gy = gy0; gy <= gy1; gy++) {
      for (let gx = gx0; gx <= gx1; gx++) {
        const c = gy * nx + gx;
        for (let p = start[c]; p < start[c + 1]; p++) {
          const i = order[p];
          const d2 = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2;
          if (d2 > reach2) continue;
          if (m === cap) {
            cap *= 2;
            const nt = new Int32Array(cap);
            nt.set(target);
            target = nt;
            const nv = new Float32Array(cap);
            nv.set(value);
            value = nv;
          }
          target[m] = i;
          value[m] = norm * Math.exp(-d2 * inv2h2);
          m++;
        }
      }
    }
    offsets[j + 1] = m;
  }
  return { offsets, target: target.slice(0, m), value: value.slice(0, m) };
}

/** Σ_j weight_j K[j → i] for every event i (background events per m², before dividing by time). */
export function backgroundAtEvents(matrix: BackgroundMatrix, weight: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  const { offsets, target, value } = matrix;
  for (let j = 0; j < n; j++) {
    const w = weight[j];
    if (w === 0) continue;
    for (let k = offsets[j]; k < offsets[j + 1]; k++) out[target[k]] += w * value[k];
  }
  return out;
}
