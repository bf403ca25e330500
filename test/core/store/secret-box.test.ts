import { describe, expect, it } from 'vitest';
import { keyringFromKeys } from '../../../core/store/encryption-key.ts';
import { assertValidKeyring, envelopeKeyId, openSecret, sealSecret } from '../../../core/store/secret-box.ts';
import { KEY_A, KEY_B, ROLE_ARN } from './store-support.ts';

const ring = keyringFromKeys(KEY_A);
const CONTEXT = 'axiom/connection/prod/role_arn';

describe('secret box (AES-256-GCM envelopes)', () => {
  it('round-trips, with a fresh nonce each time and the key id in the envelope', () => {
    const one = sealSecret(ROLE_ARN, ring, CONTEXT);
    const two = sealSecret(ROLE_ARN, ring, CONTEXT);
    expect(one).not.toBe(two);
    expect(one.split('.')[2]).not.toBe(two.split('.')[2]);
    expect(one).toMatch(/^v1\.k-[0-9a-f]{12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(one).not.toContain('123456789012');
    expect(envelopeKeyId(one)).toBe(ring.current.id);
    expect(openSecret(one, ring, CONTEXT, 'the ARN')).toBe(ROLE_ARN);
    expect(openSecret(sealSecret('', ring, CONTEXT), ring, CONTEXT, 'empty')).toBe('');
  });

  it('opens values sealed with a previous key, by the id stored with them', () => {
    const sealed = sealSecret(ROLE_ARN, ring, CONTEXT);
    expect(openSecret(sealed, keyringFromKeys(KEY_B, [KEY_A]), CONTEXT, 'the ARN')).toBe(ROLE_ARN);
  });

  it('throws a clear error, never garbage, for a missing key, a wrong key, another context or tampering', () => {
    const sealed = sealSecret(ROLE_ARN, ring, CONTEXT);
    expect(() => openSecret(sealed, keyringFromKeys(KEY_B), CONTEXT, 'the role ARN of prod')).toThrow(
      expect.objectContaining({
        code: 'store_key_unknown',
        message: expect.stringContaining('the role ARN of prod'),
      }),
    );
    const impostor = { current: { id: ring.current.id, key: Buffer.from(KEY_B, 'hex') } };
    expect(() => openSecret(sealed, impostor, CONTEXT, 'x')).toThrow(
      expect.objectContaining({ code: 'store_decrypt_failed' }),
    );
    expect(() => openSecret(sealed, ring, 'axiom/connection/staging/role_arn', 'x')).toThrow(
      expect.objectContaining({ code: 'store_decrypt_failed' }),
    );
    const [version, id, nonce, body = ''] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      openSecret([version, id, nonce, flipped.toString('base64url')].join('.'), ring, CONTEXT, 'x'),
    ).toThrow(expect.objectContaining({ code: 'store_decrypt_failed' }));
    for (const malformed of ['', ROLE_ARN, 'v1.k-x', `${sealed}.extra`, 'v2.a.b.c'])
      expect(() => openSecret(malformed, ring, CONTEXT, 'x')).toThrow(
        expect.objectContaining({ code: 'store_ciphertext_malformed' }),
      );
  });

  it('refuses keyrings that cannot work', () => {
    expect(() => assertValidKeyring(ring)).not.toThrow();
    for (const bad of [
      { current: { id: 'a', key: new Uint8Array(31) } },
      { current: { id: 'has space', key: new Uint8Array(32) } },
      { current: { id: 'a', key: new Uint8Array(32) }, previous: [{ id: 'a', key: new Uint8Array(32) }] },
    ])
      expect(() => assertValidKeyring(bad)).toThrow(
        expect.objectContaining({ code: 'encryption_keyring_invalid' }),
      );
  });
});
