/** Shared material for the store suites: fixed test keys, a sample connection, raw reads of a data folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewConnection } from '../../../core/store/connection.ts';
import { keyringFromKeys } from '../../../core/store/encryption-key.ts';
import type { Keyring } from '../../../core/store/secret-box.ts';
import { type OpenStoreOptions, openStore, type Store } from '../../../core/store/store.ts';
import type { StoreLocation } from '../../helpers/postgres.ts';

/** Two fixed keys (hex), so key rotation can be tested. */
export const KEY_A = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
export const KEY_B = 'f0e0d0c0b0a090807060504030201000ffeeddccbbaa99887766554433221100';

/** A keyring on KEY_A. */
export const KEYRING_A: Keyring = keyringFromKeys(KEY_A);

/** A role ARN and External ID that must never appear in plain text at rest. */
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/AxiomReadOnlyProd';
export const EXTERNAL_ID = 'axm-Q2hlY2tUaGVTZWNyZXRJc05vdEluUGxh';

/** A valid new connection; override what a test needs. */
export function sampleConnection(overrides: Partial<NewConnection> = {}): NewConnection {
  return {
    name: 'prod',
    roleArn: ROLE_ARN,
    externalId: EXTERNAL_ID,
    regions: ['us-east-1', 'eu-west-1'],
    allowedChannelIds: ['C0PROD1'],
    healthChannelId: 'C0OPS1',
    createdBy: 'U0ADMIN1',
    ...overrides,
  };
}

/** Opens a store at `location` with `keyring` (KEYRING_A by default). */
export function openAt(
  location: StoreLocation,
  keyring: Keyring = KEYRING_A,
  extra: Partial<OpenStoreOptions> = {},
): Promise<Store> {
  return openStore({ ...location, keyring, ...extra });
}

/** Every file under `dir`, with its bytes. */
export function readTree(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: readFileSync(path) };
    });
}

/** Files under `dir` whose bytes contain `needle` (as UTF-8). */
export function filesContaining(dir: string, needle: string): string[] {
  const pattern = Buffer.from(needle, 'utf8');
  return readTree(dir)
    .filter((file) => file.bytes.includes(pattern))
    .map((file) => file.path);
}
