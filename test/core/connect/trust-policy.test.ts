import { describe, expect, it } from 'vitest';
import { validateIamPolicy } from '../../../core/connect/iam-policy-schema.ts';
import {
  buildGithubOidcTrustPolicy,
  buildScannerTrustPolicy,
  type GithubOidcTrustOptions,
  githubOidcSubjects,
  parseGithubRepository,
} from '../../../core/connect/trust-policy.ts';
import { AxiomError } from '../../../core/errors.ts';

const EXTERNAL_ID = `axm-${'x'.repeat(32)}`;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AxiomError) return error.code;
    throw error;
  }
  throw new Error('expected an AxiomError');
}

describe('buildScannerTrustPolicy', () => {
  it('lets only the scanner account assume the role, only with the External ID', () => {
    const policy = buildScannerTrustPolicy({ scannerAccountId: '012345678901', externalId: EXTERNAL_ID });
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AxiomScannerAssumeRole',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::012345678901:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        },
      ],
    });
    expect(validateIamPolicy(policy, 'trust')).toEqual({ valid: true, policy });
  });

  it('builds the principal in the given partition', () => {
    const policy = buildScannerTrustPolicy({
      scannerAccountId: '123456789012',
      externalId: EXTERNAL_ID,
      partition: 'aws-us-gov',
    });
    expect(JSON.stringify(policy)).toContain('arn:aws-us-gov:iam::123456789012:root');
  });

  it.each(['12345', '1234567890123', 'abcdefghijkl', ' 123456789012', '12345678901O'])(
    'refuses the account id %j',
    (scannerAccountId) => {
      expect(codeOf(() => buildScannerTrustPolicy({ scannerAccountId, externalId: EXTERNAL_ID }))).toBe(
        'invalid_account_id',
      );
    },
  );

  it('refuses an External ID IAM would not accept', () => {
    expect(
      codeOf(() => buildScannerTrustPolicy({ scannerAccountId: '123456789012', externalId: 'a b' })),
    ).toBe('external_id_invalid');
  });
});

const base: GithubOidcTrustOptions = {
  accountId: '111122223333',
  repository: 'octo-org/octo-repo',
  filter: { kind: 'branch', branch: 'main' },
};
const ids = { ownerId: 123456, repositoryId: '456789' };

