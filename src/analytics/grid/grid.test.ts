import { describe, expect, it } from 'vitest';
import { cellCentre, cellIndexOf, gridCounts, gridCovering, makeGrid } from './grid.js';
import { buildPolygonMask, maskCount, pointInPolygons, type PolygonRings } from './mask.js';
import { gridToCsv, gridToGeoJSON } from './export.js';

describe('grid', () => {
  const grid = makeGrid(0, 0, 10, 3, 2);

  it('indexes cells row-major from the south-west', () => {
    expect(cellIndexOf(grid, 0, 0)).toBe(0);
    expect(cellIndexOf(grid, 25, 5)).toBe(2);
    expect(cellIndexOf(grid, 5, 15)).toBe(3);
    expect(cellIndexOf(grid, 30, 5)).toBe(-1);
    expect(cellIndexOf(grid, -0.1, 5)).toBe(-1);
    expect(cellCentre(grid, 4)).toEqual([15, 15]);
  });

  it('counts events per cell, with weights, dropping outside events', () => {
    const x = Float64Array.from([1, 2, 15, 29, 35, 5]);
    const y = Float64Array.from([1, 9, 15, 19, 5, 11]);
    expect(Array.from(gridCounts(grid, x, y))).toEqual([2, 0, 0, 1, 1, 1]);
    const w = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(gridCounts(grid, x, y, { weights: w }))).toEqual([3, 0, 0, 6, 3, 4]);
  });

  it('covers a bounding box with snapped origin', () => {
    const g = gridCovering({ minX: 12, minY: 7, maxX: 49, maxY: 30 }, 10);
    expect([g.x0, g.y0, g.nx, g.ny]).toEqual([10, 0, 4, 3]);
  });
});

describe('polygon mask', () => {
  // A 40 × 40 square with a 10 × 10 hole, on a 10 m grid of 6 × 6 cells starting at (−10, −10).
  const square: PolygonRings = [
    [[0, 0], [40, 0], [40, 40], [0, 40], [0, 0]],
    [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]],
  ];
  const grid = makeGrid(-10, -10, 10, 6, 6);

  it('point in polygon respects holes', () => {
    expect(pointInPolygons([square], 5, 5)).toBe(true);
    expect(pointInPolygons([square], 15, 15)).toBe(false);
    expect(pointInPolygons([square], 45, 5)).toBe(false);
  });

  it('centre rule keeps cells whose centre is inside', () => {
    const mask = buildPolygonMask(grid, [square]);
    // 4 × 4 inside cells minus the hole cell.
    expect(maskCount(mask)).toBe(15);
    expect(mask[cellIndexOf(grid, 15, 15)]).toBe(0);
    expect(mask[cellIndexOf(grid, 35, 35)]).toBe(1);
  });

  it('intersects rule adds boundary cells', () => {
    // Square from 7 to 33: centres at 15 and 25 are inside (2 × 2 cells), but it touches 4 × 4 cells.
    const tilted: PolygonRings = [[[7, 7], [33, 7], [33, 33], [7, 33], [7, 7]]];
    expect(maskCount(buildPolygonMask(grid, [tilted]))).toBe(4);
    const touching = buildPolygonMask(grid, [tilted], { rule: 'intersects' });
    expect(maskCount(touching)).toBe(16);
    // Every cell containing a vertex is kept.
    for (const [x, y] of tilted[0]) expect(touching[cellIndexOf(grid, x, y)]).toBe(1);
    // A cell far outside is not.
    expect(touching[cellIndexOf(grid, -5, 45)]).toBe(0);
  });
});

describe('export', () => {
  const grid = makeGrid(100, 200, 10, 2, 1);
  const unproject = (x: number, y: number): [number, number] => [x / 1000, y / 1000];

  it('writes cell polygons with properties', () => {
    const fc = gridToGeoJSON(grid, { count: [3, 0] }, unproject, { skipEmpty: true });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties).toEqual({ cell: 0, count: 3 });
    expect(fc.features[0].geometry.coordinates[0]).toEqual([[0.1, 0.2], [0.11, 0.2], [0.11, 0.21], [0.1, 0.21], [0.1, 0.2]]);
  });

  it('writes CSV rows with cell centres', () => {
    const csv = gridToCsv(grid, { z: [1.5, Number.NaN] });
    expect(csv).toBe('cell,ix,iy,x,y,z\n0,0,0,105,205,1.5\n1,1,0,115,205,\n');
  });
});
