import type { Rule } from '../rule.ts';
import { accessKeys, dayOf, rootRow } from '../support/iam-credentials.ts';
import { accountResource, iamScope } from '../support/iam-scope.ts';

/**
 * The root user has access keys. GetAccountSummary's AccountAccessKeysPresent is live and is the verdict (it counts
 * inactive keys too); the credential report (up to four hours old) adds which keys are active, when they were
 * created and last used. An inactive key still counts, as in CIS 1.4 and Security Hub IAM.4: whoever gets root can
 * reactivate it.
 */
export const rootAccessKeys = {
  id: 'aws.iam.root-access-keys',
  service: 'iam',
  category: 'security',
  severity: 'critical',
  title: 'Root user has access keys',
  rationale:
    'Root access keys sign API calls with unlimited power over the account that no IAM policy or permissions ' +
    'boundary can restrict (only an SCP can), and they do not expire. CIS AWS Foundations 1.4 and Security Hub ' +
    'IAM.4 (critical) require that none exist.',
  remediation:
    'Sign in as the root user, open Security credentials (account menu > Security credentials) > Access keys, ' +
    'deactivate each key, confirm nothing breaks, then delete it. Move any automation that used it to an IAM role. ' +
    'In an AWS Organizations member account with centralized root access, the management account can delete it ' +
    'with `aws sts assume-root` and `aws iam delete-access-key`.',
  scope: 'global',
  requires: [{ service: 'iam', operation: 'GetAccountSummary' }],
  evaluate(scope) {
    const iam = iamScope(scope);
    const summary = iam?.iam.accountSummary;
    if (!iam || !summary) return [];
    const present = summary.AccountAccessKeysPresent;
    if (present === undefined || present === 0) return [];
    const root = rootRow(iam.iam.credentialReport);
    const keys = root ? accessKeys(root).filter((key) => key.active || key.lastRotated !== undefined) : [];
    const active = keys.filter((key) => key.active);
    const details = keys.map((key) => {
      const state = key.active ? 'active' : 'inactive';
      const created = key.lastRotated ? `, created ${dayOf(key.lastRotated)}` : '';
      const used = key.lastUsed ? `last used ${dayOf(key.lastUsed)}` : 'never used';
      return `${key.column} ${state}${created}, ${used}`;
    });
    let message = `The root user of account ${iam.account.accountId} has access keys (GetAccountSummary AccountAccessKeysPresent = ${present})`;
    if (root && keys.length > 0) message += `; credential report: ${details.join('; ')}.`;
    else if (root)
      message +=
        '; the credential report (up to four hours old) shows no active root key, so the key is inactive or newer ' +
        'than the report.';
    else message += '.';
    return [
      {
        resource: accountResource(iam.account, true),
        message,
        evidence: {
          accountAccessKeysPresent: present,
          ...(root
            ? {
                credentialReport: accessKeys(root).map((key) => ({
                  key: key.column,
                  active: key.active,
                  lastRotated: key.lastRotated ?? null,
                  lastUsed: key.lastUsed ?? null,
                })),
                activeKeys: active.length,
              }
            : {}),
        },
      },
    ];
  },
} satisfies Rule;
