/**
 * An offline gazetteer built from the agency's own incidents: their public hundred blocks ("1500 BLOCK N 52ND
 * ST") give, per street and block, a representative point — the median of the block's incident positions, a
 * point inside the block that names no single incident. Sensitive categories are left out. A resident's
 * address is matched to its block on the same street, or placed between (or at) the nearest blocks recorded
 * on that street when its own block has no record. A typed corner ("52nd & Girard") is matched to the
 * records published at that corner, or placed where the two streets' recorded blocks meet.
 *
 * The tables (street_blocks, migration 0006; street_corners, 0007) are rebuilt for an agency when its incidents have changed; the
 * check runs at most every few minutes per process, so lookups are one indexed query.
 */
import type { Db, Queryable } from '../../db/types.js';
import { formatStreet, parseAddress, parseCorner, parseHundredBlock, type AddressProblem, type Street } from './address.js';

export type PlacePrecision = 'address' | 'block' | 'street' | 'intersection';

export interface PlaceMatch {
  agencyId: number;
  /** Server-side representative point: round it before it leaves the server. */
  lon: number;
  lat: number;
  /**
   * 'block': the address's own block was recorded; 'street': estimated from the nearest blocks of the street;
   * 'intersection': a corner, from records at that corner or where the two streets' blocks meet.
   */
  precision: 'block' | 'street' | 'intersection';
  /** Display form of the street matched, e.g. "N 52ND ST", or of the corner, "N 52ND ST & W GIRARD AVE". */
  street: string;
  /** The address's hundred block (floor(number / 100) * 100); null for a corner. */
  block: number | null;
}

export type GazetteerAnswer =
  | { status: 'found'; match: PlaceMatch }
  | { status: 'unreadable'; problem: AddressProblem }
  | { status: 'not-found' }
  | { status: 'ambiguous'; streets: string[] };

/** How far (in house numbers) from the nearest recorded block an estimate is still offered. */
export const MAX_BLOCK_GAP = 1000;
/** Two streets' nearest recorded blocks this close (metres) are taken to meet at a corner between them. */
export const MAX_CORNER_GAP_METRES = 250;
/** Corner records of the same two street names farther apart than this are different corners. */
const SAME_CORNER_METRES = 300;
const CHECK_EVERY_MS = 5 * 60_000;
const INSERT_CHUNK = 2000;

/** Per database handle and agency: when the incidents' version was last compared with the build. */
const lastChecked = new WeakMap<Queryable, Map<number, number>>();
const building = new WeakMap<Queryable, Map<number, Promise<void>>>();

/** Changes whenever an incident of the agency is added, changed or deleted. */
async function incidentsVersion(q: Queryable, agencyId: number): Promise<string> {
  const [row] = await q.query<{ n: number; max_id: string | null; updated: string | null }>(
    'SELECT count(*)::int AS n, max(id)::text AS max_id, max(updated_at)::text AS updated FROM incidents WHERE agency_id = $1', [agencyId]);
  return `${row.n}:${row.max_id ?? 0}:${row.updated ?? ''}`;
}

interface BlockRow { dir: string; name: string; suffix: string; block: number; lon: number; lat: number; incidents: number }

