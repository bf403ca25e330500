import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket whose Object Ownership is not BucketOwnerEnforced, so ACLs still grant access. Medium when objects
 * uploaded by other accounts stay theirs (ObjectWriter, which is also what a bucket without ownership controls
 * does); low for BucketOwnerPreferred, where the bucket owner takes ownership but ACLs still apply.
 */
export const bucketAclsEnabled = {
  id: 'aws.s3.bucket-acls-enabled',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: 'S3 bucket ACLs enabled',
  rationale:
    'With ACLs enabled, access to a bucket and each object can be granted outside the bucket policy and IAM, one ' +
    'object at a time, where reviews rarely look; with ObjectWriter, objects other accounts upload are owned by ' +
    'them and the bucket owner may be unable to read or delete them. AWS recommends disabling ACLs ' +
    '(Bucket owner enforced, the default for new buckets since April 2023); Security Hub S3.12 flags ACL use.',
  remediation:
    'Move any access an ACL grants into the bucket policy, then set Object Ownership to Bucket owner enforced: S3 ' +
    'console > the bucket > Permissions > Object Ownership > Edit, or `aws s3api put-bucket-ownership-controls ' +
    '--bucket <name> --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]`. S3 refuses the change ' +
    'while the bucket ACL grants access to anyone but the owner, which shows what to migrate.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketOwnershipControls' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      const ownership = bucket.objectOwnership;
      if (ownership === undefined || ownership === 'BucketOwnerEnforced') continue;
      const setting =
        ownership === null
          ? 'no ownership controls (S3 behaves as ObjectWriter)'
          : `Object Ownership ${ownership}`;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message: `Bucket ${bucketLabel(bucket)} has ACLs enabled: ${setting}, not BucketOwnerEnforced.`,
        evidence: { ...bucketEvidence(bucket), objectOwnership: ownership },
        severity: ownership === 'BucketOwnerPreferred' ? 'low' : 'medium',
      });
    }
    return hits;
  },
} satisfies Rule;
