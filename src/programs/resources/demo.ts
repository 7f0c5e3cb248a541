import type { DemoSeedContext } from '../../core/program/define.js';
import { insertService } from './directory.js';
import { DEMO_SERVICES } from './demo-directory.js';

const DAY = 86_400_000;

/** The demo directory and a few months of referrals with their take-up, all flagged is_demo. Idempotent. */
export async function seedDemoResources({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM resource_services WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  const areas = new Map((await db.query<{ id: number; name: string }>(
    "SELECT id, name FROM areas WHERE agency_id = $1 AND kind = 'neighborhood'", [agencyId])).map((a) => [a.name, a.id]));
  await db.transaction(async (tx) => {
    const ids: Array<{ id: number; needs: string[] }> = [];
    for (const service of DEMO_SERVICES) {
      const areaIds = (service.neighborhoods ?? []).map((name) => areas.get(name)).filter((id): id is number => id !== undefined);
      const id = await insertService(tx, agencyId, {
        ...service, organisation: service.organisation ?? '', citywide: areaIds.length === 0, areaIds, active: true,
        available24h: service.available24h ?? false, confidentialLocation: service.confidentialLocation ?? false,
      }, true);
      ids.push({ id, needs: service.needs });
    }
    // Referrals by the demo officer and the partner caseworker; older ones mostly have a known outcome.
    const referrers = [users['demo.officer'], users['demo.volunteers']].filter((u): u is number => u !== undefined);
    for (let n = 0; n < 48; n++) {
      const service = ids[(n * 7) % ids.length];
      const daysAgo = 3 + n * 4;
      const takenUp = daysAgo < 14 ? 'unknown' : n % 3 === 0 ? 'no' : 'yes';
      await tx.query(
        `INSERT INTO resource_referrals (agency_id, service_id, need, referred_on, taken_up, case_ref, is_demo, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,true,$7)`,
        [agencyId, service.id, service.needs[n % service.needs.length], new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10), takenUp,
          n % 4 === 0 ? `DEMO-${2400 + n}` : null, referrers[n % Math.max(1, referrers.length)] ?? null]);
    }
  });
}