/** Rebuilds one agency's street blocks from its incidents now. Returns the number of blocks. */
export async function rebuildGazetteer(db: Db, agencyId: number): Promise<number> {
  const version = await incidentsVersion(db, agencyId);
  const groups = await db.query<{ hundred_block: string; n: number; lon: number; lat: number }>(
    `SELECT i.hundred_block, count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY i.lon) AS lon,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY i.lat) AS lat
       FROM incidents i JOIN offense_categories c ON c.code = i.category
      WHERE i.agency_id = $1 AND i.hundred_block IS NOT NULL AND NOT c.sensitive
      GROUP BY i.hundred_block`, [agencyId]);
  // Spellings of one block ("N 52nd St", "N 52ND STREET") meet under one key; their medians are averaged by count.
  const blocks = new Map<string, BlockRow>();
  for (const g of groups) {
    const parsed = parseHundredBlock(g.hundred_block);
    if (!parsed) continue;
    const { dir, name, suffix } = parsed.street;
    const key = `${name}|${dir}|${suffix}|${parsed.block}`;
    const row = blocks.get(key);
    if (!row) blocks.set(key, { dir, name, suffix, block: parsed.block, lon: g.lon, lat: g.lat, incidents: g.n });
    else mergeSpelling(row, g);
  }
  const rows = [...blocks.values()];
  const corners = cornerRows(groups);
  await db.transaction(async (tx) => {
    // Two servers rebuilding at once take turns instead of colliding on the primary key.
    await tx.query('SELECT pg_advisory_xact_lock(60061, $1)', [agencyId]);
    await tx.query('DELETE FROM street_blocks WHERE agency_id = $1', [agencyId]);
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      await tx.query(
        `INSERT INTO street_blocks (agency_id, dir, name, suffix, block, lon, lat, incidents)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[], $8::int[])`,
        [agencyId, chunk.map((r) => r.dir), chunk.map((r) => r.name), chunk.map((r) => r.suffix), chunk.map((r) => r.block),
          chunk.map((r) => r.lon), chunk.map((r) => r.lat), chunk.map((r) => r.incidents)]);
    }
    await tx.query('DELETE FROM street_corners WHERE agency_id = $1', [agencyId]);
    for (let start = 0; start < corners.length; start += INSERT_CHUNK) {
      const chunk = corners.slice(start, start + INSERT_CHUNK);
      const column = (pick: (c: CornerRow) => string | number) => chunk.map(pick);
      await tx.query(
        `INSERT INTO street_corners (agency_id, a_dir, a_name, a_suffix, b_dir, b_name, b_suffix, lon, lat, incidents)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::int[])`,
        [agencyId, column((c) => c.a.dir), column((c) => c.a.name), column((c) => c.a.suffix), column((c) => c.b.dir), column((c) => c.b.name),
          column((c) => c.b.suffix), column((c) => c.lon), column((c) => c.lat), column((c) => c.incidents)]);
    }
    await tx.query(
      `INSERT INTO street_block_builds (agency_id, incidents_version, built_at) VALUES ($1, $2, now())
       ON CONFLICT (agency_id) DO UPDATE SET incidents_version = EXCLUDED.incidents_version, built_at = now()`, [agencyId, version]);
  });
  return rows.length;
}

/** Another spelling of the same block or corner: the medians are averaged, weighted by their counts. */
function mergeSpelling(row: { lon: number; lat: number; incidents: number }, spelling: { lon: number; lat: number; n: number }): void {
  const total = row.incidents + spelling.n;
  row.lon = (row.lon * row.incidents + spelling.lon * spelling.n) / total;
  row.lat = (row.lat * row.incidents + spelling.lat * spelling.n) / total;
  row.incidents = total;
}

interface CornerRow { a: Street; b: Street; lon: number; lat: number; incidents: number }

const streetKey = (s: Street) => `${s.name}|${s.dir}|${s.suffix}`;

/** Records published at a corner, merged per pair of streets (in a fixed order) like the blocks' spellings. */
function cornerRows(groups: ReadonlyArray<{ hundred_block: string; n: number; lon: number; lat: number }>): CornerRow[] {
  const corners = new Map<string, CornerRow>();
  for (const g of groups) {
    if (parseHundredBlock(g.hundred_block)) continue;
    const pair = parseCorner(g.hundred_block);
    if (!pair) continue;
    const [a, b] = streetKey(pair[0]) <= streetKey(pair[1]) ? pair : [pair[1], pair[0]];
    const key = `${streetKey(a)}&${streetKey(b)}`;
    const row = corners.get(key);
    if (!row) corners.set(key, { a, b, lon: g.lon, lat: g.lat, incidents: g.n });
    else mergeSpelling(row, g);
  }
  return [...corners.values()];
}

/**
 * Makes every agency's gazetteer current: rebuilds those whose incidents changed since their build. The
 * comparison runs at most every five minutes per agency in this process (`force` compares now).
 */
export async function ensureGazetteer(db: Db, options: { force?: boolean } = {}): Promise<void> {
  const checked = lastChecked.get(db) ?? new Map<number, number>();
  lastChecked.set(db, checked);
  const inFlight = building.get(db) ?? new Map<number, Promise<void>>();
  building.set(db, inFlight);
  const agencies = await db.query<{ id: number; version: string | null }>(
    `SELECT a.id, b.incidents_version AS version FROM agencies a LEFT JOIN street_block_builds b ON b.agency_id = a.id
      WHERE a.kind = 'police' ORDER BY a.id`);
  const now = Date.now();
  await Promise.all(agencies.map(async (agency) => {
    const running = inFlight.get(agency.id);
    if (running) return running;
    if (!options.force && agency.version !== null && now - (checked.get(agency.id) ?? 0) < CHECK_EVERY_MS) return;
    const work = (async () => {
      checked.set(agency.id, now);
      if (agency.version !== (await incidentsVersion(db, agency.id))) await rebuildGazetteer(db, agency.id);
    })().finally(() => inFlight.delete(agency.id));
    inFlight.set(agency.id, work);
    return work;
  }));
}

