import type { Rule, RuleHit } from '../rule.ts';
import { dayOf, iamUserRows } from '../support/iam-credentials.ts';
import { iamScope, userResource } from '../support/iam-scope.ts';

/** IAM users that can sign in to the console with a password and have no MFA device, from the credential report. */
export const consoleUserWithoutMfa = {
  id: 'aws.iam.console-user-without-mfa',
  service: 'iam',
  category: 'security',
  severity: 'high',
  title: 'Console user without MFA',
  rationale:
    'A console password alone can be phished, guessed or reused from another breach; MFA stops a stolen password ' +
    'from being enough. CIS AWS Foundations 1.10 and Security Hub IAM.5 require MFA for every IAM user with a ' +
    'console password.',
  remediation:
    'Have the user assign an MFA device (IAM console > Users > the user > Security credentials > Assign MFA ' +
    'device; a passkey or security key resists phishing), or remove the console password if the user does not ' +
    'need the console (`aws iam delete-login-profile --user-name <user>`). Better still, move people to IAM ' +
    'Identity Center and enforce MFA there.',
  scope: 'global',
  requires: [
    { service: 'iam', operation: 'GenerateCredentialReport' },
    { service: 'iam', operation: 'GetCredentialReport' },
  ],
  evaluate(scope) {
    const iam = iamScope(scope);
    const report = iam?.iam.credentialReport;
    if (!iam || !report) return [];
    const hits: RuleHit[] = [];
    for (const row of iamUserRows(report)) {
      if (!row.passwordEnabled || row.mfaActive) continue;
      const used = row.passwordLastUsed
        ? `password last used ${dayOf(row.passwordLastUsed)}`
        : 'password never used on record';
      hits.push({
        resource: userResource(iam.account, row.user, row.arn),
        message: `IAM user ${row.user} has a console password (password_enabled true) and no MFA device (mfa_active false); ${used}.`,
        evidence: {
          user: row.user,
          passwordEnabled: row.passwordEnabled,
          mfaActive: row.mfaActive,
          passwordLastUsed: row.passwordLastUsed ?? null,
          passwordLastChanged: row.passwordLastChanged ?? null,
          userCreationTime: row.userCreationTime ?? null,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
