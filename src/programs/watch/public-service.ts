/** What residents can find: groups by neighborhood, and which group (if any) covers a point they picked. */
import type { Queryable } from '../../db/types.js';
import { groupIdsAt, neighborhoodAt } from './geo.js';
import type { PublicGroupSummary } from './validation.js';

export interface NeighborhoodGroups {
  areaId: number;
  areaName: string;
  agencyName: string;
  groups: PublicGroupSummary[];
}

/**
 * Every neighborhood of the police agencies, with its active (and forming) groups: the way to find a group
 * without a map, and the list a "start a group" request picks its neighborhood from.
 */
export async function groupsByNeighborhood(q: Queryable): Promise<NeighborhoodGroups[]> {
  const rows = await q.query<{ area_id: number; area_name: string; agency_name: string; group_id: number | null; group_name: string | null; status: PublicGroupSummary['status'] | null }>(
    `SELECT a.id AS area_id, a.name AS area_name, ag.name AS agency_name, g.id AS group_id, g.name AS group_name, g.status
     FROM areas a JOIN agencies ag ON ag.id = a.agency_id
     LEFT JOIN watch_groups g ON g.area_id = a.id AND g.status IN ('active', 'forming')
     WHERE a.kind = 'neighborhood' AND ag.kind = 'police'
     ORDER BY ag.id, a.name, g.name`);
  const byArea = new Map<number, NeighborhoodGroups>();
  for (const row of rows) {
    const entry = byArea.get(row.area_id) ?? { areaId: row.area_id, areaName: row.area_name, agencyName: row.agency_name, groups: [] };
    if (row.group_id !== null) entry.groups.push({ id: row.group_id, name: row.group_name!, areaName: row.area_name, agencyName: row.agency_name, status: row.status! });
    byArea.set(row.area_id, entry);
  }
  return [...byArea.values()];
}

export interface LookupAnswer {
  groups: PublicGroupSummary[];
  area: { id: number; name: string } | null;
}

/** The groups whose boundary contains the point, and its neighborhood (to offer starting a group there). */
export async function lookupPoint(q: Queryable, lon: number, lat: number): Promise<LookupAnswer> {
  const ids = await groupIdsAt(q, lon, lat);
  const groups = ids.length === 0 ? [] : await q.query<PublicGroupSummary>(
    `SELECT g.id, g.name, a.name AS "areaName", ag.name AS "agencyName", g.status FROM watch_groups g
     JOIN agencies ag ON ag.id = g.agency_id LEFT JOIN areas a ON a.id = g.area_id WHERE g.id = ANY($1::int[]) ORDER BY g.name`, [ids]);
  const area = await neighborhoodAt(q, lon, lat);
  return { groups, area: area ? { id: area.id, name: area.name } : null };
}

/** The outline of the city (or cities) served, for orientation on the map when there are no map tiles. */
export async function cityOutlines(q: Queryable): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
  const rows = await q.query<{ id: number; name: string; geometry: unknown }>(
    `SELECT a.id, a.name, a.geometry FROM areas a JOIN agencies ag ON ag.id = a.agency_id WHERE a.kind = 'city' AND ag.kind = 'police' ORDER BY a.id`);
  return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name } })) };
}
