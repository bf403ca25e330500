import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket without server access logging. Buckets that receive other buckets' access logs are exempt: logging a
 * log bucket into itself loops, and into another log bucket only moves the question.
 */
export const bucketAccessLoggingDisabled = {
  id: 'aws.s3.bucket-access-logging-disabled',
  service: 's3',
  category: 'hygiene',
  severity: 'low',
  title: 'S3 bucket access logging off',
  rationale:
    'Server access logs record every request to the bucket (requester, operation, key, source IP, result), which ' +
    'is what an investigation of a leak or a surprise bill needs; CloudTrail records object-level requests only ' +
    'when data events are paid for. Security Hub S3.9 flags buckets without it.',
  remediation:
    'Enable server access logging to a dedicated log bucket in the same region and account: S3 console > the ' +
    'bucket > Properties > Server access logging > Edit, or `aws s3api put-bucket-logging --bucket <name> ' +
    '--bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<name>/"}}\'`. ' +
    'Alternatively turn on CloudTrail S3 data events for the bucket.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketLogging' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const logTargets = new Set(
      s3.buckets.map((bucket) => bucket.loggingTargetBucket).filter((target) => typeof target === 'string'),
    );
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.loggingTargetBucket !== null || logTargets.has(bucket.name)) continue;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message: `Bucket ${bucketLabel(bucket)} has server access logging off.`,
        evidence: { ...bucketEvidence(bucket), loggingTargetBucket: null },
      });
    }
    return hits;
  },
} satisfies Rule;
