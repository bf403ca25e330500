import type { Rule, RuleHit } from '../rule.ts';
import { accessKeys, dayOf, daysSince, iamUserRows } from '../support/iam-credentials.ts';
import { iamScope, userResource } from '../support/iam-scope.ts';

/** Longest an active access key may live, in whole days (CIS 1.14, Security Hub IAM.3). */
export const MAX_ACCESS_KEY_AGE_DAYS = 90;

/**
 * Active access keys created more than 90 whole days before the scan (access_key_N_last_rotated: IAM keys are
 * never changed in place, so it is the key's creation time). One finding per key, told apart by its column.
 */
export const accessKeyNotRotated = {
  id: 'aws.iam.access-key-not-rotated',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: 'Access key older than 90 days',
  rationale:
    'Long-lived access keys leak through laptops, CI logs, repositories and backups, and a leaked key works until ' +
    'it is deleted. Rotating within 90 days bounds how long a leaked key stays useful. CIS AWS Foundations 1.14 ' +
    'and Security Hub IAM.3 require rotation every 90 days or less.',
  remediation:
    'Create a new key (`aws iam create-access-key --user-name <user>`), move every consumer to it, deactivate the ' +
    'old one (`aws iam update-access-key --user-name <user> --access-key-id <id> --status Inactive`), then delete ' +
    "it. Better: replace the user's keys with an IAM role (instance profile, IAM Roles Anywhere, OIDC) so there " +
    'is no long-lived key at all.',
  scope: 'global',
  requires: [
    { service: 'iam', operation: 'GenerateCredentialReport' },
    { service: 'iam', operation: 'GetCredentialReport' },
  ],
  evaluate(scope, { now }) {
    const iam = iamScope(scope);
    const report = iam?.iam.credentialReport;
    if (!iam || !report) return [];
    const hits: RuleHit[] = [];
    for (const row of iamUserRows(report)) {
      for (const key of accessKeys(row)) {
        const ageDays = daysSince(key.lastRotated, now);
        if (!key.active || key.lastRotated === undefined || ageDays === undefined) continue;
        if (ageDays <= MAX_ACCESS_KEY_AGE_DAYS) continue;
        const used = key.lastUsed ? `last used ${dayOf(key.lastUsed)}` : 'never used';
        hits.push({
          resource: userResource(iam.account, row.user, row.arn),
          message:
            `IAM user ${row.user} has an active access key (${key.column}) created ${dayOf(key.lastRotated)}, ` +
            `${ageDays} days ago (limit ${MAX_ACCESS_KEY_AGE_DAYS}); ${used}.`,
          evidence: {
            user: row.user,
            key: key.column,
            active: key.active,
            lastRotated: key.lastRotated,
            ageDays,
            lastUsed: key.lastUsed ?? null,
            maxAgeDays: MAX_ACCESS_KEY_AGE_DAYS,
          },
          discriminator: key.column,
        });
      }
    }
    return hits;
  },
} satisfies Rule;
