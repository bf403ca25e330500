/**
 * Encryption-key rotation for the connections' secrets: re-seal everything under the current key, and report
 * which keys are in use so an operator knows when an old key may be dropped.
 */
import { openConnectionSecrets, sealConnectionSecrets } from './connection-secrets.ts';
import type { ConnectionDeps } from './connections.ts';
import { textArrayColumn, textColumn } from './row.ts';
import { envelopeKeyId } from './secret-box.ts';

/** Result of `rotateEncryptionKey`. */
export interface KeyRotationResult {
  /** Connections whose secrets were re-sealed (the others were already under the current key). */
  reencrypted: number;
  /** The key every secret is now sealed with. */
  keyId: string;
}

/** Which keys the stored secrets are sealed with, so an operator can tell whether a key may be dropped. */
export interface KeyUsage {
  /** A key id found in the store. */
  keyId: string;
  /** Whether the keyring holds it (false: these connections cannot be decrypted). */
  inKeyring: boolean;
  /** The connections sealed with it. */
  connections: string[];
}

/** Re-seals every secret not yet under the current key; all or nothing. Returns how many connections changed. */
export async function rotateEncryptionKey(deps: ConnectionDeps): Promise<KeyRotationResult> {
  const currentId = deps.keyring.current.id;
  return deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      'SELECT name, role_arn_sealed, external_id_sealed FROM connections ORDER BY name FOR UPDATE',
    );
    let reencrypted = 0;
    for (const row of rows) {
      const name = textColumn(row, 'name');
      const onCurrent =
        envelopeKeyId(textColumn(row, 'role_arn_sealed')) === currentId &&
        envelopeKeyId(textColumn(row, 'external_id_sealed')) === currentId;
      if (onCurrent) continue;
      const { roleArn, externalId } = openConnectionSecrets(row, deps.keyring);
      const [roleArnSealed, externalIdSealed] = sealConnectionSecrets(
        name,
        roleArn,
        externalId,
        deps.keyring,
      );
      await tx.query('UPDATE connections SET role_arn_sealed = $2, external_id_sealed = $3 WHERE name = $1', [
        name,
        roleArnSealed,
        externalIdSealed,
      ]);
      reencrypted++;
    }
    return { reencrypted, keyId: currentId };
  });
}

/** Which keys the stored secrets use and whether the keyring can open them. */
export async function encryptionKeyUsage(deps: ConnectionDeps): Promise<KeyUsage[]> {
  const rows = await deps.db.query(
    `SELECT split_part(role_arn_sealed, '.', 2) AS key_id, array_agg(name ORDER BY name) AS names
     FROM connections GROUP BY 1 ORDER BY 1`,
  );
  const ids = new Set([deps.keyring.current.id, ...(deps.keyring.previous ?? []).map((key) => key.id)]);
  return rows.map((row) => {
    const keyId = textColumn(row, 'key_id');
    return { keyId, inKeyring: ids.has(keyId), connections: textArrayColumn(row, 'names') };
  });
}
