// The one database seam: both engines (embedded PGlite and a PostgreSQL server) behind the same
// small interface, so every query, migration and test runs unchanged on either.
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One parameterized statement ($1, $2 …); rows as plain objects. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
