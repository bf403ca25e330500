import type { Severity } from '../../findings/finding.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { grantSeverity, publicGrants } from '../support/s3-acl-grants.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';
import { settingSource } from '../support/s3-public-access-block.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * A bucket whose ACL grants AllUsers or AuthenticatedUsers anything, where those grants are in force: neither
 * the bucket nor the account has IgnorePublicAcls on (BlockPublicAcls only stops new public ACLs, it does not
 * neutralise an existing grant) and ACLs are not disabled (BucketOwnerEnforced). One finding per bucket,
 * critical when anyone may write or rewrite the ACL, high when anyone may list.
 */
export const bucketPublicAcl = {
  id: 'aws.s3.bucket-public-acl',
  service: 's3',
  category: 'security',
  severity: 'high',
  title: 'S3 bucket public through its ACL',
  rationale:
    'A bucket ACL grant to AllUsers is open to anyone on the internet, and one to AuthenticatedUsers to anyone with ' +
    'any AWS account: READ lists every key, WRITE lets strangers upload (billed to you) or plant content, WRITE_ACP ' +
    'and FULL_CONTROL let them take over the ACL. Security Hub S3.2 and S3.3 flag public read and write.',
  remediation:
    'Remove the public grants (S3 console > the bucket > Permissions > Access control list > Edit, or `aws s3api ' +
    'put-bucket-acl --bucket <name> --acl private`), then turn on IgnorePublicAcls and BlockPublicAcls ' +
    '(`aws s3api put-public-access-block --bucket <name> --public-access-block-configuration ' +
    'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`) and disable ' +
    'ACLs (Object Ownership: Bucket owner enforced). Serve public content through CloudFront with origin access ' +
    'control instead.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketAcl' },
    { service: 's3', operation: 'GetPublicAccessBlock' },
    { service: 's3', operation: 'GetAccountPublicAccessBlock' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const accountBlock = s3.account.s3?.accountPublicAccessBlock;
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.acl === undefined || bucket.publicAccessBlock === undefined) continue;
      const grants = publicGrants(bucket.acl);
      if (grants.length === 0) continue;
      // With ACLs disabled S3 ignores every grant; with IgnorePublicAcls it ignores the public ones.
      if (bucket.objectOwnership === 'BucketOwnerEnforced') continue;
      if (settingSource('ignorePublicAcls', bucket.publicAccessBlock, accountBlock) !== undefined) continue;
      const severity = grants
        .map((grant) => grantSeverity(grant.permission))
        .reduce((worst, next) => (SEVERITY_RANK[next] < SEVERITY_RANK[worst] ? next : worst));
      const blocksNewAcls =
        settingSource('blockPublicAcls', bucket.publicAccessBlock, accountBlock) !== undefined;
      const granted = grants.map((grant) => `${grant.permission} to ${grant.group}`).join(', ');
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          `Bucket ${bucketLabel(bucket)} grants ${granted} in its ACL, and S3 honours ` +
          `${grants.length === 1 ? 'it' : 'them'}: IgnorePublicAcls is off at both the bucket and the account level` +
          `${blocksNewAcls ? ' (BlockPublicAcls only stops new public ACLs)' : ''}.`,
        evidence: {
          ...bucketEvidence(bucket),
          publicGrants: grants,
          objectOwnership: bucket.objectOwnership ?? null,
          bucketPublicAccessBlock: bucket.publicAccessBlock,
          accountPublicAccessBlock: accountBlock ?? null,
        },
        severity,
      });
    }
    return hits;
  },
} satisfies Rule;
