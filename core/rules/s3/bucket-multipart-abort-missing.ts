import type { Rule, RuleHit } from '../rule.ts';
import { bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';

/**
 * A bucket with no enabled lifecycle rule that aborts incomplete multipart uploads. Reported independently of
 * the lifecycle rule: a bucket can have expiry rules and still keep every abandoned upload forever.
 */
export const bucketMultipartAbortMissing = {
  id: 'aws.s3.bucket-multipart-abort-missing',
  service: 's3',
  category: 'cost',
  severity: 'low',
  title: 'S3 bucket keeps incomplete multipart uploads',
  rationale:
    'The parts of a multipart upload that was never completed or aborted (a crashed client, a killed job) are ' +
    'stored and billed like objects, yet they appear in no object listing and no expiry rule touches them. Only ' +
    'an AbortIncompleteMultipartUpload lifecycle action removes them; AWS recommends one on every bucket.',
  remediation:
    'Add a lifecycle rule for the whole bucket with "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7} ' +
    '(S3 console > the bucket > Management > Create lifecycle rule > Delete expired object delete markers or ' +
    'incomplete multipart uploads, or `aws s3api put-bucket-lifecycle-configuration`, which replaces the whole ' +
    'configuration: include the existing rules). S3 Storage Lens shows how many bytes are in incomplete uploads.',
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
      const aborts = rules?.some(
        (rule) => rule.status === 'Enabled' && rule.abortIncompleteMultipartUploadDays !== undefined,
      );
      if (aborts) continue;
      const disabledAbort =
        rules?.some((rule) => rule.abortIncompleteMultipartUploadDays !== undefined) === true;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message:
          `Bucket ${bucketLabel(bucket)} has no enabled lifecycle rule that aborts incomplete multipart uploads` +
          `${disabledAbort ? ' (its abort rule is Disabled)' : ''}: abandoned upload parts are billed indefinitely.`,
        evidence: { ...bucketEvidence(bucket), lifecycleRules: rules },
      });
    }
    return hits;
  },
} satisfies Rule;
