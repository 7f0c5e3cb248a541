/**
 * Keeps the last few agencies' incidents in memory while they are unchanged. Loading is the slow part of a
 * hot-spot request (a city-year of rows through PGlite takes seconds; the KDE takes a fraction of one), and
 * analysts run the same data many times with different parameters. Each request still asks the database
 * for the data's fingerprint, so an import is visible at once.
 */
import type { Queryable } from '../../db/types.js';
import { eventsVersion, loadAgencyEvents, type AgencyEvents } from './load.js';

export class EventCache {
  private readonly entries = new Map<string, AgencyEvents>();
  private readonly loading = new Map<string, Promise<AgencyEvents>>();

  /** @param capacity agencies kept (least recently used goes first) */
  constructor(private readonly capacity = 4) {}

  async get(q: Queryable, agencyId: number, timeZone: string): Promise<AgencyEvents> {
    const key = `${agencyId}|${timeZone}`;
    const version = await eventsVersion(q, agencyId);
    const cached = this.entries.get(key);
    if (cached && cached.version === version) {
      this.entries.delete(key); // re-insert: Map order is the recency order
      this.entries.set(key, cached);
      return cached;
    }
    // Requests arriving while a load runs share it instead of loading the same rows again.
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const load = loadAgencyEvents(q, agencyId, timeZone).finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    const events = await load;
    this.entries.delete(key);
    this.entries.set(key, events);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return events;
  }

  clear(): void {
    this.entries.clear();
  }
}
