/**
 * Test helpers for the import tests: where the shared datasets live (CI clones the repository with shared/
 * beside it) and agencies whose centre and projection fit each dataset.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Queryable } from '../../../db/types.js';

export const SHARED_DATA = resolve(process.cwd(), '../shared/data');

export const TEST_AGENCIES = {
  philadelphia: { timeZone: 'America/New_York', projection: '+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs', centerLon: -75.1652, centerLat: 39.9526 },
  chicago: {
    timeZone: 'America/Chicago', centerLon: -87.6298, centerLat: 41.8781,
    projection: '+proj=tmerc +lat_0=36.66666666666666 +lon_0=-88.33333333333333 +k=0.999975 +x_0=300000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  sacramento: { timeZone: 'America/Los_Angeles', projection: '+proj=utm +zone=10 +datum=WGS84 +units=m +no_defs', centerLon: -121.4944, centerLat: 38.5816 },
} as const;

let counter = 0;

/** Inserts a police agency fitting one of the datasets and returns its id. */
export async function insertTestAgency(q: Queryable, city: keyof typeof TEST_AGENCIES): Promise<number> {
  const a = TEST_AGENCIES[city];
  const rows = await q.query<{ id: number }>(
    `INSERT INTO agencies (slug, name, kind, time_zone, projection, center_lon, center_lat)
     VALUES ($1, $2, 'police', $3, $4, $5, $6) RETURNING id`,
    [`${city}-${process.pid}-${++counter}`, `${city} police (test)`, a.timeZone, a.projection, a.centerLon, a.centerLat],
  );
  return rows[0].id;
}

/** A fresh temporary folder for input and rejects files. */
export const tempDir = (prefix = 'bridges-import-'): string => mkdtempSync(join(tmpdir(), prefix));

export const TEST_ACTOR = { label: 'test' } as const;
