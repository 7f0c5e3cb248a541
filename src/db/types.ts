/** Anything that can run SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement ($1, $2…) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

/** The one database handle the whole application shares. PGlite and PostgreSQL look the same through it. */
export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn inside BEGIN … COMMIT; any thrown error rolls the whole transaction back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
