import { appendAudit } from '../../../core/audit/audit.js';
import { AreaIndex } from '../../../core/places/index.js';
import type { AreaGeometry } from '../../../core/places/index.js';
import type { TipsContext } from '../context.js';
import type { StaffActor } from './scope.js';

export interface DashboardRange {
  from: Date;
  to: Date;
  /** Which kind of areas to count tips in (default 'district'). */
  areaKind?: string;
}

type Count = { key: string; label: Record<string, string> | null; count: number };

export interface TipDashboard {
  range: { from: Date; to: Date };
  total: number;
  perWeek: Array<{ week: string; count: number }>;
  perCategory: Count[];
  perArea: Array<{ areaId: number | null; name: string; count: number }>;
  perChannel: Array<{ channel: string; count: number }>;
  responseHours: { responded: number; waiting: number; median: number | null; p90: number | null };
  outcomes: Count[];
  states: Count[];
  rewards: { proposed: number; approved: number; paid: number; paidCents: number };
}

/** Headline figures of an agency's tips in a date range; aggregates only, so no per-tip audit row. */
export async function tipDashboard(ctx: TipsContext, staff: StaffActor, range: DashboardRange): Promise<TipDashboard> {
  const q = ctx.db;
  const args = [staff.agencyId, range.from, range.to];
  const inRange = 't.agency_id = $1 AND t.created_at >= $2 AND t.created_at < $3';
  const [tz] = await q.query<{ time_zone: string }>('SELECT time_zone FROM agencies WHERE id = $1', [staff.agencyId]);
  const perWeek = await q.query<{ week: string; count: number }>(
    `SELECT to_char(date_trunc('week', t.created_at AT TIME ZONE $4), 'YYYY-MM-DD') AS week, count(*)::int AS count
     FROM tips t WHERE ${inRange} GROUP BY 1 ORDER BY 1`, [...args, tz.time_zone]);
  const perCategory = await q.query<Count>(
    `SELECT c.code AS key, c.label, count(t.id)::int AS count FROM tip_categories c
     JOIN tips t ON t.category = c.code AND ${inRange} GROUP BY c.code, c.label, c.sort ORDER BY count DESC, c.sort`, args);
  const perChannel = await q.query<{ channel: string; count: number }>(
    `SELECT t.channel, count(*)::int AS count FROM tips t WHERE ${inRange} GROUP BY 1 ORDER BY 1`, args);
  const [response] = await q.query<TipDashboard['responseHours']>(
    `SELECT count(t.first_response_at)::int AS responded, (count(*) - count(t.first_response_at))::int AS waiting,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM t.first_response_at - t.created_at) / 3600) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM t.first_response_at - t.created_at) / 3600) AS p90
     FROM tips t WHERE ${inRange}`, args);
  const outcomes = await q.query<Count>(
    `SELECT o.code AS key, o.label, count(t.id)::int AS count FROM tip_outcomes o
     JOIN tips t ON t.outcome = o.code AND ${inRange} GROUP BY o.code, o.label, o.sort ORDER BY o.sort`, args);
  const states = await q.query<Count>(
    `SELECT s.code AS key, s.label, count(t.id)::int AS count FROM tip_states s
     LEFT JOIN tips t ON t.state = s.code AND ${inRange} GROUP BY s.code, s.label, s.sort ORDER BY s.sort`, args);
  const [rewards] = await q.query<TipDashboard['rewards']>(
    `SELECT count(*) FILTER (WHERE r.status = 'proposed')::int AS proposed, count(*) FILTER (WHERE r.status = 'approved')::int AS approved,
            count(*) FILTER (WHERE r.status = 'paid')::int AS paid, COALESCE(sum(r.approved_cents) FILTER (WHERE r.status = 'paid'), 0)::int AS "paidCents"
     FROM tip_rewards r JOIN tips t ON t.id = r.tip_id WHERE ${inRange}`, args);
  const perArea = await countPerArea(ctx, staff.agencyId, range, inRange, args);
  const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
  return {
    range: { from: range.from, to: range.to },
    total: perChannel.reduce((n, c) => n + c.count, 0),
    perWeek, perCategory, perArea, perChannel,
    responseHours: { responded: response.responded, waiting: response.waiting, median: round(response.median), p90: round(response.p90) },
    outcomes, states, rewards,
  };
}

/** Point-in-polygon with core's area index, at read time: tips are few next to incidents. */
async function countPerArea(ctx: TipsContext, agencyId: number, range: DashboardRange, inRange: string, args: unknown[]) {
  const areas = await ctx.db.query<{ id: number; name: string; geometry: AreaGeometry }>(
    'SELECT id, name, geometry FROM areas WHERE agency_id = $1 AND kind = $2 ORDER BY name', [agencyId, range.areaKind ?? 'district']);
  const index = new AreaIndex(areas);
  const points = await ctx.db.query<{ lon: number | null; lat: number | null }>(`SELECT t.lon, t.lat FROM tips t WHERE ${inRange}`, args);
  const counts = new Map<number | null, number>();
  for (const p of points) {
    const ids = p.lon === null || p.lat === null ? [] : index.lookup(p.lon, p.lat);
    for (const id of ids.length ? ids : [null]) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const named = areas.map((a) => ({ areaId: a.id as number | null, name: a.name, count: counts.get(a.id) ?? 0 })).filter((a) => a.count > 0);
  const outside = counts.get(null);
  return [...named.sort((a, b) => b.count - a.count), ...(outside ? [{ areaId: null, name: '', count: outside }] : [])];
}

/** Tip locations for the staff map (GeoJSON). Never public; audited as a read of the tips it shows. */
export async function tipMap(ctx: TipsContext, staff: StaffActor, range: DashboardRange) {
  const rows = await ctx.db.query<{ id: number; number: string; category: string; state: string; lon: number; lat: number; created_at: Date }>(
    `SELECT t.id, t.number, t.category, t.state, t.lon, t.lat, t.created_at FROM tips t
     WHERE t.agency_id = $1 AND t.created_at >= $2 AND t.created_at < $3 AND t.lon IS NOT NULL ORDER BY t.id LIMIT 5000`,
    [staff.agencyId, range.from, range.to]);
  await ctx.db.transaction((tx) => appendAudit(tx, {
    actor: staff.audit, action: 'tips.map_read', targetType: 'tip', outcome: 'success',
    details: { from: range.from, to: range.to, count: rows.length },
  }));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] },
      properties: { id: r.id, number: r.number, category: r.category, state: r.state, createdAt: r.created_at.toISOString() },
    })),
  };
}
