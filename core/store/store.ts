/**
 * The store: connections (secrets sealed), the audit log and the database the scan-job queue shares. Postgres
 * when a URL is given (production, several processes), else PGlite in a local folder (the embedded default).
 * Migrations run at open. Configuration arrives as parameters; nothing here reads the environment.
 */
import { AxiomError } from '../errors.ts';
import { type AuditEntry, type AuditQuery, appendAudit, listAudit, type NewAuditEntry } from './audit-log.ts';
import type { Connection, ConnectionSummary, NewConnection } from './connection.ts';
import {
  encryptionKeyUsage,
  type KeyRotationResult,
  type KeyUsage,
  rotateEncryptionKey,
} from './connection-keys.ts';
import {
  type ConnectionDeps,
  type CreateConnectionResult,
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  type RotateExternalIdResult,
  rotateExternalId,
  type StatusUpdate,
  type StatusUpdateResult,
  updateStatus,
} from './connections.ts';
import { type MigrationReport, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openPgliteClient } from './pglite-client.ts';
import { openPostgresClient } from './postgres-client.ts';
import { assertValidKeyring, type Keyring } from './secret-box.ts';
import { isValidSchemaName, type SqlBackendKind, type SqlClient, type SqlDatabase } from './sql-client.ts';
import { attachInternals, type StoreConnection } from './store-internals.ts';

/** Where the store lives and how it encrypts. */
export interface OpenStoreOptions {
  /** A `postgres://` URL: use that server. Takes precedence over `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (created when missing), or `memory://` for a throwaway one. */
  dataDir?: string | undefined;
  /** Postgres schema for the store's tables (default `axiom`); the job queue uses it with `_jobs` appended. */
  schema?: string;
  /** Keys for the connections' secrets. */
  keyring: Keyring;
  /** The clock (default: the system clock). */
  clock?: () => Date;
  /** Most Postgres connections this process opens for the store (default 5; pg-boss has its own). */
  poolSize?: number;
  /** Name shown in `pg_stat_activity` (default `axiom`). */
  applicationName?: string;
}

/** The default schema. */
export const DEFAULT_STORE_SCHEMA = 'axiom';

/** An open store. */
export interface Store {
  /** Which engine it runs on. */
  readonly backend: SqlBackendKind;
  /** Its Postgres schema. */
  readonly schema: string;
  /** What opening did to the schema. */
  readonly migrations: MigrationReport;
  /** Direct SQL on the store's database (health checks, tests). */
  readonly sql: SqlClient;
  /** Saves a new connection, its role ARN and External ID encrypted. */
  createConnection(input: NewConnection): Promise<CreateConnectionResult>;
  /** One connection with its secrets decrypted, or undefined. */
  getConnection(name: string): Promise<Connection | undefined>;
  /** Every connection without secrets. */
  listConnections(): Promise<ConnectionSummary[]>;
  /** Records a health check; says whether the status changed. */
  updateStatus(name: string, update: StatusUpdate): Promise<StatusUpdateResult>;
  /** Replaces a connection's External ID. */
  rotateExternalId(name: string, newExternalId: string): Promise<RotateExternalIdResult>;
  /** Deletes a connection with its role ARN and External ID; false when there was none. */
  deleteConnection(name: string): Promise<boolean>;
  /** Re-encrypts every secret under the keyring's current key. */
  rotateEncryptionKey(): Promise<KeyRotationResult>;
  /** Which keys the stored secrets use, and whether the keyring holds them. */
  encryptionKeyUsage(): Promise<KeyUsage[]>;
  /** Appends to the audit log. */
  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Reads the audit log, newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Stops the job queues opened on it, then closes the database. Idempotent. */
  close(): Promise<void>;
}

function checkOptions(options: OpenStoreOptions, schema: string): void {
  if (!isValidSchemaName(schema))
    throw new AxiomError(
      'store_schema_invalid',
      `"${schema}" cannot be the store's schema: use up to 48 lower-case letters, digits and "_", not starting with a digit.`,
    );
  if (options.databaseUrl === undefined && options.dataDir === undefined)
    throw new AxiomError(
      'store_location_missing',
      'Could not open the store: neither a database URL nor a data folder was given.',
      {
        hint: 'Set a Postgres database URL, or a folder for the embedded store.',
      },
    );
  assertValidKeyring(options.keyring);
}

async function openDatabase(
  options: OpenStoreOptions,
  schema: string,
): Promise<{ db: SqlDatabase; connection: StoreConnection }> {
  if (options.databaseUrl !== undefined) {
    const db = await openPostgresClient({
      databaseUrl: options.databaseUrl,
      schema,
      poolSize: options.poolSize ?? 5,
      applicationName: options.applicationName ?? 'axiom',
    });
    return { db, connection: { kind: 'postgres', databaseUrl: options.databaseUrl } };
  }
  const db = await openPgliteClient({ dataDir: options.dataDir ?? '', schema });
  return { db, connection: { kind: 'pglite', pglite: db.pglite } };
}

/** An empty or blank setting (an unset variable passed through as '') counts as not given. */
function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Opens the store and brings its schema up to date. */
export async function openStore(input: OpenStoreOptions): Promise<Store> {
  const options = { ...input, databaseUrl: given(input.databaseUrl), dataDir: given(input.dataDir) };
  const schema = options.schema ?? DEFAULT_STORE_SCHEMA;
  checkOptions(options, schema);
  const { db, connection } = await openDatabase(options, schema);
  let migrations: MigrationReport;
  try {
    migrations = await migrate(db, schema, MIGRATIONS);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }

  const clock = options.clock ?? (() => new Date());
  const deps: ConnectionDeps = { db, keyring: options.keyring, clock };
  const dependents = new Set<() => Promise<void>>();
  let closing: Promise<void> | undefined;

  const store: Store = {
    backend: db.kind,
    schema,
    migrations,
    // The database without its close(): the store decides when it closes.
    sql: { query: db.query, exec: db.exec, transaction: db.transaction },
    createConnection: (input) => createConnection(deps, input),
    getConnection: (name) => getConnection(deps, name),
    listConnections: () => listConnections(deps),
    updateStatus: (name, update) => updateStatus(deps, name, update),
    rotateExternalId: (name, newExternalId) => rotateExternalId(deps, name, newExternalId),
    deleteConnection: (name) => deleteConnection(deps, name),
    rotateEncryptionKey: () => rotateEncryptionKey(deps),
    encryptionKeyUsage: () => encryptionKeyUsage(deps),
    appendAudit: (entry) => appendAudit(db, clock, entry),
    listAudit: (query) => listAudit(db, query),
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...dependents].map((close) => close()));
        await db.close();
      })();
      return closing;
    },
  };
  attachInternals(store, {
    connection,
    schema,
    beforeClose(close) {
      dependents.add(close);
      return () => dependents.delete(close);
    },
  });
  return store;
}
