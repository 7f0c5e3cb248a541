import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { citext } from '@electric-sql/pglite/contrib/citext';
import type { Db, Queryable } from './types.js';

/** int8 ids and counts come back as JS numbers, the same as our pg adapter returns them. */
const parsers = { [types.INT8]: (value: string) => Number(value) };
const extensions = { pg_trgm, pgcrypto, citext };

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

/** Opens (or creates) an embedded database. dataDir undefined means in memory. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db & { pglite: PGlite }> {
  const pglite = await PGlite.create({ dataDir, parsers, extensions, loadDataDir });
  const base = wrap(pglite);
  return {
    kind: 'pglite',
    pglite,
    ...base,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}
