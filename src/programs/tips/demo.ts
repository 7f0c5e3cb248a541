import type { DemoSeedContext } from '../../core/program/define.js';
import { newTipNumber } from './crypto.js';

const DAY = 24 * 60 * 60 * 1000;

interface DemoTip {
  daysAgo: number;
  category: string;
  channel: 'web' | 'sms';
  language: 'en' | 'es';
  description: string;
  place?: [number, number, string];
  state: 'new' | 'assigned' | 'in_progress' | 'closed';
  outcome?: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  unit?: string;
  reply?: string;
  respondedAfterHours?: number;
}

// Invented tips at real Philadelphia street corners; every description starts with "Demo:".
const DEMO_TIPS: DemoTip[] = [
  { daysAgo: 1, category: 'drugs', channel: 'web', language: 'en', description: 'Demo: Hand-to-hand sales every evening from a gray sedan parked outside the corner store.', place: [-75.1335, 39.9946, 'Kensington Ave & E Somerset St'], state: 'new', priority: 'normal' },
  { daysAgo: 2, category: 'shooting', channel: 'sms', language: 'es', description: 'Demo: El muchacho que disparó el sábado se esconde en la casa azul de la esquina.', place: [-75.1505, 40.0073, 'N Broad St & W Allegheny Ave'], state: 'assigned', priority: 'urgent', unit: 'homicide', respondedAfterHours: 1 },
  { daysAgo: 4, category: 'vehicle', channel: 'web', language: 'en', description: 'Demo: A stolen white van with a ladder rack has been parked for three days, plates removed.', place: [-75.2289, 39.9524, 'Baltimore Ave & S 52nd St'], state: 'in_progress', unit: 'patrol', reply: 'Thank you. Can you tell us whether anyone comes back to the van, and when?', respondedAfterHours: 5 },
  { daysAgo: 9, category: 'gang', channel: 'web', language: 'en', description: 'Demo: Group posting threats on social media about a fight planned after the Friday game.', place: [-75.1652, 39.9526, 'City Hall area'], state: 'in_progress', priority: 'high', unit: 'gangs', respondedAfterHours: 2 },
  { daysAgo: 15, category: 'burglary', channel: 'web', language: 'es', description: 'Demo: Vi a dos hombres sacar herramientas de un garaje en la madrugada; usaban una camioneta roja.', place: [-75.0735, 40.0428, 'Frankford Ave & Cottman Ave'], state: 'closed', outcome: 'useful', respondedAfterHours: 20 },
  { daysAgo: 22, category: 'robbery', channel: 'web', language: 'en', description: 'Demo: The man who robbed the pharmacy last week sells the stolen phones at the flea market on Sundays.', place: [-75.1589, 39.9402, 'South St & S 11th St'], state: 'closed', outcome: 'arrest', unit: 'robbery', respondedAfterHours: 3 },
  { daysAgo: 30, category: 'fraud', channel: 'sms', language: 'en', description: 'Demo: Someone calls older neighbors pretending to be from the water department and asks for card numbers.', state: 'closed', outcome: 'forwarded', respondedAfterHours: 30 },
  { daysAgo: 38, category: 'other', channel: 'web', language: 'en', description: 'Demo: Test test test, just checking the form works.', state: 'closed', outcome: 'prank', priority: 'low', respondedAfterHours: 48 },
  { daysAgo: 47, category: 'wanted', channel: 'web', language: 'en', description: 'Demo: The man on the wanted poster at the rec center is staying with his cousin on this block.', place: [-75.1843, 39.9794, 'W Girard Ave & N 29th St'], state: 'closed', outcome: 'arrest', unit: 'fugitive', respondedAfterHours: 6 },
  { daysAgo: 60, category: 'drugs', channel: 'web', language: 'es', description: 'Demo: Venden pastillas detrás de la lavandería todas las tardes.', place: [-75.1296, 40.0021, 'Kensington Ave & E Allegheny Ave'], state: 'closed', outcome: 'insufficient', unit: 'narcotics', respondedAfterHours: 12 },
];

/** Tips for the demo console: every state, both channels, both languages; flagged is_demo and marked "Demo:". */
export async function seedDemoTips({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  // Idempotent: an interrupted demo load runs this again.
  if ((await db.query('SELECT 1 FROM tips WHERE is_demo AND agency_id = $1 LIMIT 1', [agencyId])).length > 0) return;
  const handler = users['demo.tips'] ?? null;
  const now = Date.now();
  for (const tip of DEMO_TIPS) {
    const created = new Date(now - tip.daysAgo * DAY);
    const responded = tip.respondedAfterHours === undefined ? null : new Date(created.getTime() + tip.respondedAfterHours * 3_600_000);
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO tips (agency_id, number, channel, category, description, location_text, lon, lat, language, state, outcome, priority,
                           assigned_to, primary_unit_id, first_response_at, closed_at, is_demo, is_prank, created_at, updated_at, last_tipster_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,(SELECT id FROM tip_units WHERE agency_id IS NULL AND code = $14),$15,$16,true,$17,$18,$18,$18)
         RETURNING id`,
        [agencyId, newTipNumber(), tip.channel, tip.category, tip.description, tip.place?.[2] ?? null, tip.place?.[0] ?? null, tip.place?.[1] ?? null,
          tip.language, tip.state, tip.outcome ?? null, tip.priority ?? 'normal', tip.state === 'new' ? null : handler, tip.unit ?? null,
          responded, tip.state === 'closed' ? responded : null, tip.outcome === 'prank', created]);
      await tx.query(
        `INSERT INTO tip_timeline (tip_id, at, kind, author, visible_to_tipster, data) VALUES ($1, $2, 'submitted', 'tipster', true, $3)`,
        [row.id, created, JSON.stringify({ channel: tip.channel })]);
      if (tip.state !== 'new') {
        await tx.query(
          `INSERT INTO tip_timeline (tip_id, at, kind, author, user_id, data) VALUES ($1, $2, 'state', 'staff', $3, $4)`,
          [row.id, responded ?? created, handler, JSON.stringify({ from: 'new', to: tip.state, outcome: tip.outcome ?? null })]);
      }
      if (tip.reply) {
        await tx.query(
          `INSERT INTO tip_timeline (tip_id, at, kind, author, user_id, body, data, visible_to_tipster) VALUES ($1, $2, 'message_out', 'staff', $3, $4, $5, true)`,
          [row.id, responded ?? created, handler, tip.reply, JSON.stringify({ question: true })]);
      }
    });
  }
}
