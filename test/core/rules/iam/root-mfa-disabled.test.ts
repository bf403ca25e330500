import { describe, expect, it } from 'vitest';
import { rootMfaDisabled } from '../../../../core/rules/iam/root-mfa-disabled.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory, reportRow } from './iam-fixtures.ts';

describe('aws.iam.root-mfa-disabled', () => {
  testRule(rootMfaDisabled, [
    {
      name: 'fires when AccountMFAEnabled is 0',
      inventory: iamInventory({ accountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 } }),
      expected: [{ resourceId: TEST_ACCOUNT, severity: 'critical', message: 'AccountMFAEnabled = 0' }],
    },
    {
      name: 'says when the root password was last used',
      inventory: iamInventory({
        accountSummary: { AccountMFAEnabled: 0, AccountPasswordPresent: 1 },
        credentialReport: [reportRow('<root_account>', { passwordLastUsed: '2026-10-01T07:00:00+00:00' })],
      }),
      expected: [
        {
          resourceId: TEST_ACCOUNT,
          message: 'while it has a password (AccountPasswordPresent = 1); root password last used 2026-10-01',
        },
      ],
    },
    {
      name: 'does not fire with root MFA enabled (the live summary wins over a stale report)',
      inventory: iamInventory({
        accountSummary: { AccountMFAEnabled: 1 },
        credentialReport: [reportRow('<root_account>', { mfaActive: false })],
      }),
      expected: [],
    },
    {
      name: 'does not fire when root has no password (centralized root access removed its credentials)',
      inventory: iamInventory({
        accountSummary: { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 0 },
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

  it('keeps the summary and report values in evidence', () => {
    const [finding] = findingsOf(
      rootMfaDisabled,
      iamInventory({
        accountSummary: { AccountMFAEnabled: 0, AccountPasswordPresent: 1, AccountAccessKeysPresent: 0 },
        credentialReport: [reportRow('<root_account>')],
      }),
    );
    expect(finding?.evidence).toEqual({
      accountMfaEnabled: 0,
      accountPasswordPresent: 1,
      accountAccessKeysPresent: 0,
      reportMfaActive: false,
      rootPasswordLastUsed: null,
    });
  });
});
