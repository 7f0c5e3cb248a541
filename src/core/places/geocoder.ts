/**
 * An optional online geocoder (BRIDGES_GEOCODER_URL: a Nominatim-compatible /search endpoint), asked first
 * with a short timeout; any failure or an answer coarser than a street gives null and the caller falls back
 * to the offline gazetteer. The address text is sent to that service only: it is never logged here, and
 * errors are swallowed without their URL (which carries the text).
 */
import type { Queryable } from '../../db/types.js';

export interface GeocodedPoint { lon: number; lat: number; precision: 'address' | 'street' }

export const GEOCODER_TIMEOUT_MS = 2500;

interface NominatimResult { lon?: string; lat?: string; class?: string; category?: string; type?: string; addresstype?: string }

/** The box around the police agencies' city outlines, to keep answers inside the area served. */
export async function servedViewbox(q: Queryable): Promise<[number, number, number, number] | null> {
  const [row] = await q.query<{ w: number | null; s: number | null; e: number | null; n: number | null }>(
    `SELECT min(a.bbox[1]) AS w, min(a.bbox[2]) AS s, max(a.bbox[3]) AS e, max(a.bbox[4]) AS n
       FROM areas a JOIN agencies ag ON ag.id = a.agency_id WHERE ag.kind = 'police' AND a.kind IN ('city', 'neighborhood')`);
  return row && row.w !== null ? [row.w, row.s!, row.e!, row.n!] : null;
}

export async function geocodeOnline(
  endpoint: string, text: string,
  options: { viewbox?: [number, number, number, number] | null; timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<GeocodedPoint | null> {
  try {
    const url = new URL(endpoint);
    url.searchParams.set('q', text);
    url.searchParams.set('format', 'jsonv2');
    url.searchParams.set('limit', '1');
    if (options.viewbox) {
      const [w, s, e, n] = options.viewbox.map((v) => Number(v.toFixed(6)));
      url.searchParams.set('viewbox', `${w},${n},${e},${s}`);
      url.searchParams.set('bounded', '1');
    }
    const response = await (options.fetchImpl ?? fetch)(url, {
      headers: { accept: 'application/json', 'user-agent': 'Bridges community policing platform' },
      signal: AbortSignal.timeout(options.timeoutMs ?? GEOCODER_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const results = (await response.json()) as NominatimResult[];
    const first = Array.isArray(results) ? results[0] : undefined;
    if (!first) return null;
    const lon = Number(first.lon);
    const lat = Number(first.lat);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
    const kind = first.class ?? first.category;
    if (first.type === 'house' || first.addresstype === 'building' || kind === 'building' || first.addresstype === 'house') return { lon, lat, precision: 'address' };
    if (kind === 'highway' || first.addresstype === 'road') return { lon, lat, precision: 'street' };
    return null;
  } catch {
    return null;
  }
}
