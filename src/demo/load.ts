import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Db } from '../db/types.js';
import type { BridgesConfig } from '../core/config.js';
import type { AuditActor } from '../core/audit/audit.js';
import { createAgencyWithDefaultRoles } from '../core/people/agencies.js';
import { createUser } from '../core/people/users.js';
import { loadSecretKey } from '../core/people/secret-key.js';
import { permissionCatalogue } from '../core/people/catalogue.js';
import { importAreas } from '../core/places/index.js';
import { importIncidents } from '../core/incidents/import/index.js';
import { programs } from '../programs/registry.js';
import { DEMO_PASSWORD, demoAccounts, demoAgencies } from './accounts.js';

const DEMO_DATA = new URL('../../demo/data/', import.meta.url).pathname;
const DEMO_ACTOR: AuditActor = { label: 'demo-loader' };

export interface DemoSummary {
  milliseconds: number;
  incidents: Record<string, { read: number; inserted: number; rejected: number }>;
  areas: number;
  users: number;
}

export async function demoIsLoaded(db: Db): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM platform_state WHERE key = 'demo_loaded'");
  return rows.length > 0;
}

interface FeatureCollection { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }> }

/** Reads a boundary file and names each feature (the published files carry bare codes). */
function boundaries(file: string, name: (p: Record<string, unknown>) => string, code: (p: Record<string, unknown>) => string | null): FeatureCollection {
  const fc = JSON.parse(readFileSync(join(DEMO_DATA, 'philadelphia/boundaries', file), 'utf8')) as FeatureCollection;
  return { type: 'FeatureCollection', features: fc.features.map((f) => ({ ...f, properties: { name: name(f.properties), code: code(f.properties) } })) };
}

/**
 * Loads the demo: three agencies with default roles, Philadelphia's boundaries and shootings 2015–2023,
 * Sacramento's January 2006 incidents, one demo account per role, and each program's demo content.
 * Every step is idempotent, so an interrupted load is finished by running it again.
 */
export async function loadDemo(db: Db, options: { config: BridgesConfig; log?: (line: string) => void }): Promise<DemoSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const catalogue = permissionCatalogue(programs);
  const agencies: Record<string, number> = {};
  for (const agency of demoAgencies) {
    const existing = await db.query<{ id: number }>('SELECT id FROM agencies WHERE slug = $1', [agency.slug]);
    agencies[agency.slug] = existing[0]?.id
      ?? (await db.transaction((tx) => createAgencyWithDefaultRoles(tx, { ...agency, isDemo: true }, catalogue, DEMO_ACTOR))).agency.id;
  }
  log(`agencies: ${Object.keys(agencies).join(', ')}`);

  const philadelphia = agencies['philadelphia-pd'];
  const areaSets: Array<[string, 'city' | 'district' | 'neighborhood', FeatureCollection]> = [
    ['city limits', 'city', boundaries('City_Limits.geojson', () => 'Philadelphia', () => null)],
    ['police districts', 'district', boundaries('police_districts.geojson', (p) => `District ${p.police_district}`, (p) => String(p.police_district))],
    ['neighborhoods', 'neighborhood', boundaries('neighborhoods.geojson', (p) => String(p.neighborhood), () => null)],
  ];
  let areas = 0;
  for (const [label, kind, featureCollection] of areaSets) {
    await importAreas({ db, agencyId: philadelphia, featureCollection, kind, nameField: 'name', codeField: 'code', actor: DEMO_ACTOR });
    areas += featureCollection.features.length;
    log(`areas: ${featureCollection.features.length} ${label}`);
  }

  const rejectsDir = mkdtempSync(join(tmpdir(), 'bridges-demo-'));
  const incidents: DemoSummary['incidents'] = {};
  const datasets = [
    { key: 'philadelphia', agencySlug: 'philadelphia-pd', file: 'philadelphia/shootings.csv', preset: 'philadelphia-shootings' },
    { key: 'sacramento', agencySlug: 'sacramento-pd', file: 'sacramento/SacramentocrimeJanuary2006.csv', preset: 'sacramento-2006' },
  ];
  for (const dataset of datasets) {
    const summary = await importIncidents({
      db, agencyId: agencies[dataset.agencySlug], file: join(DEMO_DATA, dataset.file), preset: dataset.preset,
      actor: DEMO_ACTOR, rejectsPath: join(rejectsDir, `${dataset.key}-rejects.csv`),
    });
    incidents[dataset.key] = { read: summary.read, inserted: summary.inserted, rejected: summary.rejected };
    log(`incidents: ${dataset.key} read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, rejected ${summary.rejected}`);
  }

  const users: Record<string, number> = {};
  const secretKey = loadSecretKey(options.config);
  for (const account of demoAccounts) {
    const existing = await db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [account.username]);
    users[account.username] = existing[0]?.id ?? (await db.transaction((tx) => createUser(tx, {
      agencyId: agencies[account.agencySlug], username: account.username, displayName: account.displayName,
      password: DEMO_PASSWORD, roleNames: account.roles, isDemo: true, totpSecret: account.totpSecret, secretKey,
    }, DEMO_ACTOR))).id;
  }
  log(`users: ${demoAccounts.length} demo accounts`);

  for (const program of programs) {
    if (!program.seedDemo) continue;
    await program.seedDemo({ db, agencies, users });
    log(`program ${program.id}: demo content`);
  }
  await db.query(
    `INSERT INTO platform_state (key, value) VALUES ('demo_loaded', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify({ at: new Date().toISOString() })],
  );
  return { milliseconds: Date.now() - started, incidents, areas, users: demoAccounts.length };
}
