import { describe, expect, it } from 'vitest';
import { accessKeyNotRotated } from '../../../../core/rules/iam/access-key-not-rotated.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory, reportRow } from './iam-fixtures.ts';

// TEST_NOW is 2026-11-25T12:00:00Z: 91 whole days after 2026-08-26T12:00Z, 90 after 2026-08-27T12:00Z.
const DAYS_91 = '2026-08-26T12:00:00+00:00';
const DAYS_90 = '2026-08-27T12:00:00+00:00';

describe('aws.iam.access-key-not-rotated', () => {
  testRule(accessKeyNotRotated, [
    {
      name: 'fires for an active key 91 days old',
      inventory: iamInventory({
        credentialReport: [reportRow('ci', { accessKey1Active: true, accessKey1LastRotated: DAYS_91 })],
      }),
      expected: [
        {
          resourceId: 'ci',
          severity: 'medium',
          message: 'active access key (access_key_1) created 2026-08-26, 91 days ago (limit 90); never used',
        },
      ],
    },
    {
      name: 'one finding per old key',
      inventory: iamInventory({
        credentialReport: [
          reportRow('deploy', {
            accessKey1Active: true,
            accessKey1LastRotated: '2023-02-01T00:00:00+00:00',
            accessKey1LastUsed: '2026-11-24T00:00:00+00:00',
            accessKey2Active: true,
            accessKey2LastRotated: '2025-01-01T00:00:00+00:00',
          }),
        ],
      }),
      expected: [
        { resourceId: 'deploy', message: 'access_key_1' },
        { resourceId: 'deploy', message: 'access_key_2' },
      ],
    },
    {
      name: 'does not fire at exactly 90 days, for inactive keys, or for the root user',
      inventory: iamInventory({
        credentialReport: [
          reportRow('<root_account>', {
            accessKey1Active: true,
            accessKey1LastRotated: '2015-01-01T00:00:00+00:00',
          }),
          reportRow('fresh', { accessKey1Active: true, accessKey1LastRotated: DAYS_90 }),
          reportRow('old-off', {
            accessKey2Active: false,
            accessKey2LastRotated: '2020-01-01T00:00:00+00:00',
          }),
        ],
      }),
      expected: [],
    },
    {
      name: 'not evaluated when the credential report is denied',
      inventory: iamInventory({}, [denied('GetCredentialReport')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps the key, its creation time, its age in days and last use in evidence', () => {
    const findings = findingsOf(
      accessKeyNotRotated,
      iamInventory({
        credentialReport: [
          reportRow('deploy', {
            accessKey2Active: true,
            accessKey2LastRotated: '2025-11-25T12:00:00+00:00',
            accessKey2LastUsed: '2026-11-01T09:00:00+00:00',
          }),
        ],
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toEqual({
      user: 'deploy',
      key: 'access_key_2',
      active: true,
      lastRotated: '2025-11-25T12:00:00+00:00',
      ageDays: 365,
      lastUsed: '2026-11-01T09:00:00+00:00',
      maxAgeDays: 90,
    });
  });

  it('gives each key of a user its own fingerprint', () => {
    const findings = findingsOf(
      accessKeyNotRotated,
      iamInventory({
        credentialReport: [
          reportRow('deploy', {
            accessKey1Active: true,
            accessKey1LastRotated: DAYS_91,
            accessKey2Active: true,
            accessKey2LastRotated: DAYS_91,
          }),
        ],
      }),
    );
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });
});
