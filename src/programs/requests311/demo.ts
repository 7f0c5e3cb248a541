import type { DemoSeedContext } from '../../core/program/define.js';

const DAY = 24 * 60 * 60 * 1000;

// Invented reports at real Philadelphia places, marked "Demo:".
const REQUESTS: Array<[string, number, number, string, string, number, 'open' | 'closed']> = [
  ['graffiti', 39.9712, -75.1340, 'Front St & Girard Ave', 'Demo: New tags on the rail bridge abutment.', 1, 'open'],
  ['streetlight', 39.9946, -75.1335, 'Kensington Ave & E Somerset St', 'Demo: Two lights out on the north side of the block.', 2, 'open'],
  ['abandoned_vehicle', 39.9524, -75.2289, 'Baltimore Ave & S 52nd St', 'Demo: Silver minivan with flat tires, three weeks.', 6, 'closed'],
  ['illegal_dumping', 40.0073, -75.1505, 'N Broad St & W Allegheny Ave', 'Demo: Tires and a mattress in the lot behind the church.', 9, 'open'],
];

export async function seedDemoRequests({ db, agencies }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  if ((await db.query('SELECT 1 FROM open311_requests WHERE is_demo LIMIT 1')).length > 0) return;
  for (const [service, lat, lon, address, description, daysAgo, status] of REQUESTS) {
    await db.query(
      `INSERT INTO open311_requests (agency_id, service_code, description, lat, lon, address, status, status_notes, requested_at, updated_at, is_demo)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9,true)`,
      [agencyId, service, description, lat, lon, address, status, status === 'closed' ? 'Demo: Towed by the parking authority.' : null, new Date(Date.now() - daysAgo * DAY)]);
  }
}
