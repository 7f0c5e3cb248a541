/** What residents can find: groups by neighborhood, and which group (if any) covers a point they picked. */
import type { Db, Queryable } from '../../db/types.js';
import { locateAddress, type AddressProblem, type LocateOptions, type PlacePrecision } from '../../core/places/index.js';
import { groupIdsAt, groupsNear, neighborhoodAt } from './geo.js';
import { cellCentre, cellOf, gridFor } from '../../core/public/grid.js';
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
  /** Active groups within {@link NEARBY_METRES} that do not cover the point, nearest first. */
  nearby: Array<PublicGroupSummary & { distanceMetres: number }>;
  area: { id: number; name: string } | null;
}

export const NEARBY_METRES = 1000;
/**
 * Where an address answer is drawn: the centre of the public crime map's ~150 m cell that holds the block
 * point (the grid of the police agency nearest to it), so a block with a single incident tells a resident
 * no more about that incident than the crime map already does.
 */
async function publishedPoint(q: Queryable, lon: number, lat: number): Promise<{ lon: number; lat: number }> {
  const [agency] = await q.query<{ center_lat: number }>(
    `SELECT center_lat FROM agencies WHERE kind = 'police' ORDER BY (center_lon - $1) ^ 2 + (center_lat - $2) ^ 2 LIMIT 1`, [lon, lat]);
  const grid = gridFor(agency?.center_lat ?? lat);
  const { col, row } = cellOf(grid, lon, lat);
  const [cx, cy] = cellCentre(grid, col, row);
  return { lon: cx, lat: cy };
}

const summaries = (q: Queryable, ids: number[]) => ids.length === 0 ? Promise.resolve([]) : q.query<PublicGroupSummary>(
  `SELECT g.id, g.name, a.name AS "areaName", ag.name AS "agencyName", g.status FROM watch_groups g
   JOIN agencies ag ON ag.id = g.agency_id LEFT JOIN areas a ON a.id = g.area_id WHERE g.id = ANY($1::int[]) ORDER BY g.name`, [ids]);

/**
 * The groups whose boundary contains the point, those near it, and its neighborhood (to offer starting a
 * group there). `published` is the point distances are measured from when it differs (a rounded one), so
 * that distances say nothing finer than the point published.
 */
export async function lookupPoint(q: Queryable, lon: number, lat: number, published?: { lon: number; lat: number }): Promise<LookupAnswer> {
  const groups = await summaries(q, await groupIdsAt(q, lon, lat));
  const near = (await groupsNear(q, published?.lon ?? lon, published?.lat ?? lat, NEARBY_METRES)).filter((g) => !groups.some((c) => c.id === g.id));
  const nearSummaries = new Map((await summaries(q, near.map((g) => g.id))).map((g) => [g.id, g]));
  const nearby = near.map((g) => ({ ...nearSummaries.get(g.id)!, distanceMetres: Math.round(g.distanceMetres / 10) * 10 }));
  const area = await neighborhoodAt(q, lon, lat);
  return { groups, nearby, area: area ? { id: area.id, name: area.name } : null };
}

export interface AddressLookupAnswer extends LookupAnswer {
  status: 'found' | 'not-found' | 'unreadable' | 'ambiguous';
  /** Why an address could not be read (status 'unreadable'). */
  problem: AddressProblem | null;
  /** The streets an ambiguous address could be on (status 'ambiguous'). */
  streets: string[];
  /** The approximate point found, rounded; `street`/`block` when it came from the incident blocks. */
  place: { lon: number; lat: number; precision: PlacePrecision; source: 'geocoder' | 'gazetteer'; street: string | null; block: number | null } | null;
}

/**
 * A typed address to the groups for it. The text is neither stored, logged nor audited; the answer carries
 * the centre of the public map cell holding the block, never the block's own point. Groups are matched with the unrounded block point on the server.
 */
export async function lookupAddress(db: Db, address: string, options: LocateOptions = {}): Promise<AddressLookupAnswer> {
  const located = await locateAddress(db, address, options);
  const empty = { groups: [], nearby: [], area: null, problem: null, streets: [], place: null };
  if (located.status === 'unreadable') return { ...empty, status: 'unreadable', problem: located.problem };
  if (located.status === 'ambiguous') return { ...empty, status: 'ambiguous', streets: located.streets };
  if (located.status === 'not-found') return { ...empty, status: 'not-found' };
  const published = await publishedPoint(db, located.lon, located.lat);
  const around = await lookupPoint(db, located.lon, located.lat, published);
  return {
    ...around, status: 'found', problem: null, streets: [],
    place: { ...published, precision: located.precision, source: located.source, street: located.street, block: located.block },
  };
}

/** The outline of the city (or cities) served, for orientation on the map when there are no map tiles. */
export async function cityOutlines(q: Queryable): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
  const rows = await q.query<{ id: number; name: string; geometry: unknown }>(
    `SELECT a.id, a.name, a.geometry FROM areas a JOIN agencies ag ON ag.id = a.agency_id WHERE a.kind = 'city' AND ag.kind = 'police' ORDER BY a.id`);
  return { type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name } })) };
}
