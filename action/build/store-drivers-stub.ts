/**
 * What the bundle gets instead of the store's database drivers (@electric-sql/pglite, pg, pg-boss), through
 * this folder's tsconfig `paths`. The Action is stateless and never opens a store, but core/index.ts exports the
 * store for the bot and the CLI, so the drivers would otherwise ride along: 15 MB of WASM and data files, and
 * code that slows every start. Whatever reaches for them throws, naming why.
 */

function unavailable(driver: string): never {
  throw new Error(
    `${driver} is not bundled in the GitHub Action: the Action is stateless and opens no store.`,
  );
}

/** Stands in for @electric-sql/pglite's PGlite. */
export class PGlite {
  /** PGlite's factory. */
  static create(): never {
    return unavailable('@electric-sql/pglite');
  }

  constructor() {
    unavailable('@electric-sql/pglite');
  }
}

/** Stands in for pg-boss's PgBoss. */
export class PgBoss {
  constructor() {
    unavailable('pg-boss');
  }
}

/** Stands in for pg-boss's PGlite adapter. */
export function fromPglite(): never {
  return unavailable('pg-boss');
}

/** Stands in for pg's default export. */
const pg = {
  /** pg's connection pool. */
  Pool: class {
    constructor() {
      unavailable('pg');
    }
  },
};

export default pg;
