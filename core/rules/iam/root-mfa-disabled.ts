import type { Rule } from '../rule.ts';
import { dayOf, rootRow } from '../support/iam-credentials.ts';
import { accountResource, iamScope } from '../support/iam-scope.ts';

/**
 * The root user has no MFA device. GetAccountSummary's AccountMFAEnabled is live and is the verdict (the credential
 * report's root mfa_active can be four hours old and is evidence only). A root user without a password
 * (AccountPasswordPresent = 0: root credentials removed through AWS Organizations centralized root access) cannot
 * sign in to the console, so there is nothing for MFA to protect; its access keys, if any, are the root-keys rule's.
 */
export const rootMfaDisabled = {
  id: 'aws.iam.root-mfa-disabled',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: 'Root user without MFA',
  rationale:
    'The root user can do anything in the account, including closing it and changing its contact and billing ' +
    'details, and no policy restricts it. Without MFA its password alone (phishable, reusable, resettable by ' +
    'email) is enough. CIS AWS Foundations 1.5 and Security Hub IAM.9 (critical) require root MFA.',
  remediation:
    'Sign in as the root user, open account menu > Security credentials > Multi-factor authentication (MFA) > ' +
    'Assign MFA device, and register a passkey, security key or authenticator app (a hardware key for CIS 1.6). ' +
    'For Organizations member accounts, consider centralized root access to remove root credentials entirely.',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountSummary' }],
  evaluate(scope) {
    const iam = iamScope(scope);
    const summary = iam?.iam.accountSummary;
    if (!iam || !summary) return [];
    const mfa = summary.AccountMFAEnabled;
    if (mfa === undefined || mfa !== 0) return [];
    const password = summary.AccountPasswordPresent;
    const keys = summary.AccountAccessKeysPresent;
    if (password === 0) return [];
    const root = rootRow(iam.iam.credentialReport);
    const lastUsed = root?.passwordLastUsed;
    const passwordNote =
      password === undefined ? '' : ` while it has a password (AccountPasswordPresent = ${password})`;
    const keyNote = keys === 1 ? ' and access keys' : '';
    const use = root
      ? `; root password ${lastUsed ? `last used ${dayOf(lastUsed)}` : 'not used on record'}`
      : '';
    return [
      {
        resource: accountResource(iam.account, true),
        message:
          `The root user of account ${iam.account.accountId} has no MFA device (GetAccountSummary ` +
          `AccountMFAEnabled = 0)${passwordNote}${keyNote}${use}.`,
        evidence: {
          accountMfaEnabled: mfa,
          ...(password === undefined ? {} : { accountPasswordPresent: password }),
          ...(keys === undefined ? {} : { accountAccessKeysPresent: keys }),
          ...(root ? { reportMfaActive: root.mfaActive, rootPasswordLastUsed: lastUsed ?? null } : {}),
        },
      },
    ];
  },
} satisfies Rule;
