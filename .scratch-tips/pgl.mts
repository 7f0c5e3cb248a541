import { openPglite } from '../src/db/pglite.js';
import { migrate } from '../src/db/migrate.js';
import { allMigrationSources } from '../src/db/sources.js';
import { SubmissionBatcher } from '../src/programs/tips/batch.js';
import { deriveTipKeys } from '../src/programs/tips/crypto.js';
import { randomBytes } from 'node:crypto';
const db = await openPglite(); await migrate(db, allMigrationSources());
await db.query(`INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat) VALUES ('bench-pd', 'B', 'police', 'America/New_York', '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', -75.16, 39.95)`);
const b = new SubmissionBatcher(db, deriveTipKeys(randomBytes(32)));
const tip = (i: number) => ({ channel: 'web' as const, category: 'drugs', description: `desc ${i} a car with no plates parks behind the store`, language: 'en', locationText: 'x', lon: -75.1, lat: 39.9 });
for (const n of [1, 8, 32, 32, 100]) {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => b.submit(tip(i), { text: 'AAAA-BBBB-CCCC-DDDD', kind: 'generated' })));
  console.log('batch', n, (performance.now() - t0).toFixed(1), 'ms');
}
// time the individual statements
const t1 = performance.now();
for (let i = 0; i < 50; i++) await db.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
console.log('select last hash x50', (performance.now() - t1).toFixed(1));
const t2 = performance.now();
for (let i = 0; i < 20; i++) await db.transaction(async (tx) => { await tx.query('SELECT 1'); });
console.log('empty tx x20', (performance.now() - t2).toFixed(1));
await db.close();
