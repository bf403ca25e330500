/**
 * Runs store suites on both backends: PGlite always, and a real Postgres when AXIOM_TEST_DATABASE_URL names
 * one (the project's machines and CI run one on 127.0.0.1:5432). Each suite gets its own schemas on the shared
 * server (or its own folders for PGlite), dropped afterwards, so suites and parallel runs never meet.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';

/** The variable that enables the Postgres suites. */
export const TEST_DATABASE_URL_VARIABLE = 'AXIOM_TEST_DATABASE_URL';

/** What a skipped Postgres suite says. */
export const ENABLE_POSTGRES_MESSAGE = `skipped: no Postgres configured; run with ${TEST_DATABASE_URL_VARIABLE}=postgres://postgres@127.0.0.1:5432/test to enable`;

/** The test server's URL, when configured. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env[TEST_DATABASE_URL_VARIABLE]?.trim();
  return url === undefined || url === '' ? undefined : url;
}

/** The backends a store suite runs on. */
export type BackendKind = 'pglite' | 'postgres';

/** Where one isolated store lives: the fields of `OpenStoreOptions` that choose the database. */
export interface StoreLocation {
  /** Set for Postgres. */
  databaseUrl?: string;
  /** Set for PGlite. */
  dataDir?: string;
  /** The store's schema (its job queue uses `<schema>_jobs`). */
  schema: string;
}

/** One backend, for one suite. */
export interface TestDatabase {
  /** Which backend. */
  kind: BackendKind;
  /** A new, empty location (a new PGlite folder, or new schemas on the server), removed by `cleanup`. */
  freshLocation(): StoreLocation;
  /** Runs SQL on the server outside any store (Postgres only). */
  rawQuery(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Drops every schema and folder this suite made. */
  cleanup(): Promise<void>;
}

function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 16) || 'suite'
  );
}

/** A backend for a suite; `label` makes its schema names recognisable on the shared server. */
export function createTestDatabase(kind: BackendKind, label: string): TestDatabase {
  if (kind === 'pglite') {
    const root = mkdtempSync(join(tmpdir(), `axiom-store-${slug(label)}-`));
    let count = 0;
    return {
      kind,
      freshLocation: () => ({ dataDir: join(root, `store-${++count}`), schema: 'axiom' }),
      rawQuery: () => Promise.reject(new Error('rawQuery needs Postgres; on PGlite use store.sql')),
      async cleanup() {
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = testDatabaseUrl();
  if (databaseUrl === undefined) throw new Error(`Postgres suites need ${TEST_DATABASE_URL_VARIABLE}`);
  const schemas: string[] = [];
  const rawQuery = async (text: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    kind,
    freshLocation() {
      const schema = `axt_${slug(label)}_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      return { databaseUrl, schema };
    },
    rawQuery,
    async cleanup() {
      if (schemas.length === 0) return;
      const all = schemas.flatMap((schema) => [schema, `${schema}_jobs`]);
      await rawQuery(`DROP SCHEMA IF EXISTS ${all.join(', ')} CASCADE`);
    },
  };
}

/**
 * Declares `body` once per backend. On Postgres without a configured server the suite is skipped, and its
 * title says how to enable it.
 */
export function describeEachBackend(
  title: string,
  body: (database: () => TestDatabase, kind: BackendKind) => void,
): void {
  for (const kind of ['pglite', 'postgres'] as const) describeOn(kind, title, body);
}

/** Declares `body` for Postgres only (several processes sharing one server), skipped when none is configured. */
export function describePostgres(
  title: string,
  body: (database: () => TestDatabase, kind: BackendKind) => void,
): void {
  describeOn('postgres', title, body);
}

let announced = false;

function describeOn(
  kind: BackendKind,
  title: string,
  body: (database: () => TestDatabase, kind: BackendKind) => void,
): void {
  if (kind === 'postgres' && testDatabaseUrl() === undefined) {
    // Once per file, so the default reporter (which lists no skipped titles) still says how to enable them.
    if (!announced) console.warn(`Postgres store suites ${ENABLE_POSTGRES_MESSAGE}`);
    announced = true;
    describe.skip(`${title} on postgres (${ENABLE_POSTGRES_MESSAGE})`, () => {
      it('needs a Postgres server', () => {});
    });
    return;
  }
  describe(`${title} on ${kind}`, () => {
    let database: TestDatabase | undefined;
    beforeAll(() => {
      database = createTestDatabase(kind, title);
    });
    afterAll(async () => {
      await database?.cleanup();
    });
    body(() => {
      if (database === undefined) throw new Error('the test database is created in beforeAll');
      return database;
    }, kind);
  });
}
