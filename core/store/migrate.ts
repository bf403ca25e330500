/**
 * Applies the store's migrations at open: all pending ones in one transaction, recorded in
 * `schema_migrations`. Several processes opening one Postgres at once (a bot and its workers starting
 * together) queue on an advisory lock, so exactly one of them migrates and the others find the work done.
 */
import { createHash } from 'node:crypto';
import { AxiomError } from '../errors.ts';
import type { Migration } from './migrations/migration.ts';
import { integerColumn, textColumn } from './row.ts';
import type { SqlClient } from './sql-client.ts';

/** What opening did to the schema. */
export interface MigrationReport {
  /** Versions applied by this open, in order; empty when the schema was already current. */
  applied: number[];
  /** The schema's version afterwards. */
  version: number;
}

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new AxiomError(
        'store_migrations_out_of_order',
        `The store's migrations are not numbered 1, 2, 3...: position ${index + 1} holds version ${migration.version}.`,
        { hint: 'This is a bug in Axiom; please report it.' },
      );
  });
}

/** Brings the schema `schema` up to date with `migrations`, or explains why it cannot. */
export async function migrate(
  db: SqlClient,
  schema: string,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  checkSequence(migrations);
  return db.transaction(async (tx) => {
    // Transaction-scoped, so it is released by COMMIT or ROLLBACK even if this process dies mid-way.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`axiom.store.migrate:${schema}`]);
    // Created only when missing: CREATE SCHEMA needs a privilege that a role using an existing schema may lack.
    const existing = await tx.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (existing.length === 0) await tx.exec(`CREATE SCHEMA ${schema}`);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await tx.query(`SELECT version, checksum FROM ${schema}.schema_migrations ORDER BY version`);
    const known = new Map(migrations.map((migration) => [migration.version, migration]));
    let version = 0;
    for (const row of rows) {
      const applied = integerColumn(row, 'version');
      const migration = known.get(applied);
      if (migration === undefined)
        throw new AxiomError(
          'store_schema_newer',
          `The store's schema is at version ${applied}, newer than this version of Axiom knows (${migrations.length}).`,
          { hint: 'Upgrade Axiom to the version that wrote this database, or point it at another database.' },
        );
      if (textColumn(row, 'checksum') !== checksumOf(migration))
        throw new AxiomError(
          'store_migration_changed',
          `Migration ${applied} (${migration.name}) differs from the one applied to this database.`,
          {
            hint: 'Shipped migrations must never change; add a new migration instead. This is a bug in Axiom.',
          },
        );
      version = Math.max(version, applied);
    }

    const applied: number[] = [];
    for (const migration of migrations.slice(version)) {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO ${schema}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`,
        [migration.version, migration.name, checksumOf(migration)],
      );
      applied.push(migration.version);
    }
    return { applied, version: migrations.length };
  });
}
