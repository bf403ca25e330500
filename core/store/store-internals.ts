/**
 * What the job queue needs from a store beyond its public API: how to reach the same database (pg-boss
 * keeps its own pool on Postgres and shares the one PGlite instance in the embedded case), and a way to be
 * closed first when the store closes. Kept out of `Store` so adapters never depend on it.
 */
import type { PGlite } from '@electric-sql/pglite';

/** How a store reaches its database. */
export type StoreConnection =
  | {
      /** A Postgres server. */
      kind: 'postgres';
      /** Its URL. */
      databaseUrl: string;
    }
  | {
      /** The embedded database. */
      kind: 'pglite';
      /** The one instance; everything in the process shares it. */
      pglite: PGlite;
    };

/** The hidden side of a store. */
export interface StoreInternals {
  /** How to reach the database. */
  connection: StoreConnection;
  /** The store's schema; the job queue's defaults to it with `_jobs` appended. */
  schema: string;
  /** Registers `close` to run before the store closes its database; returns the unregister function. */
  beforeClose(close: () => Promise<void>): () => void;
}

const internals = new WeakMap<object, StoreInternals>();

/** Attaches the hidden side to a store (called once, by `openStore`). */
export function attachInternals(store: object, value: StoreInternals): void {
  internals.set(store, value);
}

/** The hidden side of a store made by `openStore`. */
export function internalsOf(store: object): StoreInternals | undefined {
  return internals.get(store);
}
