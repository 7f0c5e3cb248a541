/**
 * The worker pool under vitest (the worker bootstrap registers tsx itself): results equal the calling
 * thread's, failures keep their status, and time limits, cancellation and the queue limit work.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../analytics/index.js';
import { InlineRunner, WorkerPool } from './pool.js';
import type { TaskOf } from './tasks.js';

function randomEvents(n: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.next() * 2000;
    y[i] = rng.next() * 2000;
    t[i] = Math.floor(rng.next() * 365);
  }
  return { x, y, t };
}

const knox = (iterations: number, n = 400): TaskOf<'knox'> => ({
  kind: 'knox', events: randomEvents(n, 5),
  options: { spatialBandwidth: 100, spatialBands: 3, temporalBandwidth: 2, temporalBands: 2, iterations, seed: 3 },
});

const pool = new WorkerPool({ size: 1, maxQueue: 2, timeoutMs: 60_000 });
afterAll(() => pool.close());

describe('WorkerPool', () => {
  it('answers exactly what the calling thread computes', async () => {
    const [inWorker, inline] = await Promise.all([pool.run(knox(19)), new InlineRunner().run(knox(19))]);
    expect(inWorker).toEqual(inline);
  });

  it("keeps the engine's refusals as 400 errors", async () => {
    const bad: TaskOf<'knox'> = { ...knox(1), options: { ...knox(1).options, spatialBands: 0 } };
    await expect(pool.run(bad)).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('at least one band') });
  });

  it('stops a task past its time limit and carries on with a fresh worker', async () => {
    await expect(pool.run(knox(100_000, 3000), { timeoutMs: 200 })).rejects.toMatchObject({ statusCode: 503, code: 'analysis_timeout' });
    const after = await pool.run(knox(3));
    expect(after.iterations).toBe(3);
  });

  it('cancels running and queued tasks, and refuses work beyond the queue', async () => {
    const controller = new AbortController();
    const running = pool.run(knox(100_000, 3000), { signal: controller.signal });
    const queued = pool.run(knox(100_000, 3000), { signal: controller.signal });
    const third = pool.run(knox(1));
    await expect(pool.run(knox(1))).rejects.toMatchObject({ statusCode: 503, code: 'busy' });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect(queued).rejects.toMatchObject({ code: 'cancelled' });
    expect((await third).iterations).toBe(1);
  });
});