interface Candidate { agencyId: number; street: Street; blocks: Array<{ block: number; lon: number; lat: number; incidents: number }>; incidents: number }

/** Two streets that are really different places (N vs S 52nd St, or two cities), not one street spelt two ways. */
const conflict = (a: Candidate, b: Candidate) =>
  a.agencyId !== b.agencyId || (a.street.dir !== '' && b.street.dir !== '' && a.street.dir !== b.street.dir)
  || (a.street.suffix !== '' && b.street.suffix !== '' && a.street.suffix !== b.street.suffix);

/**
 * Finds a resident's address in the gazetteer (after {@link ensureGazetteer}). Never logs or stores the text.
 * @param agencyIds limit the search to these agencies
 */
export async function findAddress(q: Queryable, text: string, agencyIds?: number[]): Promise<GazetteerAnswer> {
  const parsed = parseAddress(text);
  if (!parsed.ok && parsed.problem === 'intersection') {
    const corner = parseCorner(text);
    return corner ? findCorner(q, corner, agencyIds) : { status: 'unreadable', problem: 'intersection' };
  }
  if (!parsed.ok) return { status: 'unreadable', problem: parsed.problem };
  const { street, block } = parsed.address;
  // A record missing the directional or the suffix still matches; one with a different one does not.
  const rows = await q.query<{ agency_id: number; dir: string; suffix: string; block: number; lon: number; lat: number; incidents: number }>(
    `SELECT agency_id, dir, suffix, block, lon, lat, incidents FROM street_blocks
      WHERE name = $1 AND ($2 = '' OR dir IN ($2, '')) AND ($3 = '' OR suffix IN ($3, ''))
        AND ($4::int[] IS NULL OR agency_id = ANY($4::int[]))
      ORDER BY agency_id, dir, suffix, block`, [street.name, street.dir, street.suffix, agencyIds ?? null]);
  const byStreet = new Map<string, Candidate>();
  for (const r of rows) {
    const key = `${r.agency_id}|${r.dir}|${r.suffix}`;
    const candidate = byStreet.get(key) ?? { agencyId: r.agency_id, street: { dir: r.dir, name: street.name, suffix: r.suffix }, blocks: [], incidents: 0 };
    candidate.blocks.push({ block: r.block, lon: r.lon, lat: r.lat, incidents: r.incidents });
    candidate.incidents += r.incidents;
    byStreet.set(key, candidate);
  }
  if (byStreet.size === 0) return { status: 'not-found' };
  // Streets spelt as the resident did first; then those with the address's own block; then the busiest.
  const score = (c: Candidate) => (street.dir && c.street.dir === street.dir ? 2 : 0) + (street.suffix && c.street.suffix === street.suffix ? 1 : 0);
  const best = Math.max(...[...byStreet.values()].map(score));
  const top = [...byStreet.values()].filter((c) => score(c) === best);
  const withBlock = top.filter((c) => c.blocks.some((b) => b.block === block));
  const pool = (withBlock.length > 0 ? withBlock : top).sort((a, b) => b.incidents - a.incidents);
  if (pool.some((c) => conflict(c, pool[0]))) {
    return { status: 'ambiguous', streets: [...new Set(pool.filter((c) => c.street.dir || c.street.suffix).map((c) => formatStreet(c.street)))] };
  }
  const chosen = pool[0];
  const exact = chosen.blocks.find((b) => b.block === block);
  if (exact) return { status: 'found', match: { agencyId: chosen.agencyId, lon: exact.lon, lat: exact.lat, precision: 'block', street: formatStreet(chosen.street), block } };
  const estimate = estimateOnStreet(chosen.blocks, block);
  if (!estimate) return { status: 'not-found' };
  return { status: 'found', match: { agencyId: chosen.agencyId, ...estimate, precision: 'street', street: formatStreet(chosen.street), block } };
}

/**
 * A point for a block with no record of its own: between the nearest recorded blocks on either side (house
 * numbers run along the street), or at the nearest one, when within {@link MAX_BLOCK_GAP}.
 */
