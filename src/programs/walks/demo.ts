/**
 * Demo walks, every one flagged is_demo with a note saying what is real and what is made up. The demo's
 * shootings end in August 2023, so the rule (which only opens walks still due) opens none of them. Instead:
 * - completed walks after real shootings of May–July 2023, done 3–9 days later, with made-up door visits,
 *   so impact (the real incidents before and after) and the command figures have something to show;
 * - three walks for the newest real shootings, re-dated to be due now, to plan and work in the field.
 */
import type { DemoSeedContext } from '../../core/program/define.js';
import type { Db } from '../../db/types.js';
import { createRng, type Rng } from '../../analytics/index.js';
import { CONCERNS, RESOURCES, concernByCode } from './codes.js';
import { openDemoWalk } from './open.js';
import { saveRules, DEFAULT_RULES } from './rules.js';

const DAY = 86_400_000;
const HISTORY_FROM = '2023-05-01';
const HISTORY_TO = '2023-07-20';
const COMPLETED_WALKS = 16;
const CURRENT_WALKS = 3;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];

export async function seedDemoWalks({ db, agencies, users }: DemoSeedContext): Promise<void> {
  const agencyId = agencies['philadelphia-pd'];
  if (!agencyId) return;
  const seeded = await db.query('SELECT 1 FROM walks WHERE agency_id = $1 AND is_demo LIMIT 1', [agencyId]);
  if (seeded.length > 0) return;
  await saveRules(db, agencyId, { ...DEFAULT_RULES, tipLine: { phone: '215-686-8477 (215-686-TIPS)' } }, null);
  const officer = users['demo.officer'] ?? null;
  const rng = createRng(2023);

  // Distinct blocks, the shootings with most victims first: the walks a department would surely have done.
  const history = await db.query<{ id: number; occurred_at: Date }>(
    `SELECT DISTINCT ON (hundred_block) id, occurred_at, victim_count FROM incidents
      WHERE agency_id = $1 AND category IN ('homicide', 'shooting') AND occurred_at >= $2 AND occurred_at < $3 AND hundred_block IS NOT NULL
      ORDER BY hundred_block, victim_count DESC NULLS LAST, occurred_at DESC`, [agencyId, HISTORY_FROM, HISTORY_TO]);
  history.sort((a, b) => Number(a.id) % 97 - Number(b.id) % 97);
  for (const [k, incident] of history.slice(0, COMPLETED_WALKS).entries()) {
    const walkId = await openDemoWalk(db, agencyId, Number(incident.id), {
      note: 'Demo: the shooting is real (public data); the walk, its team and every door visit are made up.',
    });
    if (!walkId) continue;
    // Most walks on day 3–6; every fifth one late (day 9), so the on-time rate is not a flat 100%.
    const day = k % 5 === 4 ? 9 : 3 + (k % 4);
    const done = new Date(incident.occurred_at.getTime() + day * DAY);
    done.setUTCHours(15, 0, 0, 0);
    await completeDemoWalk(db, agencyId, walkId, done, officer, rng);
  }

  // The last week of the data: walks done then, so the demo briefing (as of the day after) has walks done.
  const lastWeek = await db.query<{ id: number; occurred_at: Date }>(
    `SELECT id, occurred_at FROM incidents WHERE agency_id = $1 AND category IN ('homicide', 'shooting') AND hundred_block IS NOT NULL
        AND occurred_at >= (SELECT max(occurred_at) FROM incidents WHERE agency_id = $1) - interval '10 days'
        AND occurred_at < (SELECT max(occurred_at) FROM incidents WHERE agency_id = $1) - interval '6 days'
      ORDER BY victim_count DESC NULLS LAST, id LIMIT 4`, [agencyId]);
  for (const incident of lastWeek) {
    const walkId = await openDemoWalk(db, agencyId, Number(incident.id), {
      note: 'Demo: the shooting is real (public data); the walk, its team and every door visit are made up.',
    });
    if (walkId) await completeDemoWalk(db, agencyId, walkId, new Date(incident.occurred_at.getTime() + 4 * DAY), officer, rng);
  }

  const newest = await db.query<{ id: number; occurred_at: Date }>(
    `SELECT id, occurred_at FROM incidents WHERE agency_id = $1 AND category IN ('homicide', 'shooting') AND hundred_block IS NOT NULL
      ORDER BY occurred_at DESC, id DESC LIMIT $2`, [agencyId, CURRENT_WALKS]);
  const today = new Date();
  for (const [k, incident] of newest.entries()) {
    const day = incident.occurred_at.toISOString().slice(0, 10);
    const walkId = await openDemoWalk(db, agencyId, Number(incident.id), {
      note: `Demo: the shooting is real and happened on ${day}; this walk is re-dated to be due now so the demo has walks to plan.`,
      dueFrom: new Date(today.getTime() + (k - 1) * DAY), dueTo: new Date(today.getTime() + (k + 3) * DAY),
    });
    if (walkId && k === 0) await planDemoWalk(db, walkId, new Date(today.getTime() + DAY), officer);
  }
}

