import { describe, expect, it } from 'vitest';
import { credentialsUnused } from '../../../../core/rules/iam/credentials-unused.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory, reportRow } from './iam-fixtures.ts';

// TEST_NOW is 2026-11-25T12:00:00Z.
const DAYS_90 = '2026-08-27T12:00:00+00:00';
const DAYS_89 = '2026-08-28T12:00:00+00:00';

describe('aws.iam.credentials-unused', () => {
  testRule(credentialsUnused, [
    {
      name: 'fires for a password last used 90 days ago',
      inventory: iamInventory({
        credentialReport: [reportRow('alice', { passwordEnabled: true, passwordLastUsed: DAYS_90 })],
      }),
      expected: [
        {
          resourceId: 'alice',
          severity: 'medium',
          message: "alice's console password was last used 2026-08-27, 90 days ago (threshold 90)",
        },
      ],
    },
    {
      name: 'fires for a never-used password set long ago',
      inventory: iamInventory({
        credentialReport: [
          reportRow('bob', {
            passwordEnabled: true,
            userCreationTime: '2024-01-10T09:00:00+00:00',
            passwordLastChanged: '2025-06-01T00:00:00+00:00',
          }),
        ],
      }),
      expected: [
        { resourceId: 'bob', message: 'has never been used and has existed since 2025-06-01, 542 days ago' },
      ],
    },
    {
      name: 'fires for active keys unused or never used for 90 days',
      inventory: iamInventory({
        credentialReport: [
          reportRow('ci', {
            accessKey1Active: true,
            accessKey1LastRotated: '2025-01-01T00:00:00+00:00',
            accessKey1LastUsed: '2026-03-01T10:00:00+00:00',
            accessKey2Active: true,
            accessKey2LastRotated: '2026-05-01T00:00:00+00:00',
          }),
        ],
      }),
      expected: [
        { resourceId: 'ci', message: 'access_key_1 was last used 2026-03-01, 269 days ago' },
        {
          resourceId: 'ci',
          message: 'access_key_2 has never been used and was created 2026-05-01, 208 days ago',
        },
      ],
    },
    {
      name: 'does not fire for recent use, a password set recently on an old user, inactive keys or root',
      inventory: iamInventory({
        credentialReport: [
          reportRow('<root_account>', { passwordLastUsed: '2020-01-01T00:00:00+00:00' }),
          reportRow('recent', { passwordEnabled: true, passwordLastUsed: DAYS_89 }),
          reportRow('new-password', {
            passwordEnabled: true,
            userCreationTime: '2020-01-01T00:00:00+00:00',
            passwordLastChanged: '2026-11-20T00:00:00+00:00',
          }),
          reportRow('keys', {
            accessKey1Active: true,
            accessKey1LastRotated: '2020-01-01T00:00:00+00:00',
            accessKey1LastUsed: DAYS_89,
            accessKey2Active: false,
            accessKey2LastRotated: '2020-01-01T00:00:00+00:00',
          }),
          reportRow('new-key', { accessKey1Active: true, accessKey1LastRotated: DAYS_89 }),
          reportRow('no-password', { passwordEnabled: false, passwordLastUsed: '2020-01-01T00:00:00+00:00' }),
        ],
      }),
      expected: [],
    },
    {
      name: 'not evaluated when the credential report could not be generated',
      inventory: iamInventory({}, [denied('GenerateCredentialReport')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps dates and idle days in evidence, one fingerprint per credential', () => {
    const findings = findingsOf(
      credentialsUnused,
      iamInventory({
        credentialReport: [
          reportRow('dave', {
            passwordEnabled: true,
            passwordLastUsed: '2026-01-15T08:00:00+00:00',
            accessKey1Active: true,
            accessKey1LastRotated: '2025-05-05T00:00:00+00:00',
            accessKey1LastUsed: '2026-02-01T00:00:00+00:00',
          }),
        ],
      }),
    );
    expect(findings.map((finding) => finding.evidence)).toEqual([
      {
        user: 'dave',
        credential: 'password',
        passwordLastUsed: '2026-01-15T08:00:00+00:00',
        passwordLastChanged: null,
        userCreationTime: '2024-01-10T09:00:00+00:00',
        thresholdDays: 90,
        daysUnused: 314,
      },
      {
        user: 'dave',
        credential: 'access_key_1',
        active: true,
        lastUsed: '2026-02-01T00:00:00+00:00',
        lastRotated: '2025-05-05T00:00:00+00:00',
        daysUnused: 297,
        thresholdDays: 90,
      },
    ]);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(findings[0]?.remediation).toContain('aws iam delete-login-profile --user-name dave');
  });
});
