import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';
import {
  awsSettingName,
  effectivePublicAccessBlock,
  settingsOff,
} from '../support/s3-public-access-block.ts';

/**
 * A bucket for which not all four Block Public Access settings are in force, counting the account-level block
 * (S3 applies the most restrictive combination of the two, setting by setting). A bucket covered by a complete
 * account-level block needs nothing of its own.
 */
export const bucketPublicAccessBlockMissing = {
  id: 'aws.s3.bucket-public-access-block-missing',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: 'S3 bucket without a complete Block Public Access',
  rationale:
    'Block Public Access is the guard rail that keeps one careless ACL or policy edit from publishing a bucket: ' +
    'without it a public grant added tomorrow takes effect at once, and public object ACLs (which Axiom does not ' +
    'read) are honoured today. Security Hub S3.8 expects all four settings on every bucket.',
  remediation:
    'Turn on all four settings for the bucket (S3 console > the bucket > Permissions > Block public access > ' +
    'Edit, or `aws s3api put-public-access-block --bucket <name> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`), or for ' +
    'the whole account with `aws s3control put-public-access-block --account-id <id> ...`. A bucket that must ' +
    'stay public belongs behind CloudFront; otherwise suppress this finding with the reason.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetPublicAccessBlock' },
    { service: 's3', operation: 'GetAccountPublicAccessBlock' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const accountBlock = s3.account.s3?.accountPublicAccessBlock;
    if (accountBlock === undefined) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.publicAccessBlock === undefined) continue;
      const missing = settingsOff(effectivePublicAccessBlock(bucket.publicAccessBlock, accountBlock));
      if (missing.length === 0) continue;
      const names = missing.map(awsSettingName);
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          `Bucket ${bucketLabel(bucket)} has ${names.join(', ')} off at both the bucket and the account level ` +
          `(bucket block ${bucket.publicAccessBlock === null ? 'not configured' : 'incomplete'}, account block ` +
          `${accountBlock === null ? 'not configured' : 'incomplete'}).`,
        evidence: {
          ...bucketEvidence(bucket),
          settingsNotInForce: names,
          bucketPublicAccessBlock: bucket.publicAccessBlock,
          accountPublicAccessBlock: accountBlock,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
