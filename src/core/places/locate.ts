/** A resident's typed address to an approximate point: the online geocoder when configured, else the gazetteer. */
import type { Db } from '../../db/types.js';
import type { AddressProblem } from './address.js';
import { ensureGazetteer, findAddress, type PlacePrecision } from './gazetteer.js';
import { geocodeOnline, servedViewbox } from './geocoder.js';

export type LocateAnswer =
  | {
    status: 'found';
    /** Exact as found: callers publishing it round it first. */
    lon: number;
    lat: number;
    precision: PlacePrecision;
    source: 'geocoder' | 'gazetteer';
    /** The street and block matched (gazetteer answers only). */
    street: string | null;
    block: number | null;
  }
  | { status: 'unreadable'; problem: AddressProblem }
  | { status: 'not-found' }
  | { status: 'ambiguous'; streets: string[] };

export interface LocateOptions {
  /** BRIDGES_GEOCODER_URL */
  geocoderUrl?: string;
  fetchImpl?: typeof fetch;
  geocoderTimeoutMs?: number;
}

/** Never logs, stores or audits the text. */
export async function locateAddress(db: Db, text: string, options: LocateOptions = {}): Promise<LocateAnswer> {
  if (options.geocoderUrl) {
    const online = await geocodeOnline(options.geocoderUrl, text, {
      viewbox: await servedViewbox(db), fetchImpl: options.fetchImpl, timeoutMs: options.geocoderTimeoutMs,
    });
    if (online) return { status: 'found', ...online, source: 'geocoder', street: null, block: null };
  }
  await ensureGazetteer(db);
  const answer = await findAddress(db, text);
  if (answer.status !== 'found') return answer;
  const { lon, lat, precision, street, block } = answer.match;
  return { status: 'found', lon, lat, precision, source: 'gazetteer', street, block };
}
