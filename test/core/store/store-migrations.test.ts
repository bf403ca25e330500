import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../core/store/data-dir-lock.ts';
import { migrate } from '../../../core/store/migrate.ts';
import { MIGRATIONS } from '../../../core/store/migrations/index.ts';
import { openStore } from '../../../core/store/store.ts';
import { describeEachBackend, describePostgres, type StoreLocation } from '../../helpers/postgres.ts';
import { KEYRING_A, openAt, sampleConnection } from './store-support.ts';

const VERSIONS = MIGRATIONS.map((m) => m.version);

describeEachBackend('store migrations', (database, kind) => {
  let location: StoreLocation;

  it('applies every migration to a fresh database, then none on reopen, keeping the data', async () => {
    location = database().freshLocation();
    const first = await openAt(location);
    try {
      expect(first.migrations).toEqual({ applied: VERSIONS, version: MIGRATIONS.length });
      const recorded = await first.sql.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect((await first.createConnection(sampleConnection())).ok).toBe(true);
    } finally {
      await first.close();
    }

    const second = await openAt(location);
    try {
      expect(second.migrations).toEqual({ applied: [], version: MIGRATIONS.length });
      expect(await second.sql.query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([
        { n: MIGRATIONS.length },
      ]);
      expect((await second.listConnections()).map((c) => c.name)).toEqual(['prod']);
    } finally {
      await second.close();
    }
  });

  it('refuses a database from a newer Axiom, an edited migration and a gap in the numbering', async () => {
    const store = await openAt(location);
    try {
      await expect(migrate(store.sql, location.schema, [])).rejects.toMatchObject({
        code: 'store_schema_newer',
      });
      const edited = MIGRATIONS.map((m) => ({ ...m, sql: `${m.sql}\n-- edited after shipping` }));
      await expect(migrate(store.sql, location.schema, edited)).rejects.toMatchObject({
        code: 'store_migration_changed',
      });
      const gap = MIGRATIONS.map((m) => ({ ...m, version: m.version + 1 }));
      await expect(migrate(store.sql, location.schema, gap)).rejects.toMatchObject({
        code: 'store_migrations_out_of_order',
      });
      // Each refusal rolled back: the schema is as it was.
      expect(await migrate(store.sql, location.schema, MIGRATIONS)).toEqual({
        applied: [],
        version: MIGRATIONS.length,
      });
    } finally {
      await store.close();
    }
  });

  it('rejects options that cannot work before touching a database', async () => {
    await expect(openStore({ keyring: KEYRING_A })).rejects.toMatchObject({ code: 'store_location_missing' });
    // Unset variables passed through as empty strings count as not given.
    await expect(openStore({ databaseUrl: '', dataDir: ' ', keyring: KEYRING_A })).rejects.toMatchObject({
      code: 'store_location_missing',
    });
    await expect(openStore({ ...location, schema: 'Bad-Name', keyring: KEYRING_A })).rejects.toMatchObject({
      code: 'store_schema_invalid',
    });
    const shortKey = { current: { id: 'short', key: new Uint8Array(16) } };
    await expect(openStore({ ...location, keyring: shortKey })).rejects.toMatchObject({
      code: 'encryption_keyring_invalid',
    });
  });

  it.runIf(kind === 'pglite')(
    'refuses a second open of the embedded folder while the first is open, and takes over a dead owner’s lock',
    async () => {
      const first = await openAt(location);
      try {
        await expect(openAt(location)).rejects.toMatchObject({ code: 'store_data_dir_locked' });
      } finally {
        await first.close();
      }
      // A lock left by a process that no longer exists (a pid above any real one) is stale.
      writeFileSync(join(location.dataDir ?? '', LOCK_FILE_NAME), '2147483646\n');
      const second = await openAt(location);
      expect(second.migrations.applied).toEqual([]);
      await second.close();
    },
  );
});

describePostgres('concurrent opens', (database) => {
  it('several stores opening one fresh schema at once migrate it exactly once', async () => {
    const location = database().freshLocation();
    const stores = await Promise.all(
      Array.from({ length: 5 }, () => openAt(location, KEYRING_A, { poolSize: 1 })),
    );
    try {
      const applied = stores.map((store) => store.migrations.applied);
      expect(applied.filter((versions) => versions.length > 0)).toEqual([VERSIONS]);
      const rows = await database().rawQuery(`SELECT version FROM ${location.schema}.schema_migrations`);
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('explains an unreachable server without showing its password', async () => {
    const error = await openStore({
      databaseUrl: 'postgres://axiom:s3cret-pass@127.0.0.1:1/nowhere',
      keyring: KEYRING_A,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'store_unreachable' });
    expect(String((error as Error).message)).not.toContain('s3cret-pass');
  });
});
