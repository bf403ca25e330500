import type { CredentialReportRow } from '../../scan/inventory.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { accessKeys, dayOf, daysSince, iamUserRows, laterOf } from '../support/iam-credentials.ts';
import { type IamScope, iamScope, userResource } from '../support/iam-scope.ts';

/** Days without use after which a credential should be disabled (Security Hub IAM.8, AWS Config's default). */
export const UNUSED_CREDENTIAL_DAYS = 90;

function unusedPassword(iam: IamScope, row: CredentialReportRow, now: Date): RuleHit | undefined {
  if (!row.passwordEnabled) return undefined;
  const resource = userResource(iam.account, row.user, row.arn);
  const evidence = {
    user: row.user,
    credential: 'password',
    passwordLastUsed: row.passwordLastUsed ?? null,
    passwordLastChanged: row.passwordLastChanged ?? null,
    userCreationTime: row.userCreationTime ?? null,
    thresholdDays: UNUSED_CREDENTIAL_DAYS,
  };
  const remediation =
    `Remove the console password if ${row.user} no longer needs it: IAM console > Users > ${row.user} > Security ` +
    `credentials > Console sign-in > Disable, or \`aws iam delete-login-profile --user-name ${row.user}\`.`;
  if (row.passwordLastUsed !== undefined) {
    const idleDays = daysSince(row.passwordLastUsed, now);
    if (idleDays === undefined || idleDays < UNUSED_CREDENTIAL_DAYS) return undefined;
    return {
      resource,
      message: `IAM user ${row.user}'s console password was last used ${dayOf(row.passwordLastUsed)}, ${idleDays} days ago (threshold ${UNUSED_CREDENTIAL_DAYS}).`,
      evidence: { ...evidence, daysUnused: idleDays },
      remediation,
      discriminator: 'password',
    };
  }
  // Never used: count from when the password was set (a password added last week to an old user is not stale).
  const since = laterOf(row.userCreationTime, row.passwordLastChanged);
  const idleDays = daysSince(since, now);
  if (since === undefined || idleDays === undefined || idleDays < UNUSED_CREDENTIAL_DAYS) return undefined;
  return {
    resource,
    message: `IAM user ${row.user}'s console password has never been used and has existed since ${dayOf(since)}, ${idleDays} days ago (threshold ${UNUSED_CREDENTIAL_DAYS}).`,
    evidence: { ...evidence, daysUnused: idleDays },
    remediation,
    discriminator: 'password',
  };
}

function unusedKeys(iam: IamScope, row: CredentialReportRow, now: Date): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const key of accessKeys(row)) {
    if (!key.active) continue;
    const reference = key.lastUsed ?? key.lastRotated;
    const idleDays = daysSince(reference, now);
    if (reference === undefined || idleDays === undefined || idleDays < UNUSED_CREDENTIAL_DAYS) continue;
    const what = key.lastUsed
      ? `was last used ${dayOf(key.lastUsed)}, ${idleDays} days ago`
      : `has never been used and was created ${dayOf(reference)}, ${idleDays} days ago`;
    hits.push({
      resource: userResource(iam.account, row.user, row.arn),
      message: `IAM user ${row.user}'s active access key ${key.column} ${what} (threshold ${UNUSED_CREDENTIAL_DAYS}).`,
      evidence: {
        user: row.user,
        credential: key.column,
        active: key.active,
        lastUsed: key.lastUsed ?? null,
        lastRotated: key.lastRotated ?? null,
        daysUnused: idleDays,
        thresholdDays: UNUSED_CREDENTIAL_DAYS,
      },
      remediation:
        `Deactivate the key (\`aws iam list-access-keys --user-name ${row.user}\` gives its id; then ` +
        `\`aws iam update-access-key --user-name ${row.user} --access-key-id <id> --status Inactive\`), and delete ` +
        'it once nothing has complained.',
      discriminator: key.column,
    });
  }
  return hits;
}

/**
 * IAM user credentials unused for 90 days or more: a console password last used 90+ days ago (or never used and
 * set 90+ days ago), an active access key last used 90+ days ago (or never used and created 90+ days ago). One
 * finding per credential. Security Hub IAM.8 and CIS v1.2 (1.3) use 90 days; CIS v1.4 and later (1.12) say 45.
 */
export const credentialsUnused = {
  id: 'aws.iam.credentials-unused',
  service: 'iam',
  category: 'security',
  severity: 'medium',
  title: 'IAM credentials unused for 90 days',
  rationale:
    'A password or access key nobody uses is a credential nobody watches: it belongs to someone who left or a ' +
    'workload that was retired, and its compromise would go unnoticed. Security Hub IAM.8 and CIS AWS ' +
    'Foundations v1.2 1.3 require disabling credentials unused for 90 days (CIS v1.4 and later, 1.12: 45 days).',
  remediation:
    'Disable the credential: delete the console password (IAM console > Users > the user > Security credentials > ' +
    'Console sign-in > Disable) or deactivate the access key, then delete the user if it has nothing left.',
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
      const password = unusedPassword(iam, row, now);
      if (password) hits.push(password);
      hits.push(...unusedKeys(iam, row, now));
    }
    return hits;
  },
} satisfies Rule;
