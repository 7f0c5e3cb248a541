/**
 * Test helpers for anything behind staff sign-in: a configured app, an agency with default roles, users
 * with a known TOTP secret, and a real sign-in through the HTTP API (password, then code).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/types.js';
import { loadConfig, type BridgesConfig } from '../../core/config.js';
import { permissionCatalogue } from '../../core/people/catalogue.js';
import { createAgencyWithDefaultRoles, type AgencyView } from '../../core/people/agencies.js';
import { loadSecretKey } from '../../core/people/secret-key.js';
import { generateTotpSecret, totpCode, totpStep } from '../../core/people/totp.js';
import { createUser, type UserView } from '../../core/people/users.js';
import { programs } from '../../programs/registry.js';
import { SESSION_COOKIE } from './session.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Config for an API test: a private data dir (so the secret key is private too), demo mode off. */
export function testConfig(overrides: Partial<BridgesConfig> = {}): BridgesConfig {
  return { ...loadConfig({}), dataDir: mkdtempSync(join(tmpdir(), 'bridges-test-')), demoMode: false, ...overrides };
}

/** An agency with the default roles of the full permission catalogue. */
export async function seedAgency(db: Db, slug: string): Promise<AgencyView> {
  const input = { slug, name: `Agency ${slug}`, kind: 'police' as const, timeZone: 'America/New_York', centerLon: -75.16, centerLat: 39.95 };
  const { agency } = await db.transaction((tx) => createAgencyWithDefaultRoles(tx, input, permissionCatalogue(programs)));
  return agency;
}

export interface SeededUser extends UserView {
  password: string;
  totpSecret: string;
}

/** A user already enrolled in MFA (secret encrypted with the config's key), so tests can sign in at once. */
export async function seedUser(
  db: Db, config: BridgesConfig, agencyId: number, username: string, roleNames: string[] = [], extra: { isDemo?: boolean } = {},
): Promise<SeededUser> {
  const totpSecret = generateTotpSecret();
  const user = await db.transaction((tx) => createUser(tx, {
    agencyId, username, displayName: `Test ${username}`, password: TEST_PASSWORD, roleNames, totpSecret, secretKey: loadSecretKey(config), isDemo: extra.isDemo,
  }));
  return { ...user, password: TEST_PASSWORD, totpSecret };
}

/** The cookie header value for a response's session cookie. */
export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`No ${SESSION_COOKIE} cookie in the ${response.statusCode} answer: ${response.body}`);
  return `${SESSION_COOKIE}=${cookie.value}`;
}

// Each sign-in spends one TOTP step (replay protection), so successive sign-ins of one user use codes of
// successive steps: the current one, then the next (still inside the ±1 window). Starting at the current
// step rather than the previous one keeps a code valid if the clock ticks over before the server checks it.
const lastStepUsed = new Map<string, number>();

/** A code for the secret newer than any this helper handed out before (throws when none is acceptable now). */
export function nextCode(secret: string): string {
  const now = totpStep();
  const step = Math.max(now, (lastStepUsed.get(secret) ?? -Infinity) + 1);
  if (step > now + 1) throw new Error('More than two sign-ins of one user within 30 s; use another user in the test.');
  lastStepUsed.set(secret, step);
  return totpCode(secret, step * 30_000);
}

/** Signs in through the API (password + TOTP) and returns the active session's cookie header value. */
export async function signIn(app: FastifyInstance, user: { username: string; password: string; totpSecret: string }, remoteAddress = '127.0.0.1'): Promise<string> {
  const first = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: user.username, password: user.password }, remoteAddress });
  if (first.statusCode !== 200) throw new Error(`sign-in answered ${first.statusCode}: ${first.body}`);
  const second = await app.inject({
    method: 'POST', url: '/api/auth/mfa', payload: { code: nextCode(user.totpSecret) }, headers: { cookie: sessionCookieFrom(first) }, remoteAddress,
  });
  if (second.statusCode !== 200) throw new Error(`mfa answered ${second.statusCode}: ${second.body}`);
  return sessionCookieFrom(second);
}
