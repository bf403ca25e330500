/**
 * Connections in the database. Role ARNs and External IDs are sealed before they are written; listing and
 * deletion never decrypt them, and `getConnection` is the one way out in clear.
 */
import { parseRoleArn } from '../connect/role-arn.ts';
import { AxiomError } from '../errors.ts';
import {
  type Connection,
  type ConnectionProblem,
  type ConnectionStatus,
  type ConnectionSummary,
  connectionNameProblem,
  externalIdProblem,
  type NewConnection,
  newConnectionProblems,
  normalizeConnectionName,
} from './connection.ts';
import { openConnectionSecrets, sealConnectionSecrets } from './connection-secrets.ts';
import { redactSecrets } from './redact.ts';
import { dateColumn, optionalDateColumn, optionalTextColumn, textArrayColumn, textColumn } from './row.ts';
import { envelopeKeyId, type Keyring } from './secret-box.ts';
import { type SqlClient, type SqlRow, sqlState } from './sql-client.ts';

/** What the connection functions work with. */
export interface ConnectionDeps {
  /** The database. */
  db: SqlClient;
  /** Keys for sealing and opening secrets. */
  keyring: Keyring;
  /** The clock. */
  clock: () => Date;
}

/** Result of `createConnection`. */
export type CreateConnectionResult =
  | {
      /** Saved. */
      ok: true;
      /** The connection as stored (without secrets). */
      connection: ConnectionSummary;
    }
  | {
      /** Not saved. */
      ok: false;
      /** `invalid`: the input has problems; `exists`: the name is taken. */
      reason: 'invalid' | 'exists';
      /** What to fix, by field. */
      problems: ConnectionProblem[];
    };

/** A status change to record. */
export interface StatusUpdate {
  /** What the check found. */
  status: ConnectionStatus;
  /** Why it failed, in plain words; secrets are removed before it is stored. Ignored for `connected`. */
  error?: string | undefined;
}

/** Result of `updateStatus`: whether the status changed, so a caller announces a revocation once. */
export type StatusUpdateResult =
  | {
      /** No connection by that name. */
      found: false;
    }
  | {
      /** Recorded. */
      found: true;
      /** True when the status differs from before: the moment to tell the connection's channel. */
      changed: boolean;
      /** The status before this update. */
      previous: ConnectionStatus;
      /** The connection after it. */
      connection: ConnectionSummary;
    };

/** Result of `rotateExternalId`. */
export type RotateExternalIdResult =
  | {
      /** Replaced. */
      ok: true;
      /** The connection after it. */
      connection: ConnectionSummary;
    }
  | {
      /** Not replaced. */
      ok: false;
      /** `not_found`: no connection by that name; `invalid`: the name or the new ID is malformed. */
      reason: 'not_found' | 'invalid';
      /** What is wrong. */
      problems: ConnectionProblem[];
    };

const SUMMARY_COLUMNS = `name, regions, allowed_channel_ids, health_channel_id, status, status_since,
  last_checked_at, last_error, created_by, created_at, updated_at, role_arn_sealed`;

function asStatus(value: string): ConnectionStatus {
  if (value === 'connected' || value === 'disconnected' || value === 'unknown') return value;
  throw new AxiomError('store_row_shape', `Reading the store failed: unknown connection status "${value}".`);
}

function summaryOf(row: SqlRow): ConnectionSummary {
  return {
    name: textColumn(row, 'name'),
    regions: textArrayColumn(row, 'regions'),
    allowedChannelIds: textArrayColumn(row, 'allowed_channel_ids'),
    healthChannelId: optionalTextColumn(row, 'health_channel_id'),
    status: asStatus(textColumn(row, 'status')),
    statusSince: dateColumn(row, 'status_since'),
    lastCheckedAt: optionalDateColumn(row, 'last_checked_at'),
    lastError: optionalTextColumn(row, 'last_error'),
    createdBy: textColumn(row, 'created_by'),
    createdAt: dateColumn(row, 'created_at'),
    updatedAt: dateColumn(row, 'updated_at'),
    encryptionKeyId: envelopeKeyId(textColumn(row, 'role_arn_sealed')) ?? 'unknown',
  };
}

/** Stores a new connection with its secrets sealed; the name must be free. */
export async function createConnection(
  deps: ConnectionDeps,
  input: NewConnection,
): Promise<CreateConnectionResult> {
  const problems = newConnectionProblems(input);
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  const name = normalizeConnectionName(input.name);
  const roleArn = parseRoleArn(input.roleArn);
  const [roleArnSealed, externalIdSealed] = sealConnectionSecrets(
    name,
    roleArn.ok ? roleArn.arn.arn : input.roleArn,
    input.externalId,
    deps.keyring,
  );
  const now = deps.clock();
  try {
    const rows = await deps.db.query(
      `INSERT INTO connections (name, role_arn_sealed, external_id_sealed, regions, allowed_channel_ids,
         health_channel_id, status, status_since, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'unknown', $7, $8, $7, $7)
       RETURNING ${SUMMARY_COLUMNS}`,
      [
        name,
        roleArnSealed,
        externalIdSealed,
        [...new Set(input.regions)],
        [...new Set(input.allowedChannelIds ?? [])],
        input.healthChannelId ?? null,
        now,
        input.createdBy.trim(),
      ],
    );
    const row = rows[0];
    if (row === undefined)
      throw new AxiomError('store_write_lost', `Saving connection '${name}' returned nothing.`);
    return { ok: true, connection: summaryOf(row) };
  } catch (error) {
    if (sqlState(error) === '23505')
      return {
        ok: false,
        reason: 'exists',
        problems: [
          {
            field: 'name',
            message: `a connection named '${name}' already exists; choose another name or disconnect it first`,
          },
        ],
      };
    throw error;
  }
}

