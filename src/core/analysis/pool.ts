/**
 * A small pool of analysis worker threads, so a KDE, a Knox test or a backtest never blocks the server's
 * event loop. Tasks queue when every worker is busy; each has a time limit and can be cancelled (the
 * client went away). A stopped task's worker is terminated — JavaScript cannot interrupt a running loop
 * any other way — and a fresh one starts for the next task.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { executeTask, describeFailure, type TaskKind, type TaskOf, type TaskResults } from './tasks.js';
import type { WorkerRequest, WorkerResponse } from './worker.js';

export interface RunOptions {
  signal?: AbortSignal;
  /** Milliseconds before the task is stopped (default: the pool's). */
  timeoutMs?: number;
}

/** Something that runs analysis tasks: the worker pool, or the calling thread (InlineRunner). */
export interface TaskRunner {
  run<K extends TaskKind>(task: TaskOf<K>, options?: RunOptions): Promise<TaskResults[K]>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Worker threads (default: one less than the cores, at least one, so the event loop keeps a core). */
  size?: number;
  /** Tasks waiting beyond this are refused with 503 (default 32). */
  maxQueue?: number;
  /** Default time limit (default 120 s). */
  timeoutMs?: number;
}

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

const WORKER_URL = new URL('./worker-bootstrap.mjs', import.meta.url);

interface Job {
  id: number;
  task: TaskOf<TaskKind>;
  options: RunOptions;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  cleanup?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const timedOut = (ms: number) => new AppError(503, 'analysis_timeout', `The analysis did not finish within ${Math.round(ms / 1000)} s and was stopped; narrow the date range or the area, use larger cells or fewer iterations.`);
export const cancelled = () => new AppError(499, 'cancelled', 'The analysis was cancelled.');

export class WorkerPool implements TaskRunner {
  readonly size: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.maxQueue = options.maxQueue ?? 32;
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  run<K extends TaskKind>(task: TaskOf<K>, options: RunOptions = {}): Promise<TaskResults[K]> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (options.signal?.aborted) return Promise.reject(cancelled());
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new AppError(503, 'busy', 'The analysis server is busy; try again in a minute.'));
    }
    return new Promise<TaskResults[K]>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task: task as TaskOf<TaskKind>, options, resolve: resolve as (v: unknown) => void, reject };
      if (options.signal) {
        const onAbort = () => this.stop(job, cancelled());
        options.signal.addEventListener('abort', onAbort, { once: true });
        job.cleanup = () => options.signal!.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * Starts every worker now instead of at the first task, so the first analysis a user asks for does not pay
   * for loading the engine in a new thread (about a second on a 2-core machine).
   */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Terminates every worker; queued tasks are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the analysis pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => {
      slot.job?.reject(new Error('the analysis pool closed'));
      return slot.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL);
    const slot: Slot = { worker, job: null };
    worker.on('message', (message: WorkerResponse) => {
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.finish(slot, job);
      if (message.ok) job.resolve(message.result);
      else job.reject(message.error.status < 500 ? new AppError(message.error.status, message.error.code, message.error.message) : new Error(message.error.message));
    });
    worker.on('error', (error) => {
      const job = slot.job;
      slot.job = null;
      this.remove(slot);
      if (job) {
        job.cleanup?.();
        job.reject(error);
      }
      this.dispatch();
    });
    worker.on('exit', (code) => {
      // A worker that dies mid-task (out of memory, say) without an 'error' event must not leave its task hanging.
      const job = slot.job;
      this.remove(slot);
      if (job) {
        slot.job = null;
        job.cleanup?.();
        job.reject(new Error(`the analysis worker stopped unexpectedly (exit code ${code})`));
        this.dispatch();
      }
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref(); // a running task keeps a CLI process alive; an idle worker does not
    const limit = job.options.timeoutMs ?? this.timeoutMs;
    const timer = setTimeout(() => this.stop(job, timedOut(limit)), limit);
    const cleanup = job.cleanup;
    job.cleanup = () => {
      clearTimeout(timer);
      cleanup?.();
    };
    slot.worker.postMessage({ id: job.id, task: job.task } satisfies WorkerRequest);
  }

  private finish(slot: Slot, job: Job): void {
    job.cleanup?.();
    slot.job = null;
    slot.worker.unref();
    queueMicrotask(() => this.dispatch());
  }

  /** Stops a job: out of the queue if it waits, else its worker is terminated. */
  private stop(job: Job, reason: AppError): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.cleanup?.();
      job.reject(reason);
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return;
    job.cleanup?.();
    slot.job = null;
    this.remove(slot);
    void slot.worker.terminate();
    job.reject(reason);
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
  }
}

/**
 * Runs tasks on the calling thread: for tests of the pieces and for work too small to be worth a thread.
 * Failures look exactly as they do from the pool.
 */
export class InlineRunner implements TaskRunner {
  async run<K extends TaskKind>(task: TaskOf<K>, options: RunOptions = {}): Promise<TaskResults[K]> {
    if (options.signal?.aborted) throw cancelled();
    try {
      return executeTask(task);
    } catch (error) {
      const failure = describeFailure(error);
      throw failure.status < 500 ? new AppError(failure.status, failure.code, failure.message) : error;
    }
  }

  async close(): Promise<void> {}
}
