/**
 * The store keeps free text (a connection's last error, an audit entry's detail) that callers build from AWS
 * and Slack messages. Those can quote a role ARN or an External ID, which the store otherwise keeps only
 * encrypted, so free text is scrubbed before it is written.
 */

/** Most characters of free text kept per value. */
export const MAX_FREE_TEXT = 1000;

const ROLE_ARN = /arn:aws[a-z-]*:(?:iam|sts)::\d{12}:(?:role|assumed-role)\/[\w+=,.@/-]+/g;
const AXIOM_EXTERNAL_ID = /axm-[A-Za-z0-9_-]{32}/g;
const EXTERNAL_ID_ASSIGNMENT = /(external[ _-]?id["']?\s*[:=]\s*["']?)([\w+=,.@:/-]{2,})/gi;

/**
 * `text` with every role ARN, every Axiom External ID, any value assigned to an External ID (`ExternalId: ...`)
 * and each of `known` (the secrets of the connection concerned) replaced by a placeholder, then cut to
 * `maxLength` characters. The placeholders hold no quotes or backslashes, so redacted JSON stays JSON.
 */
export function redactSecrets(
  text: string,
  known: readonly string[] = [],
  maxLength = MAX_FREE_TEXT,
): string {
  let redacted = text;
  for (const secret of known) if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]');
  redacted = redacted
    .replace(ROLE_ARN, '[role ARN]')
    .replace(AXIOM_EXTERNAL_ID, '[External ID]')
    .replace(EXTERNAL_ID_ASSIGNMENT, '$1[External ID]');
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