/** The connection with its secrets decrypted, or undefined when there is none by that name. */
export async function getConnection(deps: ConnectionDeps, name: string): Promise<Connection | undefined> {
  const rows = await deps.db.query(
    `SELECT ${SUMMARY_COLUMNS}, external_id_sealed FROM connections WHERE name = $1`,
    [normalizeConnectionName(name)],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return { ...summaryOf(row), ...openConnectionSecrets(row, deps.keyring) };
}

/** Every connection by name, without secrets (nothing is decrypted). */
export async function listConnections(deps: ConnectionDeps): Promise<ConnectionSummary[]> {
  const rows = await deps.db.query(`SELECT ${SUMMARY_COLUMNS} FROM connections ORDER BY name`);
  return rows.map(summaryOf);
}

/** Records a health check: `statusSince` moves only when the status changes. */
export async function updateStatus(
  deps: ConnectionDeps,
  name: string,
  update: StatusUpdate,
): Promise<StatusUpdateResult> {
  const key = normalizeConnectionName(name);
  return deps.db.transaction(async (tx) => {
    const current = (
      await tx.query(
        `SELECT ${SUMMARY_COLUMNS}, external_id_sealed FROM connections WHERE name = $1 FOR UPDATE`,
        [key],
      )
    )[0];
    if (current === undefined) return { found: false };
    const previous = asStatus(textColumn(current, 'status'));
    let lastError: string | null = null;
    if (update.status !== 'connected' && update.error !== undefined) {
      // The connection's own secrets are removed verbatim when they can be opened; patterns catch the rest.
      let known: string[] = [];
      try {
        const secrets = openConnectionSecrets(current, deps.keyring);
        known = [secrets.roleArn, secrets.externalId];
      } catch {}
      lastError = redactSecrets(update.error, known);
    }
    const now = deps.clock();
    const rows = await tx.query(
      `UPDATE connections SET status = $2,
         status_since = CASE WHEN status = $2 THEN status_since ELSE $3 END,
         last_checked_at = $3, last_error = $4, updated_at = $3
       WHERE name = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [key, update.status, now, lastError],
    );
    const row = rows[0];
    if (row === undefined) return { found: false };
    return { found: true, changed: previous !== update.status, previous, connection: summaryOf(row) };
  });
}

/** Replaces the External ID (after the customer has updated the trust policy). */
export async function rotateExternalId(
  deps: ConnectionDeps,
  name: string,
  newExternalId: string,
): Promise<RotateExternalIdResult> {
  const key = normalizeConnectionName(name);
  const problem = connectionNameProblem(key) ?? externalIdProblem(newExternalId);
  if (problem !== undefined)
    return {
      ok: false,
      reason: 'invalid',
      problems: [{ field: connectionNameProblem(key) ? 'name' : 'externalId', message: problem }],
    };
  return deps.db.transaction(async (tx) => {
    const current = (
      await tx.query(
        `SELECT name, role_arn_sealed, external_id_sealed FROM connections WHERE name = $1 FOR UPDATE`,
        [key],
      )
    )[0];
    if (current === undefined)
      return {
        ok: false,
        reason: 'not_found',
        problems: [{ field: 'name', message: `there is no connection named '${key}'` }],
      };
    // Both values are re-sealed, so a row's secrets always share one key id.
    const { roleArn } = openConnectionSecrets(current, deps.keyring);
    const [roleArnSealed, externalIdSealed] = sealConnectionSecrets(
      key,
      roleArn,
      newExternalId,
      deps.keyring,
    );
    const rows = await tx.query(
      `UPDATE connections SET role_arn_sealed = $2, external_id_sealed = $3, updated_at = $4
       WHERE name = $1 RETURNING ${SUMMARY_COLUMNS}`,
      [key, roleArnSealed, externalIdSealed, deps.clock()],
    );
    const row = rows[0];
    if (row === undefined)
      throw new AxiomError('store_write_lost', `Rotating the External ID of '${key}' returned nothing.`);
    return { ok: true, connection: summaryOf(row) };
  });
}

/** Deletes the connection with its role ARN and External ID; false when there was none by that name. */
export async function deleteConnection(deps: ConnectionDeps, name: string): Promise<boolean> {
  const rows = await deps.db.query('DELETE FROM connections WHERE name = $1 RETURNING name', [
    normalizeConnectionName(name),
  ]);
  return rows.length > 0;
}
