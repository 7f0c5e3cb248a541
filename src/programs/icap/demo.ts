import type { DemoSeedContext } from '../../core/program/define.js';
import { generateBriefing } from './briefing/build.js';
import { ensureProfile } from './near-repeat.js';

/**
 * The demo's I-CAP content: the near-repeat pattern of Philadelphia's real shootings, and one briefing as of
 * the day after the last shooting in the demo data (a briefing as of today would find no recent shootings).
 * It is stored as a demo briefing and says so on every page.
 */
export async function seedDemoIcap({ db, agencies }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM icap_briefings WHERE agency_id = $1 AND is_demo LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  await ensureProfile(db, agencyId);
  const [newest] = await db.query<{ at: Date | null }>('SELECT max(occurred_at) AS at FROM incidents WHERE agency_id = $1', [agencyId]);
  if (!newest.at) return;
  const asOf = new Date(newest.at.getTime() + 86_400_000);
  await generateBriefing(db, agencyId, asOf, 'demo', { label: 'demo-loader', agencyId });
}
