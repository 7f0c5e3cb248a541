import { openPglite } from '../src/db/pglite.js';
import { migrate } from '../src/db/migrate.js';
import { allMigrationSources } from '../src/db/sources.js';
import { SubmissionBatcher } from '../src/programs/tips/batch.js';
import { insertTip } from '../src/programs/tips/public-service.js';
import { deriveTipKeys, newTipNumber } from '../src/programs/tips/crypto.js';
import { randomBytes } from 'node:crypto';
const db = await openPglite(); await migrate(db, allMigrationSources());
await db.query(`INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat) VALUES ('bench-pd', 'B', 'police', 'America/New_York', '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', -75.16, 39.95)`);
const b = new SubmissionBatcher(db, deriveTipKeys(randomBytes(32)));
const tip = (i: number) => ({ channel: 'web' as const, category: 'drugs', description: `desc ${i} a car with no plates parks behind the store`, language: 'en', locationText: 'x', lon: -75.1, lat: 39.9 });
for (let round = 0; round < 3; round++) {
  let t0 = performance.now();
  for (let i = 0; i < 200; i++) await db.transaction((tx) => insertTip(tx, { ...tip(i), passphrase: { mac: 'x', kind: 'generated' } }, newTipNumber()));
  console.log('single x200', (performance.now() - t0).toFixed(0), 'ms');
  t0 = performance.now();
  await Promise.all(Array.from({ length: 200 }, (_, i) => b.submit(tip(i), { text: 'AAAA-BBBB-CCCC-DDDD', kind: 'generated' })));
  console.log('batched x200', (performance.now() - t0).toFixed(0), 'ms');
  t0 = performance.now();
  for (let i = 0; i < 200; i++) await b.submit(tip(i), { text: 'AAAA-BBBB-CCCC-DDDD', kind: 'generated' });
  console.log('batcher sequential x200', (performance.now() - t0).toFixed(0), 'ms');
}
await db.close();
