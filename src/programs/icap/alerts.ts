/**
 * Retaliation alerts: when a shooting is recorded as it happens, staff allowed to see incidents get a
 * real-time alert with the risk zone (radius) and the window of heightened risk from the city's own
 * near-repeat pattern. Historical imports raise none: only shootings of the last two days alert.
 */
import type { Db, Queryable } from '../../db/types.js';
import { realtimeHub } from '../../core/realtime/hub.js';
import { notFound } from '../../core/errors.js';
import { ensureProfile, SHOOTING_CATEGORIES } from './near-repeat.js';

export const ALERT_EVENT = 'icap.alert';
export const ALERT_PERMISSION = 'icap:alerts';
const DAY_MS = 86_400_000;
const RECENT_MS = 2 * DAY_MS;

export interface AlertView {
  id: number; incidentId: number; category: string; occurredAt: Date; lon: number; lat: number; hundredBlock: string | null;
  radiusM: number; windowDays: number; riskUntil: Date; nearbyRecent: number; walkId: number | null;
  acknowledgedBy: string | null; acknowledgedAt: Date | null; createdAt: Date;
}

interface AlertRow {
  id: number; incident_id: string | number; category: string; occurred_at: Date; lon: number; lat: number; hundred_block: string | null;
  radius_m: number; window_days: number; risk_until: Date; nearby_recent: number; walk_id: number | null; ack_name: string | null;
  acknowledged_at: Date | null; created_at: Date;
}

const SELECT_ALERT = `SELECT a.*, u.display_name AS ack_name FROM icap_alerts a LEFT JOIN users u ON u.id = a.acknowledged_by`;
const toView = (r: AlertRow): AlertView => ({
  id: r.id, incidentId: Number(r.incident_id), category: r.category, occurredAt: r.occurred_at, lon: r.lon, lat: r.lat, hundredBlock: r.hundred_block,
  radiusM: r.radius_m, windowDays: r.window_days, riskUntil: r.risk_until, nearbyRecent: r.nearby_recent, walkId: r.walk_id,
  acknowledgedBy: r.ack_name, acknowledgedAt: r.acknowledged_at, createdAt: r.created_at,
});

/** The walk the walks program opened for the incident, read by SQL when that program is installed. */
async function walkFor(q: Queryable, incidentId: number): Promise<number | null> {
  const [present] = await q.query<{ ok: boolean }>("SELECT to_regclass('public.walks') IS NOT NULL AS ok");
  if (!present.ok) return null;
  const rows = await q.query<{ id: number }>('SELECT id FROM walks WHERE incident_id = $1', [incidentId]);
  return rows[0]?.id ?? null;
}

/** The 'incidents.recorded' handler: one alert per recent shooting, pushed to the agency's channel. */
export async function raiseAlerts(db: Db, agencyId: number, incidentIds: readonly number[], now = new Date()): Promise<AlertView[]> {
  const shootings = await db.query<{ id: number; category: string; occurred_at: Date; lon: number; lat: number; x: number; y: number; hundred_block: string | null }>(
    `SELECT id, category, occurred_at, lon, lat, x, y, hundred_block FROM incidents
      WHERE agency_id = $1 AND id = ANY($2::bigint[]) AND category = ANY($3::text[]) AND occurred_at >= $4 AND occurred_at <= $5
        AND NOT EXISTS (SELECT 1 FROM icap_alerts a WHERE a.incident_id = incidents.id)`,
    [agencyId, incidentIds, SHOOTING_CATEGORIES, new Date(now.getTime() - RECENT_MS), new Date(now.getTime() + DAY_MS)]);
  if (shootings.length === 0) return [];
  const profile = await ensureProfile(db, agencyId, now);
  const raised: AlertView[] = [];
  for (const s of shootings) {
    const [nearby] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents WHERE agency_id = $1 AND category = ANY($2::text[]) AND id <> $3
          AND occurred_at >= $4 AND occurred_at < $5 AND (x - $6::float8) ^ 2 + (y - $7::float8) ^ 2 <= $8::float8 ^ 2`,
      [agencyId, SHOOTING_CATEGORIES, s.id, new Date(s.occurred_at.getTime() - 14 * DAY_MS), s.occurred_at, s.x, s.y, profile.radiusM]);
    const rows = await db.query<{ id: number }>(
      `INSERT INTO icap_alerts (agency_id, incident_id, category, occurred_at, lon, lat, hundred_block, radius_m, window_days, risk_until, nearby_recent, walk_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT (incident_id) DO NOTHING RETURNING id`,
      [agencyId, s.id, s.category, s.occurred_at, s.lon, s.lat, s.hundred_block, profile.radiusM, profile.windowDays,
        new Date(s.occurred_at.getTime() + profile.windowDays * DAY_MS), nearby.n, await walkFor(db, Number(s.id))]);
    if (!rows[0]) continue;
    const alert = await getAlert(db, agencyId, rows[0].id);
    realtimeHub(db).publish(agencyId, { type: ALERT_EVENT, permission: ALERT_PERMISSION, data: alert });
    raised.push(alert);
  }
  return raised;
}

export async function getAlert(q: Queryable, agencyId: number, id: number): Promise<AlertView> {
  const [row] = await q.query<AlertRow>(`${SELECT_ALERT} WHERE a.id = $1 AND a.agency_id = $2`, [id, agencyId]);
  if (!row) throw notFound(`Alert ${id}`);
  return toView(row);
}

export async function listAlerts(q: Queryable, agencyId: number): Promise<AlertView[]> {
  const rows = await q.query<AlertRow>(`${SELECT_ALERT} WHERE a.agency_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT 100`, [agencyId]);
  return rows.map(toView);
}

/** The shootings around an alert in the 14 days before it: the chain the risk zone is about. */
export async function alertContext(q: Queryable, agencyId: number, alert: AlertView) {
  const rows = await q.query<{ id: number; category: string; occurred_at: Date; hundred_block: string | null; lon: number; lat: number }>(
    `SELECT i.id, i.category, i.occurred_at, i.hundred_block, i.lon, i.lat FROM incidents i, incidents s
      WHERE s.id = $2 AND i.agency_id = $1 AND i.category = ANY($3::text[]) AND i.occurred_at >= s.occurred_at - interval '14 days'
        AND i.occurred_at <= s.occurred_at AND (i.x - s.x) ^ 2 + (i.y - s.y) ^ 2 <= ($4::float8 * 3) ^ 2
      ORDER BY i.occurred_at DESC LIMIT 200`, [agencyId, alert.incidentId, SHOOTING_CATEGORIES, alert.radiusM]);
  return rows.map((r) => ({ id: Number(r.id), category: r.category, occurredAt: r.occurred_at, hundredBlock: r.hundred_block, lon: r.lon, lat: r.lat }));
}
