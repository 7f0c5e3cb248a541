/**
 * The load generator of bench/tips-load.ts, run as its own process so it does not share the server's event
 * loop. Loopback only, bounded in count and in time. Reads a JSON job from argv[2], prints a JSON result.
 */
import http from 'node:http';

export interface LoadJob {
  /** http://127.0.0.1:PORT */
  base: string;
  scenario: 'hello' | 'submit' | 'follow-up';
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
  /**
   * Open loop: start requests at this many per second whatever the answers (latency then counts from the planned
   * start, so a server falling behind shows in p99). Absent: closed loop with `concurrency` clients.
   */
  rate?: number;
  /** follow-up: tip numbers and passphrases to open. */
  credentials?: Array<{ tipNumber: string; passphrase: string }>;
}

export interface LoadResult {
  scenario: LoadJob['scenario'];
  requests: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Latencies in ms, per kind of request. */
  latency: Record<string, { count: number; p50: number; p99: number; max: number }>;
  /** submit: receipts of accepted tips (for the follow-up run and the count against the database). */
  accepted: Array<{ tipNumber: string; passphrase: string }>;
}

const job = JSON.parse(process.argv[2]) as LoadJob;
if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(job.base)) throw new Error('The load generator only targets loopback addresses');
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = http.request(`${job.base}${path}`, {
      method, agent,
      headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(payload);
  });
}

const latencies: Record<string, number[]> = {};
const statuses: Record<string, number> = {};
const accepted: LoadResult['accepted'] = [];
let issued = 0;
let completed = 0;

async function timed(kind: string, call: () => Promise<{ status: number; body: string }>, plannedStart?: number) {
  const start = plannedStart ?? performance.now();
  const answer = await call();
  (latencies[kind] ??= []).push(performance.now() - start);
  statuses[`${kind} ${answer.status}`] = (statuses[`${kind} ${answer.status}`] ?? 0) + 1;
  completed += 1;
  return answer;
}

const categories = ['drugs', 'shooting', 'gang', 'burglary', 'vehicle', 'other'];

async function operation(n: number, plannedStart?: number): Promise<void> {
  if (job.scenario === 'hello') {
    await timed('hello', () => send('GET', '/'), plannedStart);
  } else if (job.scenario === 'submit') {
    const answer = await timed('submit', () => send('POST', '/api/programs/tips/public/tips', {
      category: categories[n % categories.length], language: n % 3 === 0 ? 'es' : 'en',
      description: `Load test tip ${n}: a car with no plates parks behind the store every night around midnight.`,
      location: { text: '100 block of Test St', lon: -75.16 + (n % 100) / 1000, lat: 39.95 + (n % 50) / 1000 },
    }), plannedStart);
    if (answer.status === 201) {
      const receipt = JSON.parse(answer.body) as { tipNumber: string; passphrase: string };
      accepted.push({ tipNumber: receipt.tipNumber, passphrase: receipt.passphrase });
    }
  } else {
    const credential = job.credentials![n % job.credentials!.length];
    const opened = await timed('access', () => send('POST', '/api/programs/tips/public/access', credential), plannedStart);
    if (opened.status !== 200) return;
    const { accessToken } = JSON.parse(opened.body) as { accessToken: string };
    await timed('message', () => send('POST', '/api/programs/tips/public/tip/messages', { body: `More information ${n}`, kind: 'info' }, { authorization: `Bearer ${accessToken}` }));
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 100) / 100;

const started = performance.now();
const deadline = started + job.maxSeconds * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
if (job.rate) {
  const interval = 1000 / job.rate;
  const inflight = new Set<Promise<void>>();
  for (let n = 1; n <= job.maxRequests && performance.now() < deadline; n += 1) {
    const planned = started + (n - 1) * interval;
    const early = planned - performance.now();
    if (early > 1) await sleep(early);
    const running: Promise<void> = operation(n, planned).finally(() => inflight.delete(running));
    inflight.add(running);
  }
  await Promise.all(inflight);
} else {
  await Promise.all(Array.from({ length: job.concurrency }, async () => {
    while (issued < job.maxRequests && performance.now() < deadline) {
      issued += 1;
      await operation(issued);
    }
  }));
}
const seconds = (performance.now() - started) / 1000;
agent.destroy();

const result: LoadResult = {
  scenario: job.scenario, requests: completed, seconds: round(seconds), statuses, accepted,
  latency: Object.fromEntries(Object.entries(latencies).map(([kind, values]) => {
    const sorted = values.sort((a, b) => a - b);
    return [kind, { count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) }];
  })),
};
process.stdout.write(JSON.stringify(result));
