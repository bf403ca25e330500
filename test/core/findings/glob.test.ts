import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../../core/findings/glob.ts';

describe('matchesGlob for paths', () => {
  it.each([
    ['infra/legacy/**', 'infra/legacy/role.json', true],
    ['infra/legacy/**', 'infra/legacy/a/b/c.tf', true],
    ['infra/legacy/**', 'infra/legacy-2/role.json', false],
    ['infra/legacy/**', 'other/infra/legacy/role.json', false],
    ['**/*.tf', 'main.tf', true],
    ['**/*.tf', 'a/b/main.tf', true],
    ['**/*.tf', 'a/b/main.tf.json', false],
    ['infra/*.json', 'infra/role.json', true],
    ['infra/*.json', 'infra/iam/role.json', false],
    ['infra/**/role.json', 'infra/role.json', true],
    ['infra/**/role.json', 'infra/a/b/role.json', true],
    ['infra/rol?.json', 'infra/role.json', true],
    ['infra/rol?.json', 'infra/rol/.json', false],
    ['policies/[legacy] (old).json', 'policies/[legacy] (old).json', true],
    ['policies/[legacy].json', 'policies/l.json', false],
    ['a.b', 'axb', false],
    ['infra/legacy/role.json', 'infra/legacy/role.json', true],
  ])('%j against %j -> %s', (pattern, text, expected) => {
    expect(matchesGlob(pattern, text, { paths: true })).toBe(expected);
  });
});

describe('matchesGlob for ids and ARNs', () => {
  it.each([
    ['iam.policy.*', 'iam.policy.resource-star', true],
    ['iam.policy.*', 'iam.trust.open', false],
    ['iam.*', 'iam.policy.resource-star', true],
    ['arn:aws:s3:::logs-*', 'arn:aws:s3:::logs-prod', true],
    ['arn:aws:iam::*:role/*', 'arn:aws:iam::111122223333:role/path/to/deploy', true],
    ['arn:aws:s3:::logs-?', 'arn:aws:s3:::logs-12', false],
    ['*', 'anything/at:all', true],
    ['sg-(1)', 'sg-(1)', true],
  ])('%j against %j -> %s', (pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected);
  });

  it('compares case-insensitively only when asked', () => {
    expect(matchesGlob('IAM.Policy.*', 'iam.policy.x')).toBe(false);
    expect(matchesGlob('IAM.Policy.*', 'iam.policy.x', { ignoreCase: true })).toBe(true);
  });
});
