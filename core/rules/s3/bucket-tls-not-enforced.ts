import type { Rule, RuleHit } from '../rule.ts';
import { bucketArn, bucketEvidence, bucketLabel, bucketResource, s3Scope } from '../support/s3-buckets.ts';
import { tlsPolicyVerdict } from '../support/s3-tls-policy.ts';

/**
 * A bucket whose policy has no Deny statement that refuses every request made without TLS
 * (`aws:SecureTransport` false) for every principal and action, on the bucket and all its objects.
 */
export const bucketTlsNotEnforced = {
  id: 'aws.s3.bucket-tls-not-enforced',
  service: 's3',
  category: 'security',
  severity: 'medium',
  title: 'S3 bucket does not require TLS',
  rationale:
    'S3 accepts plain HTTP unless the bucket policy denies it, so a misconfigured client or an old SDK can read and ' +
    'write data in clear text. Only an explicit Deny on aws:SecureTransport false covers every ' +
    'caller; an Allow that requires TLS does not stop an IAM policy from allowing HTTP. Security Hub S3.5, CIS AWS ' +
    'Foundations (2.1.1 in v2.0) and AWS Config s3-bucket-ssl-requests-only expect it.',
  remediation:
    'Add this statement to the bucket policy (S3 console > the bucket > Permissions > Bucket policy): {"Sid": ' +
    '"DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ' +
    '["arn:aws:s3:::<name>", "arn:aws:s3:::<name>/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}, ' +
    'then apply it with `aws s3api put-bucket-policy --bucket <name> --policy file://policy.json`.',
  scope: 'global',
  requires: [
    { service: 's3', operation: 'ListBuckets' },
    { service: 's3', operation: 'GetBucketPolicy' },
  ],
  evaluate(scope) {
    const s3 = s3Scope(scope);
    if (!s3) return [];
    const hits: RuleHit[] = [];
    for (const bucket of s3.buckets) {
      if (bucket.policy === undefined) continue;
      const arn = bucketArn(s3.account, bucket.name);
      const verdict = tlsPolicyVerdict(bucket.policy, arn);
      if (verdict.kind === 'enforced') continue;
      const label = bucketLabel(bucket);
      const message =
        verdict.kind === 'no-policy'
          ? `Bucket ${label} has no bucket policy, so nothing denies requests over plain HTTP.`
          : verdict.kind === 'unreadable'
            ? `Bucket ${label} has a bucket policy Axiom could not read (${verdict.reason}), so no TLS-only ` +
              'statement was found.'
            : verdict.nearMisses.length === 0
              ? `Bucket ${label} has a bucket policy without a Deny statement on aws:SecureTransport false.`
              : `Bucket ${label} has no Deny on aws:SecureTransport false that covers every request: ` +
                `${verdict.nearMisses.join('; ')}.`;
      hits.push({
        resource: bucketResource(s3.account, bucket),
        message,
        evidence: {
          ...bucketEvidence(bucket),
          policy: bucket.policy,
          ...(verdict.kind === 'not-enforced' ? { partialStatements: verdict.nearMisses } : {}),
          ...(verdict.kind === 'unreadable' ? { policyError: verdict.reason } : {}),
        },
      });
    }
    return hits;
  },
} satisfies Rule;