async function planDemoWalk(db: Db, walkId: number, when: Date, officer: number | null) {
  when.setUTCHours(22, 0, 0, 0); // 6 pm in Philadelphia
  await db.query("UPDATE walks SET status = 'planned', scheduled_for = $2, meeting_point = 'Demo: the corner store at the end of the block' WHERE id = $1", [walkId, when]);
  await insertDemoTeam(db, walkId, officer);
  await db.query("INSERT INTO walk_events (walk_id, kind, details) VALUES ($1, 'planned', '{\"demo\":true}')", [walkId]);
}

async function insertDemoTeam(db: Db, walkId: number, officer: number | null) {
  const team: Array<[number | null, string, string, string | null]> = [
    [officer, 'Demo Community Officer', 'officer', null],
    [null, 'Demo Chaplain Ruth Alvarez', 'chaplain', 'Demo faith partners'],
    [null, 'Demo CSO Marcus Lee', 'cso', null],
    [null, 'Demo volunteer Dana Kim', 'partner', 'Philadelphia CeaseFire outreach (demo partner)'],
  ];
  for (const [userId, name, role, organisation] of team) {
    await db.query('INSERT INTO walk_team (walk_id, user_id, name, role, organisation) VALUES ($1,$2,$3,$4,$5)', [walkId, userId, name, role, organisation]);
  }
}

/** A completed walk with 15–35 made-up doors, a few concerns turned into tasks. */
async function completeDemoWalk(db: Db, agencyId: number, walkId: number, done: Date, officer: number | null, rng: Rng) {
  await insertDemoTeam(db, walkId, officer);
  // As if opened by the rule right after the shooting, so the timeline reads in order.
  await db.query(`UPDATE walk_events SET at = (SELECT i.occurred_at + interval '10 minutes' FROM walks w JOIN incidents i ON i.id = w.incident_id WHERE w.id = $1)
    WHERE walk_id = $1 AND kind = 'opened'`, [walkId]);
  const [{ title }] = await db.query<{ title: string }>('SELECT title FROM walks WHERE id = $1', [walkId]);
  const started = new Date(done.getTime() - 2 * 3_600_000);
  await db.query("UPDATE walks SET status = 'completed', scheduled_for = $2, started_at = $2, completed_at = $3 WHERE id = $1", [walkId, started, done]);
  await db.query("INSERT INTO walk_events (walk_id, at, kind, details) VALUES ($1, $2, 'status', $3)",
    [walkId, done, JSON.stringify({ statusFrom: 'in_progress', statusTo: 'completed', note: 'Demo walk' })]);
  const doors = 15 + Math.floor(rng.next() * 21);
  for (let d = 0; d < doors; d++) {
    const roll = rng.next();
    const outcome = roll < 0.45 ? 'conversation' : roll < 0.75 ? 'no_answer' : roll < 0.9 ? 'left_material' : 'declined';
    const talked = outcome === 'conversation';
    const concerns = talked && rng.next() < 0.5 ? [pick(rng, CONCERNS).code] : [];
    const resources = talked ? [pick(rng, RESOURCES).code, 'tip_line'].filter((c, i, all) => all.indexOf(c) === i) : outcome === 'left_material' ? ['tip_line'] : [];
    const watch = talked && rng.next() < 0.12;
    const tip = talked && rng.next() < 0.05 ? 'Demo tip: a neighbor says the same grey car has been circling the block at night.' : null;
    const visitedAt = new Date(started.getTime() + (d / doors) * 2 * 3_600_000);
    const [visit] = await db.query<{ id: string }>(
      `INSERT INTO walk_visits (id, walk_id, agency_id, visited_at, block, outcome, concerns, resources, wants_watch, consent, contact_name, contact_phone, tip_text, recorded_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $12, $4, $5, $6, $7, $7, $8, $9, $10, $11) RETURNING id`,
      [walkId, agencyId, visitedAt, outcome, concerns, resources, watch, watch ? `Demo resident ${walkId}-${d}` : null, watch ? '555-0100' : null, tip, officer, title]);
    for (const code of concerns) {
      const concern = concernByCode(code)!;
      const due = new Date(done.getTime() + concern.dueDays * DAY).toISOString().slice(0, 10);
      const finished = rng.next() < 0.7;
      await db.query(
        `INSERT INTO walk_tasks (walk_id, agency_id, visit_id, concern, description, owner_name, due_on, status, completed_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [walkId, agencyId, visit.id, code, `Demo: follow up "${concern.label.en}" raised at the door`, concern.owner, due,
          finished ? 'done' : 'open', finished ? new Date(done.getTime() + 2 * DAY) : null]);
    }
  }
}
