/** Helpers for the watch program's tests: a neighborhood to put groups in, and square boundaries. */
import type { Db } from '../../db/types.js';

type Ring = Array<[number, number]>;

/** A square ring centred on a point, `half` degrees each side. */
export const square = (lon: number, lat: number, half: number): Ring =>
  [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]];

export async function insertNeighborhood(db: Db, agencyId: number, name: string, lon: number, lat: number, half = 0.02): Promise<number> {
  const geometry = { type: 'Polygon', coordinates: [square(lon, lat, half)] };
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO areas (agency_id, kind, name, geometry, bbox) VALUES ($1, 'neighborhood', $2, $3, $4) RETURNING id`,
    [agencyId, name, JSON.stringify(geometry), [lon - half, lat - half, lon + half, lat + half]]);
  return row.id;
}

export const groupBody = (name: string, lon: number, lat: number, extra: Record<string, unknown> = {}) => ({
  name,
  description: { en: `${name}: neighbors looking out for each other.`, es: `${name}: vecinos que se cuidan.` },
  boundary: { type: 'Polygon', coordinates: [square(lon, lat, 0.004)] },
  ...extra,
});
