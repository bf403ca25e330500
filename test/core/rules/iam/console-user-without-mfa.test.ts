import { describe, expect, it } from 'vitest';
import { consoleUserWithoutMfa } from '../../../../core/rules/iam/console-user-without-mfa.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { denied, findingsOf, iamInventory, reportRow } from './iam-fixtures.ts';

describe('aws.iam.console-user-without-mfa', () => {
  testRule(consoleUserWithoutMfa, [
    {
      name: 'fires for a user with a console password and no MFA',
      inventory: iamInventory({
        credentialReport: [
          reportRow('<root_account>'),
          reportRow('alice', { passwordEnabled: true, passwordLastUsed: '2026-11-24T18:30:00+00:00' }),
        ],
      }),
      expected: [
        {
          resourceId: 'alice',
          severity: 'high',
          message:
            'IAM user alice has a console password (password_enabled true) and no MFA device (mfa_active false); password last used 2026-11-24',
        },
      ],
    },
    {
      name: 'does not fire for users with MFA, API-only users or the root user',
      inventory: iamInventory({
        credentialReport: [
          reportRow('<root_account>', { passwordEnabled: true, mfaActive: false }),
          reportRow('bob', { passwordEnabled: true, mfaActive: true }),
          reportRow('ci', { passwordEnabled: false, accessKey1Active: true }),
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
    {
      name: 'not evaluated when the credential report could not be read',
      inventory: iamInventory({}, [denied('GetCredentialReport')]),
      expected: [],
      notEvaluatedIn: 'global',
    },
  ]);

  it('names the user ARN and keeps the report values', () => {
    const [finding] = findingsOf(
      consoleUserWithoutMfa,
      iamInventory({ credentialReport: [reportRow('carol', { passwordEnabled: true })] }),
    );
    expect(finding?.resource).toMatchObject({
      type: 'AWS::IAM::User',
      id: 'carol',
      arn: 'arn:aws:iam::123456789012:user/carol',
    });
    expect(finding?.message).toContain('password never used on record');
    expect(finding?.evidence).toMatchObject({
      passwordEnabled: true,
      mfaActive: false,
      passwordLastUsed: null,
    });
  });
});
