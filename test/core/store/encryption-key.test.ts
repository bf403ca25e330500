import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  keyIdOf,
  keyringFromKeys,
  loadOrCreateDevKey,
  parseEncryptionKey,
} from '../../../core/store/encryption-key.ts';
import { KEY_A, KEY_B } from './store-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'axiom-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encryption keys', () => {
  it('reads a 32-byte key as hex, base64 or base64url', () => {
    const bytes = Buffer.from(KEY_B, 'hex');
    expect(Buffer.from(parseEncryptionKey(KEY_B))).toEqual(bytes);
    expect(Buffer.from(parseEncryptionKey(` ${bytes.toString('base64')}\n`))).toEqual(bytes);
    expect(Buffer.from(parseEncryptionKey(bytes.toString('base64url')))).toEqual(bytes);
  });

  it('refuses anything else without echoing it', () => {
    for (const bad of [
      '',
      'secret-passphrase',
      KEY_A.slice(2),
      Buffer.alloc(16).toString('base64'),
      `${KEY_A}00`,
    ]) {
      expect(() => parseEncryptionKey(bad)).toThrow(
        expect.objectContaining({ code: 'encryption_key_invalid' }),
      );
      try {
        parseEncryptionKey(bad);
      } catch (error) {
        if (bad !== '') expect(String(error)).not.toContain(bad);
      }
    }
  });

  it('names keys by a stable fingerprint that differs between keys', () => {
    expect(keyIdOf(parseEncryptionKey(KEY_A))).toMatch(/^k-[0-9a-f]{12}$/);
    expect(keyIdOf(parseEncryptionKey(KEY_A))).toBe(keyringFromKeys(KEY_A).current.id);
    expect(keyIdOf(parseEncryptionKey(KEY_A))).not.toBe(keyIdOf(parseEncryptionKey(KEY_B)));
    expect(keyringFromKeys(KEY_B, [KEY_A]).previous?.map((k) => k.id)).toEqual([
      keyIdOf(parseEncryptionKey(KEY_A)),
    ]);
  });

  it('creates a development key file with mode 0600 once, then reads the same key', async () => {
    const path = join(dir, 'nested', 'encryption.key');
    const first = await loadOrCreateDevKey(path);
    expect(first.created).toBe(true);
    expect(first.key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o077).toBe(0);
    expect(Buffer.from(parseEncryptionKey(readFileSync(path, 'utf8')))).toEqual(Buffer.from(first.key));

    const second = await loadOrCreateDevKey(path);
    expect(second.created).toBe(false);
    expect(Buffer.from(second.key)).toEqual(Buffer.from(first.key));
  });

  it('refuses a key file other users can read', async () => {
    const path = join(dir, 'loose.key');
    writeFileSync(path, KEY_A);
    chmodSync(path, 0o644);
    await expect(loadOrCreateDevKey(path)).rejects.toMatchObject({ code: 'encryption_key_file_exposed' });
  });
});
