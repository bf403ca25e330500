import { describe, expect, it } from 'vitest';
import { rootAccessKeys } from '../../../../core/rules/iam/root-access-keys.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory, reportRow } from './iam-fixtures.ts';

const ROOT = '<root_account>';

describe('aws.iam.root-access-keys', () => {
  testRule(rootAccessKeys, [
    {
      name: 'fires when the account summary reports root access keys',
      inventory: iamInventory({ accountSummary: { AccountAccessKeysPresent: 1, AccountMFAEnabled: 1 } }),
      expected: [{ resourceId: TEST_ACCOUNT, severity: 'critical', message: 'AccountAccessKeysPresent = 1' }],
    },
    {
      name: 'names the active key from the credential report',
      inventory: iamInventory({
        accountSummary: { AccountAccessKeysPresent: 1 },
        credentialReport: [
          reportRow(ROOT, {
            accessKey1Active: true,
            accessKey1LastRotated: '2019-04-02T10:00:00+00:00',
            accessKey1LastUsed: '2026-11-20T08:15:00+00:00',
          }),
        ],
      }),
      expected: [
        {
          resourceId: TEST_ACCOUNT,
          message: 'access_key_1 active, created 2019-04-02, last used 2026-11-20',
        },
      ],
    },
    {
      name: 'still fires for a present but inactive key (it can be reactivated)',
      inventory: iamInventory({
        accountSummary: { AccountAccessKeysPresent: 1 },
        credentialReport: [
          reportRow(ROOT, { accessKey2Active: false, accessKey2LastRotated: '2020-01-01T00:00:00+00:00' }),
        ],
      }),
      expected: [
        { resourceId: TEST_ACCOUNT, message: 'access_key_2 inactive, created 2020-01-01, never used' },
      ],
    },
    {
      name: 'says so when the report shows no active root key',
      inventory: iamInventory({
        accountSummary: { AccountAccessKeysPresent: 1 },
        credentialReport: [reportRow(ROOT)],
      }),
      expected: [
        { resourceId: TEST_ACCOUNT, message: 'shows no active root key, so the key is inactive or newer' },
      ],
    },
    {
      name: 'does not fire when the summary says none, even if an older report still lists one',
      inventory: iamInventory({
        accountSummary: { AccountAccessKeysPresent: 0 },
        credentialReport: [reportRow(ROOT, { accessKey1Active: true })],
      }),
      expected: [],
    },
    {
      name: 'does not fire for IAM users with keys',
      inventory: iamInventory({
        accountSummary: { AccountAccessKeysPresent: 0 },
        credentialReport: [reportRow(ROOT), reportRow('alice', { accessKey1Active: true })],
      }),
      expected: [],
    },
    {
      name: 'not evaluated when GetAccountSummary is denied',
      inventory: iamInventory({}, [denied('GetAccountSummary')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('keeps the summary value and each key of the report in evidence', () => {
    const [finding] = findingsOf(
      rootAccessKeys,
      iamInventory({
        accountSummary: { AccountAccessKeysPresent: 1 },
        credentialReport: [
          reportRow(ROOT, { accessKey1Active: true, accessKey1LastRotated: '2019-04-02T10:00:00+00:00' }),
        ],
      }),
    );
    expect(finding?.resource).toMatchObject({
      type: 'AWS::::Account',
      arn: `arn:aws:iam::${TEST_ACCOUNT}:root`,
    });
    expect(finding?.evidence).toEqual({
      accountAccessKeysPresent: 1,
      activeKeys: 1,
      credentialReport: [
        { key: 'access_key_1', active: true, lastRotated: '2019-04-02T10:00:00+00:00', lastUsed: null },
        { key: 'access_key_2', active: false, lastRotated: null, lastUsed: null },
      ],
    });
  });
});
