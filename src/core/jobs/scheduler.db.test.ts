import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { startScheduler, type JobDefinition } from './scheduler.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

describe('job scheduler', () => {
  it('runs a due job once per interval, even with two schedulers sharing the database', async () => {
    const runs: Date[] = [];
    const job: JobDefinition = { name: 'test.count', everySeconds: 60, run: async ({ now }) => { runs.push(now); } };
    const a = startScheduler(db, [job], { intervalMs: 0 });
    const b = startScheduler(db, [job], { intervalMs: 0 });
    const t0 = new Date('2026-01-01T00:00:00Z');
    await Promise.all([a.tick(t0), b.tick(t0)]);
    expect(runs).toHaveLength(1);
    await a.tick(new Date('2026-01-01T00:00:59Z'));
    expect(runs).toHaveLength(1);
    await b.tick(new Date('2026-01-01T00:01:00Z'));
    expect(runs).toHaveLength(2);
    await a.stop();
    await b.stop();
  });

  it('records a failure with its message and tries again next interval', async () => {
    let attempts = 0;
    const job: JobDefinition = { name: 'test.flaky', everySeconds: 10, run: async () => { attempts += 1; if (attempts === 1) throw new Error('smtp down'); } };
    const scheduler = startScheduler(db, [job], { intervalMs: 0 });
    await scheduler.tick(new Date('2026-01-01T00:00:00Z'));
    const [failed] = await db.query<{ last_outcome: string; last_error: string }>("SELECT last_outcome, last_error FROM scheduled_jobs WHERE name = 'test.flaky'");
    expect(failed).toEqual({ last_outcome: 'failure', last_error: 'smtp down' });
    expect(await scheduler.tick(new Date('2026-01-01T00:00:10Z'))).toEqual(['test.flaky']);
    await scheduler.stop();
  });
});
