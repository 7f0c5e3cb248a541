import { describe, expect, it } from 'vitest';
import { cellCentre, cellOf, gridFor, isCellCentre } from './grid.js';

describe('public grid', () => {
  const grid = gridFor(39.95);

  it('makes cells about 150 m on each side at the agency latitude', () => {
    const metresPerLon = 111_320 * Math.cos((39.95 * Math.PI) / 180);
    expect(grid.cellLon * metresPerLon).toBeCloseTo(150, 5);
    expect(grid.cellLat * 111_320).toBeCloseTo(150, 5);
  });

  it('moves a point to the centre of its cell, never further than half a diagonal', () => {
    const point: [number, number] = [-75.163421, 39.952112];
    const { col, row } = cellOf(grid, ...point);
    const centre = cellCentre(grid, col, row);
    expect(centre).not.toEqual(point);
    expect(isCellCentre(grid, ...centre)).toBe(true);
    expect(isCellCentre(grid, ...point)).toBe(false);
    const dx = (centre[0] - point[0]) * 111_320 * Math.cos((39.95 * Math.PI) / 180);
    const dy = (centre[1] - point[1]) * 111_320;
    expect(Math.hypot(dx, dy)).toBeLessThan(Math.SQRT2 * 75 + 0.1);
  });

  it('puts two points of the same cell on the same centre', () => {
    const a = cellOf(grid, -75.16001, 39.95001);
    const b = cellOf(grid, -75.16002, 39.95002);
    expect(cellCentre(grid, a.col, a.row)).toEqual(cellCentre(grid, b.col, b.row));
  });
});
