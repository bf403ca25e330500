/**
 * PGlite (Postgres compiled to WASM) persisted in a local folder: the embedded default, so the bot starts
 * with nothing installed. One connection in one process; `data-dir-lock.ts` keeps a second process out.
 */
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { AxiomError } from '../errors.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import type { SqlClient, SqlDatabase, SqlRow } from './sql-client.ts';

/** `dataDir` value for a throwaway in-memory store (tests, demos): nothing is written to disk. */
export const IN_MEMORY_DATA_DIR = 'memory://';

/** The Postgres files live in this subfolder, beside the lock file. */
export const PGDATA_FOLDER = 'pgdata';

/** Where the embedded database lives. */
export interface PgliteClientOptions {
  /** The folder (created when missing), or `memory://`. */
  dataDir: string;
  /** Schema for unqualified names (already validated by the caller). */
  schema: string;
}

/** An open embedded database, with the PGlite instance the job queue shares. */
export interface PgliteDatabase extends SqlDatabase {
  /** The engine, for pg-boss's PGlite adapter. */
  readonly pglite: PGlite;
}

function overTransaction(tx: Transaction): SqlClient {
  const client: SqlClient = {
    async query(text, params = []) {
      const result = await tx.query<SqlRow>(text, [...params]);
      return result.rows;
    },
    async exec(script) {
      await tx.exec(script);
    },
    transaction: (fn) => fn(client),
  };
  return client;
}

/** Opens (creating when new) the embedded database and sets its search path to the store's schema. */
export async function openPgliteClient(options: PgliteClientOptions): Promise<PgliteDatabase> {
  const inMemory = options.dataDir === IN_MEMORY_DATA_DIR;
  const lock: DataDirLock | undefined = inMemory ? undefined : await lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? {} : { dataDir: join(options.dataDir, PGDATA_FOLDER) });
    await pglite.exec(`SET search_path TO ${options.schema}`);
  } catch (error) {
    await lock?.release();
    throw new AxiomError(
      'store_open_failed',
      `Could not open the embedded store in ${options.dataDir}: ${error instanceof Error ? error.message : String(error)}.`,
      {
        hint: 'Check that the folder is writable and was written by this version of Axiom; move it aside to start with an empty store.',
        cause: error,
      },
    );
  }

  const engine = pglite;
  let closed = false;
  return {
    kind: 'pglite',
    pglite: engine,
    async query(text, params = []) {
      const result = await engine.query<SqlRow>(text, [...params]);
      return result.rows;
    },
    async exec(script) {
      await engine.exec(script);
    },
    // PGlite queues every other statement behind an open transaction, so this is also the store's mutex.
    transaction: (fn) => engine.transaction((tx) => fn(overTransaction(tx))),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await engine.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
