import { describe, expect, it } from 'vitest';
import { AreaIndex } from './area-index.js';
import { geometryBBox, pointInGeometry, toAreaGeometry, type AreaGeometry } from './geometry.js';

const square = (x0: number, y0: number, size: number): Array<[number, number]> =>
  [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];

// A 10×10 square with a 4×4 hole, and a MultiPolygon of two separate squares (the second with a hole too).
const donut: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10), square(3, 3, 4)] };
const islands: AreaGeometry = { type: 'MultiPolygon', coordinates: [[square(20, 0, 5)], [square(30, 0, 5), square(31, 1, 1)]] };

describe('point in polygon', () => {
  it('treats holes as outside', () => {
    expect(pointInGeometry(1, 1, donut)).toBe(true);
    expect(pointInGeometry(5, 5, donut)).toBe(false);
    expect(pointInGeometry(8, 5, donut)).toBe(true);
    expect(pointInGeometry(11, 5, donut)).toBe(false);
  });

  it('finds points in any part of a MultiPolygon', () => {
    expect(pointInGeometry(22, 2, islands)).toBe(true);
    expect(pointInGeometry(33, 3, islands)).toBe(true);
    expect(pointInGeometry(31.5, 1.5, islands)).toBe(false);
    expect(pointInGeometry(27, 2, islands)).toBe(false);
    expect(geometryBBox(islands)).toEqual([20, 0, 35, 5]);
  });

  it('answers the same through the index, with ids ascending and each once', () => {
    const index = new AreaIndex([{ id: 7, geometry: islands }, { id: 3, geometry: donut }, { id: 5, geometry: { type: 'Polygon', coordinates: [square(-5, -5, 30)] } }]);
    expect(index.lookup(1, 1)).toEqual([3, 5]);
    expect(index.lookup(5, 5)).toEqual([5]);
    expect(index.lookup(22, 2)).toEqual([5, 7]);
    expect(index.lookup(33, 3)).toEqual([7]);
    expect(index.lookup(31.5, 1.5)).toEqual([]);
    expect(index.lookup(100, 100)).toEqual([]);
    expect(new AreaIndex([]).lookup(0, 0)).toEqual([]);
  });

  it('agrees with the plain crossing test on a many-sided polygon', () => {
    // A 200-gon star: the banded index must give exactly the plain test's answers.
    const ring: Array<[number, number]> = [];
    for (let k = 0; k <= 200; k += 1) {
      const angle = (2 * Math.PI * (k % 200)) / 200;
      const r = k % 2 === 0 ? 1 : 0.6;
      ring.push([r * Math.cos(angle), r * Math.sin(angle)]);
    }
    const star: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
    const index = new AreaIndex([{ id: 1, geometry: star }]);
    for (let i = 0; i < 2000; i += 1) {
      const x = Math.sin(i * 12.9898) * 1.1, y = Math.cos(i * 78.233) * 1.1;
      expect(index.lookup(x, y).length === 1).toBe(pointInGeometry(x, y, star));
    }
  });

  it('validates GeoJSON geometries with a reason', () => {
    expect(toAreaGeometry({ type: 'Polygon', coordinates: [square(0, 0, 1).map(([x, y]) => [x, y, 12])] })).toEqual({ type: 'Polygon', coordinates: [square(0, 0, 1)] });
    expect(() => toAreaGeometry({ type: 'Point', coordinates: [0, 0] })).toThrow(/expected Polygon or MultiPolygon, got Point/);
    expect(() => toAreaGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toThrow(/ring 1 needs at least 4 positions/);
    expect(() => toAreaGeometry({ type: 'Polygon', coordinates: [square(500000, 4000000, 10)] })).toThrow(/not a WGS84/);
  });
});
