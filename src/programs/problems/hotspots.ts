/**
 * Hot spots linked to a problem: Getis–Ord Gi* on a 150 m grid of the problem's categories over the year
 * before the newest incident, keeping the cells at 95% confidence or more whose centre lies in the problem
 * area. Stored as a snapshot on the problem: the analysis it rested on stays readable later.
 */
import proj4 from 'proj4';
import type { Db } from '../../db/types.js';
import { cellCentre, getisOrdGiStar, gridCounts, gridCovering } from '../../analytics/index.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest } from '../../core/errors.js';
import { pointInGeometry, type AreaGeometry } from '../../core/places/geometry.js';
import { getProblemRow } from './problems.js';

const CELL_M = 150;

export interface LinkedHotSpot { lon: number; lat: number; z: number; confidence: number; count: number; cellSize: number }

export async function linkHotSpots(db: Db, agencyId: number, problemId: number, actor: AuditActor): Promise<LinkedHotSpot[]> {
  const p = await getProblemRow(db, agencyId, problemId);
  if (!p.area_id) throw badRequest('areaId: choose the problem area first', { field: 'areaId' });
  const [area] = await db.query<{ geometry: AreaGeometry }>('SELECT geometry FROM areas WHERE id = $1', [p.area_id]);
  const [agency] = await db.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
  const rows = await db.query<{ x: number; y: number }>(
    `SELECT x, y FROM incidents WHERE agency_id = $1 AND ($2::text[] = '{}' OR category = ANY($2::text[]))
        AND occurred_at >= (SELECT max(occurred_at) FROM incidents WHERE agency_id = $1) - interval '365 days'`, [agencyId, p.categories]);
  const cells: LinkedHotSpot[] = [];
  if (rows.length >= 10) {
    const x = Float64Array.from(rows, (r) => r.x);
    const y = Float64Array.from(rows, (r) => r.y);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < x.length; i++) { minX = Math.min(minX, x[i]); maxX = Math.max(maxX, x[i]); minY = Math.min(minY, y[i]); maxY = Math.max(maxY, y[i]); }
    const grid = gridCovering({ minX, minY, maxX, maxY }, CELL_M, true);
    const counts = gridCounts(grid, x, y);
    const gi = getisOrdGiStar(grid, counts, { distanceBand: 2 * CELL_M });
    const toLonLat = proj4(agency.projection, 'WGS84');
    for (let c = 0; c < counts.length; c++) {
      if (gi.confidence[c] < 2 || counts[c] === 0) continue;
      const [lon, lat] = toLonLat.forward(cellCentre(grid, c));
      if (!pointInGeometry(lon, lat, area.geometry)) continue;
      cells.push({ lon, lat, z: Math.round(gi.z[c] * 100) / 100, confidence: gi.confidence[c], count: counts[c], cellSize: CELL_M });
    }
    cells.sort((a, b) => b.z - a.z);
  }
  await db.transaction(async (tx) => {
    await tx.query('UPDATE problems SET hotspots = $2, updated_at = now() WHERE id = $1', [problemId, JSON.stringify(cells)]);
    await tx.query("INSERT INTO problem_events (problem_id, user_id, kind, details) VALUES ($1,$2,'hotspots',$3)", [problemId, actor.userId ?? null, JSON.stringify({ cells: cells.length })]);
    await appendAudit(tx, { actor, action: 'problems.hotspots', targetType: 'problem', targetId: problemId, outcome: 'success', details: { cells: cells.length } });
  });
  return cells;
}
