import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_ID_LENGTH,
  EXTERNAL_ID_PREFIX,
  EXTERNAL_ID_RANDOM_BYTES,
  generateExternalId,
  isValidStsExternalId,
  isWellFormedExternalId,
  type RandomBytes,
  rotateExternalId,
} from '../../../core/connect/external-id.ts';
import { AxiomError } from '../../../core/errors.ts';

/** A random source that returns `bytes` and records the sizes asked for. */
function fixedRandom(bytes: Uint8Array): RandomBytes & { sizes: number[] } {
  const sizes: number[] = [];
  const source = (size: number) => {
    sizes.push(size);
    return bytes;
  };
  return Object.assign(source, { sizes });
}

function thrownBy(run: () => unknown): AxiomError {
  try {
    run();
  } catch (error) {
    if (error instanceof AxiomError) return error;
    throw error;
  }
  throw new Error('expected an AxiomError');
}

describe('generateExternalId', () => {
  it('is the prefix and base64url of at least 128 random bits', () => {
    const bytes = Uint8Array.from({ length: EXTERNAL_ID_RANDOM_BYTES }, (_, i) => i * 11);
    const random = fixedRandom(bytes);
    const id = generateExternalId(random);
    expect(random.sizes).toEqual([EXTERNAL_ID_RANDOM_BYTES]);
    expect(EXTERNAL_ID_RANDOM_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(id.startsWith(EXTERNAL_ID_PREFIX)).toBe(true);
    expect(Buffer.from(id.slice(EXTERNAL_ID_PREFIX.length), 'base64url')).toEqual(Buffer.from(bytes));
  });

  it('for any random bytes: well formed, URL-safe and within IAM sts:ExternalId rules', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: EXTERNAL_ID_RANDOM_BYTES, maxLength: EXTERNAL_ID_RANDOM_BYTES }),
        (bytes) => {
          const id = generateExternalId(() => bytes);
          expect(id).toHaveLength(EXTERNAL_ID_LENGTH);
          expect(isWellFormedExternalId(id)).toBe(true);
          expect(isValidStsExternalId(id)).toBe(true);
          expect(encodeURIComponent(id)).toBe(id);
        },
      ),
    );
  });

  it('uses the system random source by default: no repeats in a thousand', () => {
    const ids = Array.from({ length: 1000 }, () => generateExternalId());
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => isWellFormedExternalId(id))).toBe(true);
  });

  it('refuses a random source that returns the wrong number of bytes', () => {
    expect(thrownBy(() => generateExternalId(() => new Uint8Array(8))).code).toBe('external_id_entropy');
  });
});

describe('isWellFormedExternalId', () => {
  it.each([
    ['a generated shape', `axm-${'A'.repeat(32)}`, true],
    ['base64url punctuation', `axm-${'_-'.repeat(16)}`, true],
    ['no prefix', 'A'.repeat(36), false],
    ['another prefix', `abc-${'A'.repeat(32)}`, false],
    ['too short', `axm-${'A'.repeat(31)}`, false],
    ['too long', `axm-${'A'.repeat(33)}`, false],
    ['standard base64 characters', `axm-${'+/'.repeat(16)}`, false],
    ['a user-chosen word', 'my-company-external-id', false],
    ['not a string', 42, false],
    ['undefined', undefined, false],
  ])('%s', (_name, value, expected) => {
    expect(isWellFormedExternalId(value)).toBe(expected);
  });
});

describe('isValidStsExternalId', () => {
  it.each([
    ['one character', 'a', false],
    ['two characters', 'ab', true],
    ['1224 characters', 'a'.repeat(1224), true],
    ['1225 characters', 'a'.repeat(1225), false],
    ['every allowed punctuation', 'a_+=,.@:/-z', true],
    ['a space', 'a b', false],
    ['a hash', 'a#b', false],
    ['non-ASCII', 'añb', false],
    ['not a string', null, false],
  ])('%s', (_name, value, expected) => {
    expect(isValidStsExternalId(value)).toBe(expected);
  });
});

describe('rotateExternalId', () => {
  const previous = `axm-${'P'.repeat(32)}`;

  it('returns a new id and the steps, update before confirm before removal', () => {
    const rotation = rotateExternalId(previous);
    expect(isWellFormedExternalId(rotation.externalId)).toBe(true);
    expect(rotation.externalId).not.toBe(previous);
    expect(rotation.previousExternalId).toBe(previous);
    expect(rotation.steps.map((step) => step.kind)).toEqual([
      'update-trust-policy',
      'update-stack-parameter',
      'update-terraform-variable',
      'confirm-assume-role',
      'remove-old-external-id',
    ]);
  });

  it('tells each deployment method what to change, with the values', () => {
    const { externalId, steps } = rotateExternalId(previous);
    const byKind = Object.fromEntries(steps.map((step) => [step.kind, step]));
    expect(byKind['update-trust-policy']).toMatchObject({
      appliesTo: 'manual',
      condition: { StringEquals: { 'sts:ExternalId': [previous, externalId] } },
    });
    expect(byKind['update-stack-parameter']).toMatchObject({
      appliesTo: 'cloudformation',
      parameter: 'ExternalId',
      value: externalId,
    });
    expect(byKind['update-terraform-variable']).toMatchObject({
      appliesTo: 'terraform',
      variable: 'external_id',
      value: externalId,
    });
    expect(byKind['confirm-assume-role']).toMatchObject({ appliesTo: 'all', externalId });
    expect(byKind['remove-old-external-id']).toMatchObject({ appliesTo: 'all', externalId: previous });
    for (const step of steps) expect(step.instruction.length).toBeGreaterThan(20);
  });

  it('accepts an older id that IAM accepts, even if Axiom would not generate it', () => {
    expect(rotateExternalId('legacy-id-123').previousExternalId).toBe('legacy-id-123');
  });

  it('refuses a current id that IAM would not accept', () => {
    expect(thrownBy(() => rotateExternalId('has space')).code).toBe('external_id_invalid');
  });

  it('refuses a stuck random source that yields the current id again', () => {
    const bytes = Uint8Array.from({ length: EXTERNAL_ID_RANDOM_BYTES }, () => 7);
    const current = generateExternalId(() => bytes);
    expect(thrownBy(() => rotateExternalId(current, () => bytes)).code).toBe('external_id_entropy');
  });
});
