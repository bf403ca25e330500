import { policyAllowsPublicAccess } from '../../scan/collectors/support/s3-public-policy.ts';
import type { S3Bucket } from '../../scan/inventory.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';
import { settingSource } from '../support/s3-public-access-block.ts';

/** S3's verdict on the policy, or Axiom's from the document when S3's was not collected. */
function policyVerdict(bucket: S3Bucket): { isPublic: boolean; derived: boolean } | undefined {
  if (bucket.policyIsPublic !== undefined)
    return { isPublic: bucket.policyIsPublic, derived: bucket.policyIsPublicDerived === true };
  if (bucket.policy === null) return { isPublic: false, derived: true };
  if (bucket.policy === undefined) return undefined;
  const isPublic = policyAllowsPublicAccess(bucket.policy);
  return isPublic === undefined ? undefined : { isPublic, derived: true };
}

/**
 * A bucket whose policy grants access to everyone (S3's GetBucketPolicyStatus verdict, or the same test worked
 * out from the policy when that verdict could not be read), where RestrictPublicBuckets is off at both the bucket
 * and the account level. BlockPublicPolicy does not help here: it only rejects new public policies.
 */
export const bucketPublicPolicy = {
  id: 'aws.s3.bucket-public-policy',
  service: 's3',
  category: 'security',
  severity: 'critical',
  title: 'S3 bucket public through its policy',
  rationale:
    'A bucket policy statement that allows "Principal": "*" without a condition pinning the caller (source VPC, ' +
    'account, organisation, IP range) opens the bucket to anyone on the internet; most S3 data leaks start here. ' +
    'Security Hub S3.2 and S3.3 flag it.',
  remediation:
    'Remove or narrow the statements that allow everyone (S3 console > the bucket > Permissions > Bucket policy; ' +
    'IAM Access Analyzer shows which statement makes it public), then turn on RestrictPublicBuckets and ' +
    'BlockPublicPolicy: `aws s3api put-public-access-block --bucket <name> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`. Serve public ' +
    'content through CloudFront with origin access control instead.',
  scope: 'global',
  // The policy itself, not GetBucketPolicyStatus: the verdict is derived from it when the status is denied.
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketPolicy' },
    { service: 's3', operation: 'GetPublicAccessBlock' },
    { service: 's3', operation: 'GetAccountPublicAccessBlock' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const accountBlock = s3.account.s3?.accountPublicAccessBlock;
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.publicAccessBlock === undefined) continue;
      const verdict = policyVerdict(bucket);
      if (!verdict?.isPublic) continue;
      if (settingSource('restrictPublicBuckets', bucket.publicAccessBlock, accountBlock) !== undefined)
        continue;
      const blocksNewPolicies =
        settingSource('blockPublicPolicy', bucket.publicAccessBlock, accountBlock) !== undefined;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          `Bucket ${bucketLabel(bucket)} has a public bucket policy ` +
          `(${verdict.derived ? "Axiom's reading of the policy: S3's policy status was not available" : 'S3 policy status IsPublic=true'}), ` +
          `and RestrictPublicBuckets is off at both the bucket and the account level` +
          `${blocksNewPolicies ? ' (BlockPublicPolicy only stops new public policies)' : ''}.`,
        evidence: {
          ...bucketEvidence(bucket),
          policyIsPublic: true,
          policyIsPublicDerived: verdict.derived,
          policy: bucket.policy ?? null,
          bucketPublicAccessBlock: bucket.publicAccessBlock,
          accountPublicAccessBlock: accountBlock ?? null,
        },
      });
    }
    return hits;
  },
} satisfies Rule;
