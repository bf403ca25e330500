import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket with no enabled lifecycle rule: no configuration at all, or only disabled rules. Whether a given rule
 * expires or transitions the right data is the owner's call; no rule at all means nothing is ever cleaned up.
 */
export const bucketLifecycleMissing = {
  id: 'aws.s3.bucket-lifecycle-missing',
  service: 's3',
  category: 'cost',
  severity: 'low',
  title: 'S3 bucket without a lifecycle rule',
  rationale:
    'Without lifecycle rules everything a bucket ever received stays in S3 Standard forever: logs, exports, ' +
    'noncurrent versions and incomplete multipart uploads keep being billed long after anyone needs them, and ' +
    'older data never moves to a cheaper storage class. Security Hub S3.13 flags buckets without one.',
  remediation:
    'Add a lifecycle configuration (S3 console > the bucket > Management > Create lifecycle rule, or `aws s3api ' +
    'put-bucket-lifecycle-configuration --bucket <name> --lifecycle-configuration file://lifecycle.json`) that ' +
    'aborts incomplete multipart uploads after 7 days and, as the data allows, expires noncurrent versions, ' +
    'expires old objects or moves them to Intelligent-Tiering or Glacier.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketLifecycleConfiguration' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      const rules = bucket.lifecycleRules;
      if (rules === undefined) continue;
      if (rules?.some((rule) => rule.status === 'Enabled')) continue;
      const disabled = rules?.length ?? 0;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          disabled === 0
            ? `Bucket ${bucketLabel(bucket)} has no lifecycle configuration: nothing in it ever expires or moves to a cheaper storage class.`
            : `Bucket ${bucketLabel(bucket)} has ${disabled} lifecycle rule${disabled === 1 ? '' : 's'}, all Disabled: nothing in it ever expires or moves to a cheaper storage class.`,
        evidence: { ...bucketEvidence(bucket), lifecycleRules: rules },
      });
    }
    return hits;
  },
} satisfies Rule;
