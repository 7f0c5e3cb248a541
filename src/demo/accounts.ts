import { createHash } from 'node:crypto';

/**
 * Demo staff accounts, one per role. Their password and TOTP secrets are public on purpose (they are printed
 * at start), which is why demo accounts are refused whenever the server is not in demo mode.
 */
export const DEMO_PASSWORD = 'bridges-demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  agencySlug: string;
  roles: string[];
  /** Base32 TOTP secret, derived from the username so it is stable across installs. */
  totpSecret: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
const demoSecret = (username: string) => base32(createHash('sha1').update(`bridges-demo-totp:${username}`).digest());

const account = (username: string, displayName: string, agencySlug: string, roles: string[]): DemoAccount =>
  ({ username, displayName, agencySlug, roles, totpSecret: demoSecret(username) });

export const demoAccounts: DemoAccount[] = [
  account('demo.admin', 'Demo Administrator', 'philadelphia-pd', ['administrator']),
  account('demo.command', 'Demo Command Staff', 'philadelphia-pd', ['command']),
  account('demo.analyst', 'Demo Crime Analyst', 'philadelphia-pd', ['analyst']),
  account('demo.officer', 'Demo Community Officer', 'philadelphia-pd', ['officer']),
  account('demo.tips', 'Demo Tip Handler', 'philadelphia-pd', ['tip_handler']),
  account('demo.volunteers', 'Demo Volunteer Coordinator', 'philadelphia-pd', ['volunteer_coordinator']),
  account('demo.partner', 'Demo Partner Caseworker', 'philly-ceasefire', ['partner']),
  account('demo.sac.analyst', 'Demo Sacramento Analyst', 'sacramento-pd', ['analyst']),
];

export interface DemoAgency {
  slug: string;
  name: string;
  kind: 'police' | 'partner_agency' | 'organisation';
  timeZone: string;
  centerLon: number;
  centerLat: number;
  /** UTM zone of the city: x/y metres for analysis. */
  projection: string;
}

export const demoAgencies: DemoAgency[] = [
  { slug: 'philadelphia-pd', name: 'Philadelphia Police Department (demo)', kind: 'police', timeZone: 'America/New_York',
    centerLon: -75.1652, centerLat: 39.9526, projection: '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs' },
  { slug: 'sacramento-pd', name: 'Sacramento Police Department (demo)', kind: 'police', timeZone: 'America/Los_Angeles',
    centerLon: -121.4944, centerLat: 38.5816, projection: '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs' },
  { slug: 'philly-ceasefire', name: 'Philadelphia CeaseFire outreach (demo partner)', kind: 'organisation', timeZone: 'America/New_York',
    centerLon: -75.1652, centerLat: 39.9526, projection: '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs' },
];
