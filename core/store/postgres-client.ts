/**
 * A Postgres server through a `pg` pool: the production backend, shared by every bot and worker process.
 * The store's schema is set as the pool's `search_path`, so the same unqualified SQL runs here and on PGlite.
 */
import pg from 'pg';
import { AxiomError } from '../errors.ts';
import type { SqlClient, SqlDatabase, SqlRow } from './sql-client.ts';

/** How to reach the server. */
export interface PostgresClientOptions {
  /** A `postgres://` URL. */
  databaseUrl: string;
  /** Schema for unqualified names (already validated by the caller). */
  schema: string;
  /** Most connections this process holds. */
  poolSize: number;
  /** Shown in `pg_stat_activity`, so an operator can tell Axiom's connections apart. */
  applicationName: string;
}

/** A URL with any password replaced, for messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '(an unparseable database URL)';
  }
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function clientOver(connection: Queryable, transaction: SqlClient['transaction']): SqlClient {
  return {
    async query(text, params = []) {
      const result = await connection.query<SqlRow>(text, [...params]);
      return result.rows;
    },
    async exec(script) {
      // Without parameters pg uses the simple protocol, which accepts several statements at once.
      await connection.query(script);
    },
    transaction,
  };
}

/** Opens a pool and checks that the server answers, so a wrong URL fails at start with a clear message. */
export async function openPostgresClient(options: PostgresClientOptions): Promise<SqlDatabase> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize,
    application_name: options.applicationName,
    options: `-c search_path=${options.schema}`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AxiomError(
      'store_unreachable',
      `Could not connect to the Postgres database at ${redactDatabaseUrl(options.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}.`,
      {
        hint: 'Check the database URL, that the server is running and that it accepts this user; leave the URL unset to use the embedded store.',
        cause: error,
      },
    );
  }

  const transaction = async <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const connection = await pool.connect();
    let broken = false;
    try {
      await connection.query('BEGIN');
      const tx: SqlClient = clientOver(connection, (inner) => inner(tx));
      const result = await fn(tx);
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await connection.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: destroy it rather than reuse it.
      connection.release(broken);
    }
  };

  let closed = false;
  return {
    kind: 'postgres',
    ...clientOver(pool, transaction),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
