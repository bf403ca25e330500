/**
 * A connection: one AWS account Axiom may scan, by name, with the role it assumes and the channels that may
 * use it. What a connection is and what makes one valid; `connections.ts` keeps them.
 */
import { isValidStsExternalId } from '../connect/external-id.ts';
import { regionProblem } from '../connect/region-name.ts';
import { parseRoleArn } from '../connect/role-arn.ts';

/** Whether Axiom could assume the role the last time it tried. */
export type ConnectionStatus = 'connected' | 'disconnected' | 'unknown';

/** The statuses, for validation and display. */
export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['connected', 'disconnected', 'unknown'];

/** A connection without its secrets: what `listConnections` returns and what may be shown in a channel. */
export interface ConnectionSummary {
  /** Unique name, lower case (`prod`, `staging-eu`). */
  name: string;
  /** Regions to scan. */
  regions: string[];
  /** Slack channel ids where this connection may be scanned. Empty: nowhere until an admin adds one. */
  allowedChannelIds: string[];
  /** Slack channel id that receives health changes (a revoked role), when set. */
  healthChannelId: string | undefined;
  /** Result of the last check. */
  status: ConnectionStatus;
  /** When `status` last changed. */
  statusSince: Date;
  /** When the role was last tried, if ever. */
  lastCheckedAt: Date | undefined;
  /** The last failure in plain words (secrets removed), when the last check failed. */
  lastError: string | undefined;
  /** Who connected it (a Slack user id, or the CLI's user). */
  createdBy: string;
  /** When it was connected. */
  createdAt: Date;
  /** When anything about it last changed. */
  updatedAt: Date;
  /** The id of the key its secrets are encrypted with. */
  encryptionKeyId: string;
}

/** A connection with its decrypted secrets, for assuming the role. Keep it in memory only. */
export interface Connection extends ConnectionSummary {
  /** The role Axiom assumes. */
  roleArn: string;
  /** The External ID the role's trust policy requires. */
  externalId: string;
}

/** What `createConnection` needs. */
export interface NewConnection {
  /** Unique name; compared and stored in lower case. */
  name: string;
  /** The role ARN the user pasted. */
  roleArn: string;
  /** The External ID Axiom generated for this connection. */
  externalId: string;
  /** Regions to scan, at least one. */
  regions: readonly string[];
  /** Slack channel ids where it may be scanned. */
  allowedChannelIds?: readonly string[] | undefined;
  /** Slack channel id for health changes. */
  healthChannelId?: string | undefined;
  /** Who is connecting it. */
  createdBy: string;
}

/** The fields of a new connection that validation can object to. */
export type ConnectionField =
  | 'name'
  | 'roleArn'
  | 'externalId'
  | 'regions'
  | 'allowedChannelIds'
  | 'healthChannelId'
  | 'createdBy';

/** One thing wrong with the input, for the user to fix. */
export interface ConnectionProblem {
  /** The field at fault. */
  field: ConnectionField;
  /** What is wrong, one sentence. */
  message: string;
}

const CONNECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const SLACK_ID = /^[A-Z0-9]{2,32}$/;

/** A name as the store compares it: trimmed, lower case. */
export function normalizeConnectionName(name: string): string {
  return name.trim().toLowerCase();
}

/** What is wrong with a (normalised) connection name, or undefined. */
export function connectionNameProblem(name: string): string | undefined {
  if (name === '') return 'the connection name is empty';
  if (!CONNECTION_NAME.test(name))
    return `"${name}" is not a valid connection name: use up to 63 letters, digits, "-" or "_", starting with a letter or digit`;
  return undefined;
}

/** What is wrong with an External ID, or undefined. */
export function externalIdProblem(externalId: string): string | undefined {
  return isValidStsExternalId(externalId)
    ? undefined
    : 'the External ID must be 2 to 1224 letters, digits or _+=,.@:/- characters';
}

function channelProblems(field: ConnectionField, ids: readonly string[]): ConnectionProblem[] {
  return ids
    .filter((id) => !SLACK_ID.test(id))
    .map((id) => ({ field, message: `"${id}" is not a Slack channel id (like C0123ABCD)` }));
}

/** Every problem with `input`; empty when it can be stored. */
export function newConnectionProblems(input: NewConnection): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  const nameProblem = connectionNameProblem(normalizeConnectionName(input.name));
  if (nameProblem !== undefined) problems.push({ field: 'name', message: nameProblem });
  const arn = parseRoleArn(input.roleArn);
  if (!arn.ok) problems.push({ field: 'roleArn', message: arn.error });
  const externalId = externalIdProblem(input.externalId);
  if (externalId !== undefined) problems.push({ field: 'externalId', message: externalId });
  if (input.regions.length === 0) problems.push({ field: 'regions', message: 'choose at least one region' });
  for (const region of input.regions) {
    const problem = regionProblem(region, arn.ok ? arn.arn.partition : undefined);
    if (problem !== undefined) problems.push({ field: 'regions', message: problem });
  }
  problems.push(...channelProblems('allowedChannelIds', input.allowedChannelIds ?? []));
  if (input.healthChannelId !== undefined)
    problems.push(...channelProblems('healthChannelId', [input.healthChannelId]));
  if (input.createdBy.trim() === '' || input.createdBy.length > 200)
    problems.push({ field: 'createdBy', message: 'who is connecting must be given (a Slack user id)' });
  return problems;
}
