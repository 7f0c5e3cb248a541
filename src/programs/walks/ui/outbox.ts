/**
 * The phone's outbox for door visits. Every visit is written to localStorage first (with a UUID made here),
 * then sent; it leaves the outbox only when the server says it is stored. A flaky connection, a closed tab
 * or a lost answer therefore loses nothing, and sending the same visit twice stores it once (the UUID is the
 * server's idempotency key). Tips taken at a door are then handed to the tips program, when it is installed,
 * through its public intake; the number it gives back is recorded on the visit.
 */
import { ApiError, request } from '../../../web/api/client.js';
import { walksApi, type Visit } from './api.js';

export interface OutboxState {
  pending: number;
  sentThisSession: number;
  syncing: boolean;
  /** 'offline' while the server cannot be reached; 'signed-out' after a 401; otherwise the server's message. */
  problem: 'offline' | 'signed-out' | string | null;
}

interface TipHandover { visitId: string; description: string; language: 'en' | 'es'; lon: number; lat: number }

/** A v4 UUID from getRandomValues, which (unlike randomUUID) also works on plain-http origins. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const read = <T>(key: string): T[] => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
  } catch {
    return [];
  }
};
const write = (key: string, items: unknown[]) => localStorage.setItem(key, JSON.stringify(items));

export class Outbox {
  private readonly visitsKey: string;
  private readonly tipsKey: string;
  private readonly listeners = new Set<() => void>();
  private state: OutboxState;
  private running: Promise<void> | null = null;

  constructor(private readonly walk: { id: number; title: string; lon: number; lat: number }) {
    this.visitsKey = `bridges.walks.outbox.${walk.id}`;
    this.tipsKey = `bridges.walks.tips.${walk.id}`;
    this.state = { pending: read<Visit>(this.visitsKey).length, sentThisSession: 0, syncing: false, problem: null };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = () => this.state;
  private set(patch: Partial<OutboxState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** The visits kept on the device and not yet stored by the server, oldest first. */
  waiting(): Visit[] {
    return read<Visit>(this.visitsKey);
  }

  /** Keeps the visit on the device, then tries to send everything waiting. */
  add(visit: Visit): Promise<void> {
    write(this.visitsKey, [...read<Visit>(this.visitsKey), visit]);
    this.set({ pending: read<Visit>(this.visitsKey).length });
    return this.flush();
  }

  /** Sends what is waiting; one run at a time. */
  flush(): Promise<void> {
    this.running ??= this.run().finally(() => { this.running = null; });
    return this.running;
  }

  private async run() {
    const waiting = read<Visit>(this.visitsKey);
    if (waiting.length === 0 && read<TipHandover>(this.tipsKey).length === 0) return;
    this.set({ syncing: true });
    try {
      if (waiting.length > 0) {
        const batch = waiting.slice(0, 200);
        const { stored, tipsToHandOver } = await walksApi.sendVisits(this.walk.id, batch);
        const done = new Set(stored);
        // Re-read: visits added while the request was out stay queued.
        write(this.visitsKey, read<Visit>(this.visitsKey).filter((v) => !done.has(v.id)));
        // Only the tips the server has not seen handed over, and each once in the local queue.
        const queued = new Set(read<TipHandover>(this.tipsKey).map((t) => t.visitId));
        const tips = batch.filter((v) => tipsToHandOver.includes(v.id) && !queued.has(v.id)).map((v) => this.handover(v));
        write(this.tipsKey, [...read<TipHandover>(this.tipsKey), ...tips]);
        this.set({ sentThisSession: this.state.sentThisSession + done.size });
      }
      await this.handTipsOver();
      this.set({ problem: null });
    } catch (error) {
      const e = error as ApiError;
      this.set({ problem: e.status === 0 ? 'offline' : e.status === 401 ? 'signed-out' : e.message });
    } finally {
      this.set({ syncing: false, pending: read<Visit>(this.visitsKey).length });
    }
  }

  private handover(v: Visit): TipHandover {
    const where = this.walk.title;
    const description = `Tip received in person during Neighborhood Impact walk #${this.walk.id} (${where}): ${v.tipText}`;
    return { visitId: v.id, description, language: v.language, lon: this.walk.lon, lat: this.walk.lat };
  }

  /** Hands queued tips to the tips program when it is installed; without it the tip stays on the visit only. */
  private async handTipsOver() {
    const queue = read<TipHandover>(this.tipsKey);
    if (queue.length === 0) return;
    const programs = await request<Array<{ id: string }>>('GET', '/api/programs');
    if (!programs.some((p) => p.id === 'tips')) {
      write(this.tipsKey, []);
      return;
    }
    const options = await request<{ categories: Array<{ code: string }> }>('GET', '/api/programs/tips/public/options');
    const codes = options.categories.map((c) => c.code);
    const category = codes.includes('shooting') ? 'shooting' : codes.includes('other') ? 'other' : codes[0];
    for (const tip of queue) {
      const receipt = await request<{ tipNumber: string }>('POST', '/api/programs/tips/public/tips', {
        body: { category, description: tip.description, language: tip.language, location: { lon: tip.lon, lat: tip.lat } },
      });
      await walksApi.tipHandedOver(tip.visitId, receipt.tipNumber);
      write(this.tipsKey, read<TipHandover>(this.tipsKey).filter((t) => t.visitId !== tip.visitId));
    }
  }
}

const outboxes = new Map<number, Outbox>();
/** One outbox per walk for the page's lifetime, so a re-render never starts a second sender. */
export function outboxFor(walk: { id: number; title: string; lon: number; lat: number }): Outbox {
  let box = outboxes.get(walk.id);
  if (!box) outboxes.set(walk.id, (box = new Outbox(walk)));
  return box;
}
