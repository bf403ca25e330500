/**
 * How a connection's role ARN and External ID are sealed in its row. Each value is bound (as AES-GCM
 * associated data) to the connection's name and its column, so a ciphertext copied to another row or column
 * does not decrypt.
 */
import { textColumn } from './row.ts';
import { type Keyring, openSecret, sealSecret } from './secret-box.ts';
import type { SqlRow } from './sql-client.ts';

type SecretField = 'role_arn' | 'external_id';

function contextOf(name: string, field: SecretField): string {
  return `axiom/connection/${name}/${field}`;
}

function subjectOf(name: string, field: SecretField): string {
  return `the ${field === 'role_arn' ? 'role ARN' : 'External ID'} of connection '${name}'`;
}

/** A connection's secrets in clear. */
export interface ConnectionSecrets {
  /** The role Axiom assumes. */
  roleArn: string;
  /** The External ID its trust policy requires. */
  externalId: string;
}

/** Decrypts the secrets of a row holding `name`, `role_arn_sealed` and `external_id_sealed`. */
export function openConnectionSecrets(row: SqlRow, keyring: Keyring): ConnectionSecrets {
  const name = textColumn(row, 'name');
  const open = (field: SecretField) =>
    openSecret(textColumn(row, `${field}_sealed`), keyring, contextOf(name, field), subjectOf(name, field));
  return { roleArn: open('role_arn'), externalId: open('external_id') };
}

/** Seals both secrets of connection `name` under the keyring's current key: `[role ARN, External ID]`. */
export function sealConnectionSecrets(
  name: string,
  roleArn: string,
  externalId: string,
  keyring: Keyring,
): [string, string] {
  return [
    sealSecret(roleArn, keyring, contextOf(name, 'role_arn')),
    sealSecret(externalId, keyring, contextOf(name, 'external_id')),
  ];
}
