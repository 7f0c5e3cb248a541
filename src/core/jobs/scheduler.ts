import type { Db } from '../../db/types.js';

/** A recurring job: programs declare them in their manifest (`jobs`), core runs them. */
export interface JobDefinition {
  /** Unique, e.g. 'events.reminders' (prefix with the program id). */
  name: string;
  /** Interval between runs in seconds. */
  everySeconds: number;
  /** Receives the database and the planned run time; throw to record a failure (retried next interval). */
  run: (ctx: { db: Db; now: Date }) => Promise<void>;
}

export interface SchedulerHandle {
  /** Runs every due job once now (also what the timer calls); resolves when they finished. */
  tick(now?: Date): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * A small database-backed scheduler: each job has a row with its next run time; a tick claims due jobs with
 * an atomic UPDATE … RETURNING (so several server processes can share one PostgreSQL) and runs them in turn.
 * Chosen over a queue library because the jobs here are few, periodic and idempotent, and it runs the same
 * on PGlite and PostgreSQL.
 */
export function startScheduler(db: Db, jobs: readonly JobDefinition[], options: { intervalMs?: number; log?: (line: string) => void } = {}): SchedulerHandle {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  let running: Promise<string[]> | null = null;
  let stopped = false;

  async function ensureRows(now: Date) {
    for (const job of jobs) {
      await db.query('INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [job.name, now]);
    }
  }

  async function runDue(now: Date): Promise<string[]> {
    await ensureRows(now);
    const ran: string[] = [];
    for (const job of jobs) {
      const claimed = await db.query<{ name: string }>(
        `UPDATE scheduled_jobs SET next_run_at = $2::timestamptz + make_interval(secs => $3), last_started_at = $2
          WHERE name = $1 AND next_run_at <= $2 RETURNING name`,
        [job.name, now, job.everySeconds],
      );
      if (claimed.length === 0) continue;
      try {
        await byName.get(job.name)!.run({ db, now });
        await db.query("UPDATE scheduled_jobs SET last_finished_at = now(), last_outcome = 'success', last_error = NULL WHERE name = $1", [job.name]);
        ran.push(job.name);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.log?.(`job ${job.name} failed: ${message}`);
        await db.query("UPDATE scheduled_jobs SET last_finished_at = now(), last_outcome = 'failure', last_error = $2 WHERE name = $1", [job.name, message.slice(0, 2000)]);
      }
    }
    return ran;
  }

  const tick = (now = new Date()) => {
    if (!running) running = runDue(now).finally(() => { running = null; });
    return running;
  };
  const timer = options.intervalMs === 0 ? null : setInterval(() => { if (!stopped) void tick(); }, options.intervalMs ?? 30_000);
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
