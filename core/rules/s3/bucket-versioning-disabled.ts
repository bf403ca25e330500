import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket without versioning: never enabled (low), or suspended (medium: it was on, someone turned it off, and
 * every overwrite or delete since is final).
 */
export const bucketVersioningDisabled = {
  id: 'aws.s3.bucket-versioning-disabled',
  service: 's3',
  category: 'hygiene',
  severity: 'low',
  title: 'S3 bucket versioning off',
  rationale:
    'Without versioning an overwrite or a delete, accidental, buggy or malicious (ransomware that rewrites ' +
    'objects), is final: there is no earlier version to restore. Versioning is also required for replication and ' +
    'Object Lock. Security Hub S3.14 flags it.',
  remediation:
    'Enable versioning: S3 console > the bucket > Properties > Bucket Versioning > Edit, or `aws s3api ' +
    'put-bucket-versioning --bucket <name> --versioning-configuration Status=Enabled`, and add a lifecycle rule ' +
    'that expires noncurrent versions after a few days or weeks so old versions do not pile up. Buckets of ' +
    'reproducible data (build caches, scratch) can go without: suppress the finding with that reason.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketVersioning' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.versioning === undefined || bucket.versioning === 'Enabled') continue;
      const suspended = bucket.versioning === 'Suspended';
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message: suspended
          ? `Bucket ${bucketLabel(bucket)} has versioning Suspended: it was enabled, and overwrites and deletes ` +
            'since it was suspended cannot be undone.'
          : `Bucket ${bucketLabel(bucket)} has never had versioning enabled.`,
        evidence: { ...bucketEvidence(bucket), versioning: bucket.versioning },
        severity: suspended ? 'medium' : 'low',
      });
    }
    return hits;
  },
} satisfies Rule;
