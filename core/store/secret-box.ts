/**
 * Secrets at rest: AES-256-GCM with a fresh random 96-bit nonce per value, sealed into a self-describing text
 * envelope `v1.<key id>.<nonce>.<ciphertext and tag>` (base64url). The key id lets a keyring hold old keys
 * while values are re-encrypted under a new one. Associated data binds each value to where it is stored
 * (connection and field), so a ciphertext copied into another row or column fails authentication.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AxiomError } from '../errors.ts';

/** One AES-256 key and the id stored beside every value it encrypts. */
export interface EncryptionKey {
  /** Short name stored with each value (letters, digits, `_` and `-`, up to 64). */
  id: string;
  /** 32 bytes. */
  key: Uint8Array;
}

/** The key new values are sealed with, and older keys that can still open values sealed before a rotation. */
export interface Keyring {
  /** Seals every new value; opens values that carry its id. */
  current: EncryptionKey;
  /** Open values that carry their ids, until `rotateEncryptionKey` has re-sealed them under `current`. */
  previous?: readonly EncryptionKey[];
}

/** Envelope format version; also the prefix the database's CHECK constraint looks for. */
export const ENVELOPE_VERSION = 'v1';

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function keyringProblem(keyring: Keyring): string | undefined {
  const keys = [keyring.current, ...(keyring.previous ?? [])];
  const seen = new Set<string>();
  for (const { id, key } of keys) {
    if (!KEY_ID.test(id)) return `the key id "${id}" is not 1-64 letters, digits, "_" or "-"`;
    if (key.length !== 32) return `the key "${id}" is ${key.length} bytes long; AES-256 needs exactly 32`;
    if (seen.has(id)) return `the key id "${id}" appears twice`;
    seen.add(id);
  }
  return undefined;
}

/** Throws `encryption_keyring_invalid` unless every key is 32 bytes under a distinct, well-formed id. */
export function assertValidKeyring(keyring: Keyring): void {
  const problem = keyringProblem(keyring);
  if (problem !== undefined)
    throw new AxiomError('encryption_keyring_invalid', `The encryption keyring is not usable: ${problem}.`, {
      hint: 'Supply a 32-byte key as 64 hex characters or 44 base64 characters (for example `openssl rand -base64 32`).',
    });
}

/** Encrypts `plaintext` under the keyring's current key, bound to `context`. */
export function sealSecret(plaintext: string, keyring: Keyring, context: string): string {
  const { id, key } = keyring.current;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [ENVELOPE_VERSION, id, nonce.toString('base64url'), body.toString('base64url')].join('.');
}

/** The id of the key that sealed `envelope`, or undefined when it is not an envelope. */
export function envelopeKeyId(envelope: string): string | undefined {
  const [version, id] = envelope.split('.');
  return version === ENVELOPE_VERSION && id !== undefined && KEY_ID.test(id) ? id : undefined;
}

/**
 * Decrypts an envelope sealed for `context`. `subject` names the value in errors ("the role ARN of connection
 * 'prod'"). A missing key or a failed integrity check throws with a clear message; it never returns garbage.
 */
export function openSecret(envelope: string, keyring: Keyring, context: string, subject: string): string {
  const [version, id, nonceText, bodyText, extra] = envelope.split('.');
  const nonce = Buffer.from(nonceText ?? '', 'base64url');
  const body = Buffer.from(bodyText ?? '', 'base64url');
  if (
    version !== ENVELOPE_VERSION ||
    id === undefined ||
    extra !== undefined ||
    nonce.length !== NONCE_BYTES ||
    body.length < TAG_BYTES
  )
    throw new AxiomError(
      'store_ciphertext_malformed',
      `Could not decrypt ${subject}: the stored value is not an Axiom ${ENVELOPE_VERSION} envelope.`,
      { hint: 'The database was altered outside Axiom; reconnect the account to store the value again.' },
    );
  const key = [keyring.current, ...(keyring.previous ?? [])].find((candidate) => candidate.id === id);
  if (key === undefined)
    throw new AxiomError(
      'store_key_unknown',
      `Could not decrypt ${subject}: it was encrypted with key "${id}", which is not in the keyring (the current key is "${keyring.current.id}").`,
      {
        hint: 'Start Axiom with that key as the current or a previous encryption key, or disconnect and reconnect the account.',
      },
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new AxiomError(
      'store_decrypt_failed',
      `Could not decrypt ${subject}: it failed its integrity check, so key "${id}" is not the key that encrypted it, or the stored value was altered.`,
      {
        hint: 'Check that the encryption key is the one the value was stored with; if the database was altered, disconnect and reconnect the account.',
        cause: error,
      },
    );
  }
}
