import type { Queryable } from '../../db/types.js';
import { notFound } from '../errors.js';

/** A police agency as residents see it: its name, its map centre and the span of its published records. */
export interface PublicAgency {
  slug: string;
  name: string;
  timeZone: string;
  centerLon: number;
  centerLat: number;
  /** First and last day with incidents (agency-local dates, YYYY-MM-DD); null when it has none. */
  dataStart: string | null;
  dataEnd: string | null;
}

/** Internal view: the id stays on the server. */
export interface ResolvedAgency extends PublicAgency {
  id: number;
}

interface AgencyRow {
  id: number; slug: string; name: string; time_zone: string; center_lon: number; center_lat: number;
  data_start: string | null; data_end: string | null;
}

const SELECT_AGENCIES = `SELECT a.id, a.slug, a.name, a.time_zone, a.center_lon, a.center_lat,
    to_char((r.oldest AT TIME ZONE a.time_zone)::date, 'YYYY-MM-DD') AS data_start,
    to_char((r.newest AT TIME ZONE a.time_zone)::date, 'YYYY-MM-DD') AS data_end
  FROM agencies a, LATERAL (SELECT min(occurred_at) AS oldest, max(occurred_at) AS newest FROM incidents i WHERE i.agency_id = a.id) r
  WHERE a.kind = 'police'`;

const toAgency = (r: AgencyRow): ResolvedAgency => ({
  id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone, centerLon: r.center_lon, centerLat: r.center_lat,
  dataStart: r.data_start, dataEnd: r.data_end,
});

/** Police agencies, those with records first (a resident's first choice should show something). */
export async function listPublicAgencies(q: Queryable): Promise<ResolvedAgency[]> {
  const rows = await q.query<AgencyRow>(`${SELECT_AGENCIES} ORDER BY (r.newest IS NULL), a.id`);
  return rows.map(toAgency);
}

/** The agency a public request names, or the first police agency with records when it names none. */
export async function resolvePublicAgency(q: Queryable, slug: string | undefined): Promise<ResolvedAgency> {
  const agencies = await listPublicAgencies(q);
  const agency = slug ? agencies.find((a) => a.slug === slug) : agencies[0];
  if (!agency) throw notFound(slug ? `Police agency "${slug}"` : 'A police agency');
  return agency;
}

/** Strips the internal id for an answer. */
export const publicAgencyView = ({ id: _id, ...agency }: ResolvedAgency): PublicAgency => agency;