export function estimateOnStreet(blocks: ReadonlyArray<{ block: number; lon: number; lat: number }>, block: number): { lon: number; lat: number } | null {
  let below: (typeof blocks)[number] | undefined;
  let above: (typeof blocks)[number] | undefined;
  for (const b of blocks) {
    if (b.block < block && (!below || b.block > below.block)) below = b;
    if (b.block > block && (!above || b.block < above.block)) above = b;
  }
  const gapBelow = below ? block - below.block : Infinity;
  const gapAbove = above ? above.block - block : Infinity;
  if (below && above && gapBelow + gapAbove <= 2 * MAX_BLOCK_GAP) {
    const f = gapBelow / (gapBelow + gapAbove);
    return { lon: below.lon + f * (above.lon - below.lon), lat: below.lat + f * (above.lat - below.lat) };
  }
  const nearest = gapBelow <= gapAbove ? below : above;
  if (!nearest || Math.min(gapBelow, gapAbove) > MAX_BLOCK_GAP) return null;
  return { lon: nearest.lon, lat: nearest.lat };
}

/** A record's street matches a typed one: same name; a directional or suffix given on both sides must agree. */
const sameStreet = (typed: Street, recorded: Street) =>
  typed.name === recorded.name && (typed.dir === '' || recorded.dir === '' || typed.dir === recorded.dir)
  && (typed.suffix === '' || recorded.suffix === '' || typed.suffix === recorded.suffix);

/** Approximate distance in metres between two lon/lat points a city apart at most (equirectangular). */
function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dx = (a.lon - b.lon) * 111_320 * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const dy = (a.lat - b.lat) * 110_574;
  return Math.hypot(dx, dy);
}

const formatCorner = (a: Street, b: Street) => `${formatStreet(a)} & ${formatStreet(b)}`;

/**
 * A corner: the records published at it when there are any (the busiest spelling, unless the same two
 * names meet at corners far apart: then ambiguous), else the point between the two streets' nearest
 * recorded blocks when they come within {@link MAX_CORNER_GAP_METRES}.
 */
export async function findCorner(q: Queryable, [first, second]: [Street, Street], agencyIds?: number[]): Promise<GazetteerAnswer> {
  const recorded = await q.query<{ agency_id: number; a_dir: string; a_name: string; a_suffix: string; b_dir: string; b_name: string; b_suffix: string; lon: number; lat: number; incidents: number }>(
    `SELECT agency_id, a_dir, a_name, a_suffix, b_dir, b_name, b_suffix, lon, lat, incidents FROM street_corners
      WHERE ((a_name = $1 AND b_name = $2) OR (a_name = $2 AND b_name = $1)) AND ($3::int[] IS NULL OR agency_id = ANY($3::int[]))
      ORDER BY incidents DESC, agency_id, a_dir, a_suffix, b_dir, b_suffix`, [first.name, second.name, agencyIds ?? null]);
  const matching = recorded
    .map((r) => ({ ...r, a: { dir: r.a_dir, name: r.a_name, suffix: r.a_suffix }, b: { dir: r.b_dir, name: r.b_name, suffix: r.b_suffix } }))
    .filter((r) => (sameStreet(first, r.a) && sameStreet(second, r.b)) || (sameStreet(first, r.b) && sameStreet(second, r.a)));
  if (matching.length > 0) {
    const busiest = matching[0];
    const elsewhere = matching.filter((r) => r.agency_id !== busiest.agency_id || metresBetween(r, busiest) > SAME_CORNER_METRES);
    if (elsewhere.length > 0) return { status: 'ambiguous', streets: [...new Set(matching.map((r) => formatCorner(r.a, r.b)))] };
    return { status: 'found', match: { agencyId: busiest.agency_id, lon: busiest.lon, lat: busiest.lat, precision: 'intersection', street: formatCorner(busiest.a, busiest.b), block: null } };
  }
  const blocks = await q.query<{ agency_id: number; dir: string; name: string; suffix: string; lon: number; lat: number }>(
    `SELECT agency_id, dir, name, suffix, lon, lat FROM street_blocks
      WHERE name IN ($1, $2) AND ($3::int[] IS NULL OR agency_id = ANY($3::int[]))`, [first.name, second.name, agencyIds ?? null]);
  const along = (street: Street) => blocks.filter((b) => sameStreet(street, { dir: b.dir, name: b.name, suffix: b.suffix }));
  let best: { a: (typeof blocks)[number]; b: (typeof blocks)[number]; metres: number } | null = null;
  for (const a of along(first)) {
    for (const b of along(second)) {
      if (a.agency_id !== b.agency_id) continue;
      const metres = metresBetween(a, b);
      if (!best || metres < best.metres) best = { a, b, metres };
    }
  }
  if (!best || best.metres > MAX_CORNER_GAP_METRES) return { status: 'not-found' };
  const { a, b } = best;
  return {
    status: 'found',
    match: { agencyId: a.agency_id, lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2, precision: 'intersection', street: formatCorner(a, b), block: null },
  };
}
