/**
 * The one seam between the store and a database: a Postgres server through `pg`, or PGlite (Postgres in WASM)
 * in a local folder. Both speak the same SQL, so everything above this file is written once.
 */

/** One result row as the driver returns it; read it with the helpers in `row.ts`, never by casting. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** What the store needs from a database. */
export interface SqlClient {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query(text: string, params?: readonly unknown[]): Promise<SqlRow[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. Inside, use the client
   * `fn` receives; a nested `transaction` joins the outer one.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** Which engine a database is. */
export type SqlBackendKind = 'postgres' | 'pglite';

/** An open database: a client that can also be closed. */
export interface SqlDatabase extends SqlClient {
  /** The engine behind it. */
  readonly kind: SqlBackendKind;
  /** Releases its connections (or the embedded database and its folder lock). Idempotent. */
  close(): Promise<void>;
}

/** The SQLSTATE a database error carries (`23505` for a unique violation), when it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Schema names the store accepts: plain lower-case identifiers, so they never need quoting. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** True when `name` can be used as the store's schema (and, with a `_jobs` suffix, the job queue's). */
export function isValidSchemaName(name: string): boolean {
  return SCHEMA_NAME.test(name);
}
