import type { Rule } from '../rule.ts';
import { awsSettingName, settingsOff } from '../support/s3-public-access-block.ts';

/**
 * The account-level S3 Block Public Access is not configured, or not all four settings are on. One finding per
 * account, whether or not it has buckets today: the account block is what protects the buckets created tomorrow.
 */
export const accountPublicAccessBlockMissing = {
  id: 'aws.s3.account-public-access-block-missing',
  service: 's3',
  category: 'security',
  severity: 'high',
  title: 'S3 account-level Block Public Access incomplete',
  rationale:
    'The account-level block applies to every bucket, existing and future, so one setting protects against every ' +
    'later mistake in any bucket ACL or policy. AWS turns it on for new buckets but not for the account; ' +
    'Security Hub S3.1 requires all four settings.',
  remediation:
    'Turn on all four settings for the account: S3 console > Block Public Access settings for this account > Edit, ' +
    'or `aws s3control put-public-access-block --account-id <id> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`. Check first ' +
    'that no bucket is meant to be public (the bucket-level findings list them); in an organisation, an S3 ' +
    'policy or SCP can enforce it for every account.',
  scope: 'global',
  requires: [{ service: 's3', operation: 'GetAccountPublicAccessBlock' }],
  evaluate(scope) {
    if (scope.kind !== 'global') return [];
    const block = scope.account.s3?.accountPublicAccessBlock;
    if (block === undefined) return [];
    const missing = settingsOff(block).map(awsSettingName);
    if (missing.length === 0) return [];
    const accountId = scope.account.accountId;
    return [
      {
        resource: { type: 'AWS::S3::AccountPublicAccessBlock', id: accountId },
        message:
          block === null
            ? `Account ${accountId} has no account-level S3 Block Public Access configuration: all four settings are off.`
            : `Account ${accountId} has ${missing.join(', ')} off in its account-level S3 Block Public Access.`,
        evidence: { accountId, accountPublicAccessBlock: block, settingsOff: missing },
      },
    ];
  },
} satisfies Rule;
