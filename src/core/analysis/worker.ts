/**
 * Body of an analysis worker thread: executes each task it is sent and answers with the result or the
 * failure. Started through worker-bootstrap.mjs, which registers tsx first.
 */
import { parentPort } from 'node:worker_threads';
import { describeFailure, executeTask, type AnalysisTask } from './tasks.js';

export interface WorkerRequest {
  id: number;
  task: AnalysisTask;
}

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ReturnType<typeof describeFailure> };

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread (see pool.ts)');
port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: executeTask(request.task) };
  } catch (error) {
    response = { id: request.id, ok: false, error: describeFailure(error) };
  }
  port.postMessage(response);
});