describe('githubOidcSubjects', () => {
  it.each<[string, GithubOidcTrustOptions['filter'], string]>([
    ['a branch', { kind: 'branch', branch: 'main' }, 'repo:octo-org/octo-repo:ref:refs/heads/main'],
    [
      'a branch given as a ref',
      { kind: 'branch', branch: 'refs/heads/main' },
      'repo:octo-org/octo-repo:ref:refs/heads/main',
    ],
    ['a tag', { kind: 'tag', tag: 'v1.2.3' }, 'repo:octo-org/octo-repo:ref:refs/tags/v1.2.3'],
    [
      'an environment',
      { kind: 'environment', environment: 'Production' },
      'repo:octo-org/octo-repo:environment:Production',
    ],
    [
      'an environment with a colon (GitHub escapes it)',
      { kind: 'environment', environment: 'Production:V1' },
      'repo:octo-org/octo-repo:environment:Production%3AV1',
    ],
    ['pull requests', { kind: 'pull_request' }, 'repo:octo-org/octo-repo:pull_request'],
  ])('pins %s in the name-based format', (_name, filter, subject) => {
    expect(githubOidcSubjects({ ...base, filter })).toEqual([subject]);
  });

  it('accepts both formats when the ids are given, name-based first', () => {
    expect(githubOidcSubjects({ ...base, repositoryIds: ids })).toEqual([
      'repo:octo-org/octo-repo:ref:refs/heads/main',
      'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main',
    ]);
  });

  it('accepts only the immutable format when asked', () => {
    expect(
      githubOidcSubjects({
        ...base,
        filter: { kind: 'environment', environment: 'prod' },
        repositoryIds: ids,
        subjectFormat: 'immutable',
      }),
    ).toEqual(['repo:octo-org@123456/octo-repo@456789:environment:prod']);
  });

  it('needs the ids for the immutable format', () => {
    expect(codeOf(() => githubOidcSubjects({ ...base, subjectFormat: 'immutable' }))).toBe(
      'invalid_github_oidc_input',
    );
  });

  it.each([
    { ownerId: 0, repositoryId: 1 },
    { ownerId: '12a', repositoryId: 1 },
    { ownerId: 1, repositoryId: '-5' },
  ])('refuses ids that are not GitHub ids: %j', (repositoryIds) => {
    expect(codeOf(() => githubOidcSubjects({ ...base, repositoryIds }))).toBe('invalid_github_oidc_input');
  });

  it.each<GithubOidcTrustOptions['filter']>([
    { kind: 'branch', branch: '' },
    { kind: 'branch', branch: 'main branch' },
    { kind: 'branch', branch: 'a:b' },
    { kind: 'tag', tag: 'v1\n' },
    { kind: 'environment', environment: '' },
  ])('refuses a filter GitHub cannot produce: %j', (filter) => {
    expect(codeOf(() => githubOidcSubjects({ ...base, filter }))).toBe('invalid_github_oidc_input');
  });

  it('explains a malformed repository', () => {
    let thrown: unknown;
    try {
      githubOidcSubjects({ ...base, repository: 'octo-repo' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AxiomError);
    expect((thrown as AxiomError).message).toContain("write it as 'owner/name'");
  });
});

describe('parseGithubRepository', () => {
  it.each(['octo-org/octo-repo', 'a/b', 'Octo/repo.name_with-dots', `${'a'.repeat(39)}/${'b'.repeat(100)}`])(
    'accepts %s',
    (value) => {
      expect(parseGithubRepository(value).ok).toBe(true);
    },
  );

  it.each([
    'octo-repo',
    'a/b/c',
    '/repo',
    'owner/',
    '-owner/repo',
    'own*/repo',
    'owner/re*po',
    'owner/repo:ref',
    'owner/.',
    'owner/..',
    'own er/repo',
    `${'a'.repeat(40)}/repo`,
    `owner/${'b'.repeat(101)}`,
  ])('rejects %j with a message', (value) => {
    const result = parseGithubRepository(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('buildGithubOidcTrustPolicy', () => {
  it('trusts the GitHub OIDC provider for one exact subject, with StringEquals only', () => {
    const policy = buildGithubOidcTrustPolicy(base);
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AxiomGithubOidcAssumeRole',
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main',
            },
          },
        },
      ],
    });
  });

  it('lists both subjects under StringEquals when the ids are given', () => {
    const policy = buildGithubOidcTrustPolicy({
      ...base,
      filter: { kind: 'pull_request' },
      repositoryIds: ids,
    });
    const statement = Array.isArray(policy.Statement) ? policy.Statement[0] : policy.Statement;
    expect(statement?.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': [
          'repo:octo-org/octo-repo:pull_request',
          'repo:octo-org@123456/octo-repo@456789:pull_request',
        ],
      },
    });
  });

  it('uses StringLike for the subject only when a wildcard is asked for', () => {
    const policy = buildGithubOidcTrustPolicy({ ...base, filter: { kind: 'branch', branch: 'release/*' } });
    const statement = Array.isArray(policy.Statement) ? policy.Statement[0] : policy.Statement;
    expect(statement?.Condition).toEqual({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: {
        'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/release/*',
      },
    });
  });

  it('refuses an account id that is not 12 digits', () => {
    expect(codeOf(() => buildGithubOidcTrustPolicy({ ...base, accountId: '1111' }))).toBe(
      'invalid_account_id',
    );
  });

  it('validates against the IAM trust-policy grammar in every variant', () => {
    const variants: GithubOidcTrustOptions[] = [
      base,
      { ...base, filter: { kind: 'tag', tag: 'v*' } },
      { ...base, filter: { kind: 'environment', environment: 'prod' }, repositoryIds: ids },
      { ...base, filter: { kind: 'pull_request' }, repositoryIds: ids, subjectFormat: 'immutable' },
      { ...base, partition: 'aws-cn' },
    ];
    for (const options of variants) {
      const policy = buildGithubOidcTrustPolicy(options);
      expect(validateIamPolicy(policy, 'trust')).toEqual({ valid: true, policy });
    }
  });
});
