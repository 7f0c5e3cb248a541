/**
 * Geometry for the assessment's buffer zone: the distance in metres from a point to a polygon's edges, on
 * rings already projected to the agency's metric x/y. Pure, so the displacement counts can be tested.
 */
export type XY = [number, number];

/** Distance from p to the segment a–b. */
export function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Smallest distance from p to any edge of the rings (0 only on an edge; insideness is decided elsewhere). */
export function distanceToRings(p: XY, rings: readonly XY[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i++) best = Math.min(best, segmentDistance(p, ring[j], ring[i]));
  }
  return best;
}

/** Bounding box of the rings widened by `margin` metres: [minX, minY, maxX, maxY]. */
export function widenedBBox(rings: readonly XY[][], margin: number): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return [minX - margin, minY - margin, maxX + margin, maxY + margin];
}
