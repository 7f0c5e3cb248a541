/**
 * Test fixtures on a real database: agencies, staff with chosen permissions and an active session, and the
 * app around them. They insert rows directly (no password hashing) so API tests stay fast.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types.js';
import { loadConfig, type BridgesConfig } from '../core/config.js';
import { buildApp } from '../server/app.js';
import { createSession, SESSION_COOKIE } from '../server/auth/session.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export function testConfig(overrides: Partial<BridgesConfig> = {}): BridgesConfig {
  return { ...loadConfig({}), demoMode: true, ...overrides };
}

export async function insertAgency(db: Db, overrides: { slug?: string; kind?: string; timeZone?: string } = {}): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat)
     VALUES ($1, $2, $3, $4, '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', -75.16, 39.95) RETURNING id`,
    [overrides.slug ?? unique('agency'), 'Test Police Department', overrides.kind ?? 'police', overrides.timeZone ?? 'America/New_York'],
  );
  return rows[0].id;
}

export interface TestStaff {
  userId: number;
  agencyId: number;
  username: string;
  /** Cookie header value of an active (MFA-passed) session. */
  cookie: string;
}

/** A staff member whose one role grants exactly `permissions`, already signed in. */
export async function insertStaff(db: Db, agencyId: number, permissions: readonly string[]): Promise<TestStaff> {
  const username = unique('staff');
  const [user] = await db.query<{ id: number }>(
    `INSERT INTO users (agency_id, username, display_name, password_hash) VALUES ($1, $2, $3, 'not-a-hash') RETURNING id`,
    [agencyId, username, `Test ${username}`],
  );
  const [role] = await db.query<{ id: number }>('INSERT INTO roles (agency_id, name, permissions) VALUES ($1, $2, $3) RETURNING id', [agencyId, unique('role'), permissions]);
  await db.query('INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)', [user.id, role.id]);
  const token = await createSession(db, user.id, 'active', {});
  return { userId: user.id, agencyId, username, cookie: `${SESSION_COOKIE}=${token}` };
}

export interface IncidentSeed {
  sourceId?: string;
  category?: string;
  occurredAt: Date | string;
  lon?: number;
  lat?: number;
  areaIds?: number[];
}

/** Inserts incidents directly (the importer has its own tests). */
export async function insertIncidents(db: Db, agencyId: number, incidents: readonly IncidentSeed[]): Promise<number[]> {
  const ids: number[] = [];
  for (const incident of incidents) {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO incidents (agency_id, source_system, source_id, category, occurred_at, lon, lat, x, y, area_ids, hundred_block)
       VALUES ($1, 'test', $2, $3, $4, $5, $6, 0, 0, $7, '100 BLOCK TEST ST') RETURNING id`,
      [agencyId, incident.sourceId ?? unique('src'), incident.category ?? 'burglary', new Date(incident.occurredAt),
        incident.lon ?? -75.16, incident.lat ?? 39.95, incident.areaIds ?? []],
    );
    ids.push(row.id);
  }
  return ids;
}

export async function testApp(db: Db, config: BridgesConfig = testConfig()): Promise<FastifyInstance> {
  const app = await buildApp({ db, config });
  await app.ready();
  return app;
}
