/**
 * The SARA assessment: incidents of the problem's categories in the target area, a buffer ring around it and
 * the rest of the city (the control), over the same number of days before and after the response started,
 * with the Weighted Displacement Quotient (Bowers & Johnson 2003) from the analytics engine: did crime fall
 * in the target, and did it move next door or did the benefit spread?
 */
import type { Db } from '../../db/types.js';
import { weightedDisplacementQuotient, type WdqResult } from '../../analytics/index.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { badRequest } from '../../core/errors.js';
import { agencyProjection } from '../../core/incidents/import/projection.js';
import { polygonsOf, type AreaGeometry } from '../../core/places/geometry.js';
import { distanceToRings, widenedBBox, type XY } from './buffer.js';
import { getProblemRow } from './problems.js';

const DAY_MS = 86_400_000;

export interface Assessment {
  computedAt: string;
  responseStart: string;
  days: number;
  bufferM: number;
  categories: string[];
  counts: { targetBefore: number; targetAfter: number; bufferBefore: number; bufferAfter: number; controlBefore: number; controlAfter: number };
  /** Percentage change in the target (null when nothing before). */
  targetChange: number | null;
  wdq: (WdqResult & { computable: true }) | { computable: false; reason: string };
}

/** Computes the assessment and stores it on the problem (the previous one stays in the timeline). */
export async function assessProblem(db: Db, agencyId: number, problemId: number, options: { days: number; bufferM: number }, actor: AuditActor): Promise<Assessment> {
  const problem = await getProblemRow(db, agencyId, problemId);
  if (!problem.area_id) throw badRequest('areaId: choose the problem area before assessing', { field: 'areaId' });
  if (!problem.response_start) throw badRequest('responseStart: say when the response started before assessing', { field: 'responseStart' });
  const [area] = await db.query<{ geometry: AreaGeometry }>('SELECT geometry FROM areas WHERE id = $1', [problem.area_id]);
  const [agency] = await db.query<{ projection: string }>('SELECT projection FROM agencies WHERE id = $1', [agencyId]);
  const projection = agencyProjection(agency.projection);
  const rings: XY[][] = polygonsOf(area.geometry).flatMap((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => projection.toXY(lon, lat))));

  const start = new Date(`${problem.response_start}T00:00:00Z`);
  const from = new Date(start.getTime() - options.days * DAY_MS);
  const to = new Date(start.getTime() + options.days * DAY_MS);
  const categories = problem.categories.length ? problem.categories : null;
  const base = `agency_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND ($4::text[] IS NULL OR category = ANY($4::text[]))`;
  const params = [agencyId, from, to, categories];
  // Target and whole-city totals in SQL; the buffer needs distances to the polygon, so its candidates come back.
  const [totals] = await db.query<{ tb: number; ta: number; cb: number; ca: number }>(
    `SELECT count(*) FILTER (WHERE area_ids @> ARRAY[$5::int] AND occurred_at < $6)::int AS tb,
            count(*) FILTER (WHERE area_ids @> ARRAY[$5::int] AND occurred_at >= $6)::int AS ta,
            count(*) FILTER (WHERE occurred_at < $6)::int AS cb, count(*) FILTER (WHERE occurred_at >= $6)::int AS ca
       FROM incidents WHERE ${base}`, [...params, problem.area_id, start]);
  const [minX, minY, maxX, maxY] = widenedBBox(rings, options.bufferM);
  const near = await db.query<{ x: number; y: number; after: boolean }>(
    `SELECT x, y, occurred_at >= $5 AS after FROM incidents WHERE ${base} AND NOT (area_ids @> ARRAY[$6::int])
        AND x BETWEEN $7 AND $8 AND y BETWEEN $9 AND $10`, [...params, start, problem.area_id, minX, maxX, minY, maxY]);
  let bufferBefore = 0, bufferAfter = 0;
  for (const p of near) {
    if (distanceToRings([p.x, p.y], rings) > options.bufferM) continue;
    if (p.after) bufferAfter++;
    else bufferBefore++;
  }
  const counts = {
    targetBefore: totals.tb, targetAfter: totals.ta, bufferBefore, bufferAfter,
    controlBefore: totals.cb - totals.tb - bufferBefore, controlAfter: totals.ca - totals.ta - bufferAfter,
  };
  const wdq: Assessment['wdq'] = counts.controlBefore > 0 && counts.controlAfter > 0
    ? { computable: true, ...weightedDisplacementQuotient(counts) }
    : { computable: false, reason: 'The control area had no incidents in one of the periods, so the WDQ cannot be computed.' };
  const assessment: Assessment = {
    computedAt: new Date().toISOString(), responseStart: problem.response_start, days: options.days, bufferM: options.bufferM,
    categories: problem.categories, counts,
    targetChange: counts.targetBefore > 0 ? Math.round(((counts.targetAfter - counts.targetBefore) / counts.targetBefore) * 1000) / 10 : null,
    wdq,
  };
  await db.transaction(async (tx) => {
    await tx.query('UPDATE problems SET assessment = $2, updated_at = now() WHERE id = $1', [problemId, JSON.stringify(assessment)]);
    await tx.query("INSERT INTO problem_events (problem_id, user_id, kind, details) VALUES ($1,$2,'assessment',$3)", [problemId, actor.userId ?? null, JSON.stringify({ counts, wdq: wdq.computable ? wdq.wdq : null })]);
    await appendAudit(tx, { actor, action: 'problems.assess', targetType: 'problem', targetId: problemId, outcome: 'success', details: { days: options.days, bufferM: options.bufferM } });
  });
  return assessment;
}
