/** The tips figures on the results page: received, resolved (closed with any outcome), arrests, rewards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency } from '../../testing/fixtures.js';
import { tipStats } from './stats.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

describe('tips statistics', () => {
  it('counts tips resolved in the last year, whatever their outcome, next to those received', async () => {
    const agencyId = await insertAgency(db);
    const tip = (n: number, state: string, outcome: string | null, closedDaysAgo: number | null, createdDaysAgo = 30) => db.query(
      `INSERT INTO tips (agency_id, number, channel, category, description, state, outcome, closed_at, created_at)
       VALUES ($1, $2, 'web', 'homicide', 'test tip', $3, $4, now() - make_interval(days => $5), now() - make_interval(days => $6))`,
      [agencyId, `TSTAT${process.pid}${n}`, state, outcome, closedDaysAgo, createdDaysAgo]);
    await tip(1, 'new', null, null);
    await tip(2, 'in_progress', null, null);
    await tip(3, 'closed', 'arrest', 5);
    await tip(4, 'closed', null, 10);
    await tip(5, 'closed', null, 400, 420); // closed more than a year ago: neither received nor resolved this year
    const stats = Object.fromEntries((await tipStats(db)).map((s) => [s.key, s]));
    expect(Object.keys(stats)).toEqual(['received', 'resolved', 'arrests', 'rewards']);
    expect(stats.received.value).toBe(4);
    expect(stats.resolved.value).toBe(2);
    expect(stats.arrests.value).toBe(1);
    expect(stats.resolved.label.es).toContain('resueltas');
  });
});
