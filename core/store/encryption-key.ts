/**
 * Where the store's encryption key comes from: a 32-byte key the operator supplies (hex or base64), or in
 * development a key file generated once with mode 0600. Key ids default to a fingerprint of the key, so the
 * operator never has to name keys and a wrong key is recognised as "not the key these values were sealed with".
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AxiomError } from '../errors.ts';
import type { EncryptionKey, Keyring } from './secret-box.ts';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Decodes a 32-byte key written as 64 hex characters or base64 (standard or URL-safe). The message on failure
 * describes the input's shape, never its value.
 */
export function parseEncryptionKey(text: string): Uint8Array {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed)) {
    const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  throw new AxiomError(
    'encryption_key_invalid',
    `The encryption key is not a 32-byte key: got ${trimmed.length} characters, expected 64 hex characters or 44 base64 characters.`,
    { hint: 'Generate one with `openssl rand -base64 32`.' },
  );
}

/** A stable, non-reversible id for `key` (`k-` and 12 hex characters of an HMAC of a fixed label). */
export function keyIdOf(key: Uint8Array): string {
  return `k-${createHmac('sha256', key).update('axiom store key id').digest('hex').slice(0, 12)}`;
}

function asKey(key: string | Uint8Array): EncryptionKey {
  const bytes = typeof key === 'string' ? parseEncryptionKey(key) : key;
  return { id: keyIdOf(bytes), key: bytes };
}

/** A keyring from the current key and any previous ones (text or bytes), each identified by its fingerprint. */
export function keyringFromKeys(
  current: string | Uint8Array,
  previous: readonly (string | Uint8Array)[] = [],
): Keyring {
  return { current: asKey(current), previous: previous.map(asKey) };
}

/** The development key and whether this call generated it (the caller then warns). */
export interface DevKey {
  /** The 32-byte key. */
  key: Uint8Array;
  /** True when the file did not exist and was just written. */
  created: boolean;
  /** The key file. */
  path: string;
}

async function readKeyFile(path: string): Promise<Uint8Array> {
  // Windows reports no POSIX permission bits, so the check would always fail there.
  if (process.platform !== 'win32') {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0)
      throw new AxiomError(
        'encryption_key_file_exposed',
        `The encryption key file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}).`,
        { hint: `Run \`chmod 600 ${path}\`, or supply the key another way.` },
      );
  }
  return parseEncryptionKey(await readFile(path, 'utf8'));
}

/**
 * Reads the key file at `path`, or creates it (folder 0700, file 0600) with a fresh random key when it does
 * not exist. For development only: a key stored beside the data protects it from nothing but casual reads.
 */
export async function loadOrCreateDevKey(path: string): Promise<DevKey> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  try {
    // 'wx' fails when the file exists, so two processes starting together cannot overwrite each other's key.
    await writeFile(path, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return { key, created: true, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: await readKeyFile(path), created: false, path };
}
