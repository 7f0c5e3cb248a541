/**
 * Sparse candidate-parent lists for self-exciting models: event j can trigger event i only if j happened
 * before i within `maxLag` days and within `maxDistance` metres. Events are swept in time order through a
 * spatial bucket grid whose buckets keep their members in time order, so each event looks only at the
 * recent members of 9 buckets. Memory is O(candidate pairs), never O(n²).
 */

/** Parents of each child in CSR form; children are indices into the time-sorted input. */
export interface CandidateParents {
  /** offsets[i]..offsets[i+1] index the candidate parents of event i. */
  offsets: Int32Array;
  parent: Int32Array;
  /** t_i − t_j (days, > 0). */
  lag: Float64Array;
  /** Squared distance (m²). */
  distance2: Float64Array;
}

/**
 * Builds candidate parents. `t` must be sorted ascending. A parent strictly precedes its child
 * (lag > 0), so simultaneous events never trigger each other.
 */
export function candidateParents(x: Float64Array, y: Float64Array, t: Float64Array, maxLag: number, maxDistance: number): CandidateParents {
  const n = t.length;
  for (let i = 1; i < n; i++) if (t[i] < t[i - 1]) throw new RangeError('events must be sorted by time');
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
  const size = Math.max(maxDistance, 1e-9, Math.max(maxX - minX, maxY - minY) / 2048);
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  const buckets = new Map<number, number[]>();
  const firstLive = new Map<number, number>();
  const d2max = maxDistance * maxDistance;
  const offsets = new Int32Array(n + 1);
  let cap = Math.max(1024, n * 8);
  let parent = new Int32Array(cap);
  let lag = new Float64Array(cap);
  let dist2 = new Float64Array(cap);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const cx = Math.floor((x[i] - minX) / size);
    const cy = Math.floor((y[i] - minY) / size);
    for (let gy = cy - 1; gy <= cy + 1; gy++) {
      if (gy < 0 || gy >= ny) continue;
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        if (gx < 0 || gx >= nx) continue;
        const key = gy * nx + gx;
        const members = buckets.get(key);
        if (!members) continue;
        // Drop members too old for any later event (times only grow), then scan the rest.
        let start = firstLive.get(key) ?? 0;
        while (start < members.length && t[i] - t[members[start]] > maxLag) start++;
        firstLive.set(key, start);
        for (let q = start; q < members.length; q++) {
          const j = members[q];
          const dt = t[i] - t[j];
          if (dt <= 0) continue;
          const d2 = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2;
          if (d2 > d2max) continue;
          if (m === cap) {
            cap *= 2;
            const np = new Int32Array(cap);
            np.set(parent);
            parent = np;
            const nl = new Float64Array(cap);
            nl.set(lag);
            lag = nl;
            const nd = new Float64Array(cap);
            nd.set(dist2);
            dist2 = nd;
          }
          parent[m] = j;
          lag[m] = dt;
          dist2[m] = d2;
          m++;
        }
      }
    }
    offsets[i + 1] = m;
    const key = cy * nx + cx;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  }
  return { offsets, parent: parent.slice(0, m), lag: lag.slice(0, m), distance2: dist2.slice(0, m) };
}
