/**
 * Space and time bands of the near-repeat (Knox) table, in two conventions.
 *
 * Honest (default) — the labels mean what they say for integer metres and days:
 *   "Same location" d ≤ tolerance (0); "1–100 m" 0 < d ≤ 100; "101–200 m" 100 < d ≤ 200; … "More than 300 m" d > 300.
 *   "0–2 days" 0 ≤ Δt ≤ 2; "3–4 days" 2 < Δt ≤ 4; … "More than 4 days" Δt > 4.
 *
 * NRC-compatible — reproduces Ratcliffe's Near Repeat Calculator tables. Its labels are the same, but,
 * as Steenbeek's NearRepeat vignette ("NearRepeat and the Near Repeat Calculator software") and
 * Toby Davies' notebook ("Inconsistency with Near Repeat Calculator") show, a band labelled "a to b" is
 * computed on [a−1, b): "1 to 100" is 0 < d < 100, "101 to 200" is 100 ≤ d < 200, "More than 300" is
 * d ≥ 300; "0 to 2" days is Δt < 2 (0 or 1 day), "3 to 4" is 2 ≤ Δt < 4, "More than 4" is Δt ≥ 4.
 * "Same location" is d = 0 exactly: the vignettes approximate it by d < 1, but the NRC's own verbose
 * output for the 11,701 Chicago burglaries of 2016 (in tobydavies/NearRepeat) is reproduced cell for cell
 * only with d = 0 (its input had coordinates to 0.1 m; eight pairs 0.2–0.9 m apart fall in "1 to 100").
 */

/** Band layout shared by the Knox test and its summary. */
export interface BandSpec {
  spatialBandwidth: number;
  spatialBands: number;
  temporalBandwidth: number;
  temporalBands: number;
  nrcCompatible: boolean;
  /** Distances ≤ this count as the same location (default 0, as in the NRC). */
  sameLocationTolerance: number;
}

/** Number of spatial rows: same location + bands + "more than". */
export function spatialRowCount(spec: BandSpec): number {
  return spec.spatialBands + 2;
}

/** Number of temporal columns: bands + "more than". */
export function temporalColumnCount(spec: BandSpec): number {
  return spec.temporalBands + 1;
}

/** Largest distance that can fall in a non-"more than" row; pairs beyond it are never enumerated. */
export function maxCloseDistance(spec: BandSpec): number {
  return spec.spatialBandwidth * spec.spatialBands;
}

/** Spatial row of a pair distance: 0 = same location, 1..S = bands, S+1 = more than. */
export function spatialBandOf(spec: BandSpec, d: number): number {
  const S = spec.spatialBands;
  if (d <= spec.sameLocationTolerance) return 0;
  if (spec.nrcCompatible) {
    const k = Math.floor(d / spec.spatialBandwidth) + 1;
    return k > S ? S + 1 : k;
  }
  const k = Math.ceil(d / spec.spatialBandwidth);
  return k < 1 ? 1 : k > S ? S + 1 : k;
}

/** Temporal column of a time difference (days): 0..T−1 = bands, T = more than. */
export function temporalBandOf(spec: BandSpec, dt: number): number {
  const T = spec.temporalBands;
  if (spec.nrcCompatible) {
    const k = Math.floor(dt / spec.temporalBandwidth);
    return k > T ? T : k;
  }
  const k = Math.ceil(dt / spec.temporalBandwidth) - 1;
  return k < 0 ? 0 : k > T ? T : k;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(3)));
}

/** Row labels, same location first and "more than" last (NRC's wording). */
export function spatialLabels(spec: BandSpec, unit = 'm'): string[] {
  const h = spec.spatialBandwidth;
  const labels = ['Same location'];
  for (let k = 1; k <= spec.spatialBands; k++) labels.push(`${fmt((k - 1) * h + 1)}–${fmt(k * h)} ${unit}`);
  labels.push(`More than ${fmt(spec.spatialBands * h)} ${unit}`);
  return labels;
}

/** Column labels, "more than" last. The first band starts at 0, later ones one unit above the previous end. */
export function temporalLabels(spec: BandSpec, unit = 'days'): string[] {
  const h = spec.temporalBandwidth;
  const labels: string[] = [];
  for (let k = 0; k < spec.temporalBands; k++) labels.push(`${fmt(k === 0 ? 0 : k * h + 1)}–${fmt((k + 1) * h)} ${unit}`);
  labels.push(`More than ${fmt(spec.temporalBands * h)} ${unit}`);
  return labels;
}

/**
 * For each temporal column k < T, the largest Δt it admits is the boundary b_k = (k+1)·h: honest mode counts
 * pairs with Δt ≤ b_k, NRC mode pairs with Δt < b_k. Used to count all pairs per column from sorted times.
 */
export function temporalUpperBounds(spec: BandSpec): { bounds: number[]; inclusive: boolean } {
  const bounds: number[] = [];
  for (let k = 0; k < spec.temporalBands; k++) bounds.push((k + 1) * spec.temporalBandwidth);
  return { bounds, inclusive: !spec.nrcCompatible };
}
