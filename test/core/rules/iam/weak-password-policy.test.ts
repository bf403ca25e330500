import { describe, expect, it } from 'vitest';
import { weakPasswordPolicy } from '../../../../core/rules/iam/weak-password-policy.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory } from './iam-fixtures.ts';

const STRONG = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  requireSymbols: false,
  requireNumbers: false,
  requireUppercaseCharacters: false,
  requireLowercaseCharacters: false,
};

describe('aws.iam.weak-password-policy', () => {
  testRule(weakPasswordPolicy, [
    {
      name: 'fires when there is no password policy',
      inventory: iamInventory({ passwordPolicy: null }),
      expected: [{ resourceId: TEST_ACCOUNT, severity: 'medium', message: 'has no IAM password policy' }],
    },
    {
      name: 'names a short minimum length',
      inventory: iamInventory({ passwordPolicy: { ...STRONG, minimumPasswordLength: 8 } }),
      expected: [
        { resourceId: TEST_ACCOUNT, message: 'MinimumPasswordLength is 8 (CIS 1.8 requires at least 14).' },
      ],
    },
    {
      name: 'names missing reuse prevention and a low one',
      inventory: iamInventory({
        passwordPolicy: { minimumPasswordLength: 12, passwordReusePrevention: 5 },
      }),
      expected: [
        {
          resourceId: TEST_ACCOUNT,
          message:
            'MinimumPasswordLength is 12 (CIS 1.8 requires at least 14); PasswordReusePrevention is 5 (CIS 1.9 requires at least 24)',
        },
      ],
    },
    {
      name: 'says "not set" for reuse prevention that is absent',
      inventory: iamInventory({ passwordPolicy: { minimumPasswordLength: 16 } }),
      expected: [{ resourceId: TEST_ACCOUNT, message: 'PasswordReusePrevention is not set' }],
    },
    {
      name: 'does not fire at the CIS values, whatever the composition rules',
      inventory: iamInventory({ passwordPolicy: STRONG }),
      expected: [],
    },
    {
      name: 'not evaluated when GetAccountPasswordPolicy is denied',
      inventory: iamInventory({}, [denied('GetAccountPasswordPolicy')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('lists each shortfall in evidence with the policy', () => {
    const policy = { minimumPasswordLength: 10, passwordReusePrevention: 24 };
    const [finding] = findingsOf(weakPasswordPolicy, iamInventory({ passwordPolicy: policy }));
    expect(finding?.evidence).toEqual({
      passwordPolicy: policy,
      shortfalls: [{ setting: 'MinimumPasswordLength', actual: 10, required: 14, control: 'CIS 1.8' }],
    });
  });
});
