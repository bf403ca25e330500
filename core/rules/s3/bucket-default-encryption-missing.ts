import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket for which S3 reports no default encryption configuration. Since 5 January 2023 S3 applies SSE-S3 to
 * every bucket and GetBucketEncryption returns it even for buckets nobody configured, so on AWS today this answer
 * is an anomaly worth a look (an S3-compatible endpoint, an old snapshot), not evidence of unencrypted uploads:
 * hence info. Objects written before 2023 into a bucket without default encryption may still be unencrypted.
 */
export const bucketDefaultEncryptionMissing = {
  id: 'aws.s3.bucket-default-encryption-missing',
  service: 's3',
  category: 'security',
  severity: 'info',
  title: 'S3 bucket reports no default encryption',
  rationale:
    'S3 encrypts every new object with SSE-S3 by default since January 2023, so a bucket without a default ' +
    'encryption configuration is unexpected; objects uploaded before then into a bucket that never had default ' +
    'encryption may be stored unencrypted. Buckets holding regulated data usually want SSE-KMS with a customer ' +
    'managed key instead.',
  remediation:
    'Set default encryption explicitly: S3 console > the bucket > Properties > Default encryption > Edit, or ' +
    '`aws s3api put-bucket-encryption --bucket <name> --server-side-encryption-configuration ' +
    '\'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}\'`. ' +
    'To encrypt old objects, copy them onto themselves (S3 Batch Operations > Copy).',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketEncryption' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.encryption !== null) continue;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          `Bucket ${bucketLabel(bucket)} has no default encryption configuration (GetBucketEncryption found none), ` +
          'although S3 applies SSE-S3 to every bucket since January 2023.',
        evidence: { ...bucketEvidence(bucket), encryption: null, creationDate: bucket.creationDate ?? null },
      });
    }
    return hits;
  },
} satisfies Rule;
