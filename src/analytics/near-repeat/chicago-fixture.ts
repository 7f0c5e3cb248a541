/**
 * Test fixture: reads the Chicago residential burglary file shared with the project (x, y in metres,
 * date dd/mm/yyyy → integer days since 1970). Only tests import this; the engine never reads files.
 */
import { readFileSync } from 'node:fs';

export const CHICAGO_BURGLARY_CSV = '/work/shared/data/chicago/chicago_burglary_2014_2017.csv';

export function readChicagoBurglary(path = CHICAGO_BURGLARY_CSV): { x: Float64Array; y: Float64Array; t: Float64Array } {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  const x = new Float64Array(lines.length);
  const y = new Float64Array(lines.length);
  const t = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [xs, ys, date] = line.split(',');
    const [d, m, yr] = date.split('/').map(Number);
    x[i] = Number(xs);
    y[i] = Number(ys);
    t[i] = Date.UTC(yr, m - 1, d) / 86_400_000;
  });
  return { x, y, t };
}
