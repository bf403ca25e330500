/**
 * The audit log: who ran which command on which connection, and what came of it. Append-only in the database
 * (triggers reject UPDATE, DELETE and TRUNCATE); free text is scrubbed of role ARNs and External IDs first.
 */
import { AxiomError } from '../errors.ts';
import { normalizeConnectionName } from './connection.ts';
import { redactSecrets } from './redact.ts';
import { dateColumn, optionalTextColumn, textColumn } from './row.ts';
import type { SqlClient, SqlRow } from './sql-client.ts';

/** How a command ended. */
export type AuditResult = 'ok' | 'denied' | 'invalid' | 'error';

/** The results, for validation and display. */
export const AUDIT_RESULTS: readonly AuditResult[] = ['ok', 'denied', 'invalid', 'error'];

/** An entry to record. */
export interface NewAuditEntry {
  /** Who: the Slack user id (or the CLI's user). */
  actor: string;
  /** What: the command (`scan`, `connect`, `disconnect`, `health-check`...). */
  command: string;
  /** Which connection, when the command concerns one. */
  connection?: string | undefined;
  /** How it ended. */
  result: AuditResult;
  /** Anything worth keeping, in plain words; secrets are removed before it is stored. */
  detail?: string | undefined;
}

/** A recorded entry. */
export interface AuditEntry {
  /** Increasing id (as text: it is a bigint). */
  id: string;
  /** When it was recorded. */
  at: Date;
  /** Who. */
  actor: string;
  /** What. */
  command: string;
  /** Which connection, if any. */
  connection: string | undefined;
  /** How it ended. */
  result: AuditResult;
  /** Detail, possibly empty. */
  detail: string;
}

/** Which entries `listAudit` returns. */
export interface AuditQuery {
  /** Most entries, newest first; 1 to 500, default 50. */
  limit?: number;
  /** Only this connection's entries. */
  connection?: string | undefined;
}

/** Default and largest page for `listAudit`. */
export const AUDIT_PAGE = { default: 50, max: 500 } as const;

const COLUMNS = 'id::text AS id, at, actor, command, connection_name, result, detail';

function asResult(value: string): AuditResult {
  const result = AUDIT_RESULTS.find((candidate) => candidate === value);
  if (result === undefined)
    throw new AxiomError('store_row_shape', `Reading the audit log failed: unknown result "${value}".`);
  return result;
}

function entryOf(row: SqlRow): AuditEntry {
  return {
    id: textColumn(row, 'id'),
    at: dateColumn(row, 'at'),
    actor: textColumn(row, 'actor'),
    command: textColumn(row, 'command'),
    connection: optionalTextColumn(row, 'connection_name'),
    result: asResult(textColumn(row, 'result')),
    detail: textColumn(row, 'detail'),
  };
}

function invalid(message: string): AxiomError {
  return new AxiomError('audit_entry_invalid', `Could not record the audit entry: ${message}.`, {
    hint: 'This is a bug in the caller; every command must be recorded with who ran it and what it was.',
  });
}

/** Records an entry and returns it as stored. */
export async function appendAudit(
  db: SqlClient,
  clock: () => Date,
  entry: NewAuditEntry,
): Promise<AuditEntry> {
  const actor = entry.actor.trim();
  const command = entry.command.trim();
  if (actor === '' || actor.length > 200) throw invalid('the actor must be 1 to 200 characters');
  if (command === '' || command.length > 200) throw invalid('the command must be 1 to 200 characters');
  if (!AUDIT_RESULTS.includes(entry.result)) throw invalid(`"${String(entry.result)}" is not a result`);
  const rows = await db.query(
    `INSERT INTO audit_log (at, actor, command, connection_name, result, detail)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [
      clock(),
      redactSecrets(actor),
      redactSecrets(command),
      entry.connection === undefined ? null : normalizeConnectionName(entry.connection),
      entry.result,
      redactSecrets(entry.detail ?? ''),
    ],
  );
  const row = rows[0];
  if (row === undefined)
    throw new AxiomError('store_write_lost', 'Recording the audit entry returned nothing.');
  return entryOf(row);
}

/** Entries newest first, optionally for one connection. */
export async function listAudit(db: SqlClient, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? AUDIT_PAGE.default), 1), AUDIT_PAGE.max);
  if (query.connection === undefined)
    return (
      await db.query(`SELECT ${COLUMNS} FROM audit_log ORDER BY audit_log.id DESC LIMIT $1`, [limit])
    ).map(entryOf);
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM audit_log WHERE connection_name = $1 ORDER BY audit_log.id DESC LIMIT $2`,
    [normalizeConnectionName(query.connection), limit],
  );
  return rows.map(entryOf);
}
