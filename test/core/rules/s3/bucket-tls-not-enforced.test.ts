import { bucketTlsNotEnforced } from '../../../../core/rules/s3/bucket-tls-not-enforced.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, policyText, s3Inventory, tlsDenyStatement } from './fixtures.ts';

/** The documented TLS-only statement for `name`, changed by `overrides`. */
function deny(name: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...tlsDenyStatement(name), ...overrides };
}

testRule(bucketTlsNotEnforced, [
  {
    name: 'no policy, or a policy without any TLS statement',
    inventory: s3Inventory([
      bucket('acme-no-policy', { policy: null }),
      bucket('acme-other-policy', {
        policy: policyText({
          Sid: 'AllowCloudFront',
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-other-policy/*',
        }),
      }),
      // An Allow that requires TLS does not stop an IAM policy from allowing HTTP.
      bucket('acme-allow-tls', {
        policy: policyText({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:role/app' },
          Action: 's3:*',
          Resource: ['arn:aws:s3:::acme-allow-tls', 'arn:aws:s3:::acme-allow-tls/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      }),
    ]),
    expected: [
      {
        resourceId: 'acme-no-policy',
        severity: 'medium',
        message:
          'Bucket acme-no-policy (eu-west-1) has no bucket policy, so nothing denies requests over plain HTTP.',
      },
      { resourceId: 'acme-other-policy', message: 'without a Deny statement on aws:SecureTransport false' },
      { resourceId: 'acme-allow-tls', message: 'without a Deny statement on aws:SecureTransport false' },
    ],
  },
  {
    name: 'Deny statements that fall short say why',
    inventory: s3Inventory([
      bucket('acme-objects-only', {
        policy: policyText(deny('acme-objects-only', { Resource: 'arn:aws:s3:::acme-objects-only/*' })),
      }),
      bucket('acme-prefix-only', {
        policy: policyText(
          deny('acme-prefix-only', {
            Resource: ['arn:aws:s3:::acme-prefix-only', 'arn:aws:s3:::acme-prefix-only/exports/*'],
          }),
        ),
      }),
      bucket('acme-put-only', { policy: policyText(deny('acme-put-only', { Action: ['s3:PutObject'] })) }),
      bucket('acme-one-role', {
        policy: policyText(
          deny('acme-one-role', { Principal: { AWS: 'arn:aws:iam::123456789012:role/etl' } }),
        ),
      }),
      bucket('acme-narrowed', {
        policy: policyText(
          deny('acme-narrowed', {
            Sid: '',
            Condition: {
              Bool: { 'aws:SecureTransport': 'false' },
              StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' },
            },
          }),
        ),
      }),
    ]),
    expected: [
      {
        resourceId: 'acme-objects-only',
        message:
          "statement 'DenyInsecureTransport': its Resource does not cover the bucket (arn:aws:s3:::acme-objects-only)",
      },
      {
        resourceId: 'acme-prefix-only',
        message: 'its Resource does not cover every object (arn:aws:s3:::acme-prefix-only/*)',
      },
      { resourceId: 'acme-put-only', message: 'it does not deny every action ("s3:*")' },
      { resourceId: 'acme-one-role', message: 'it does not apply to every principal ("Principal": "*")' },
      {
        resourceId: 'acme-narrowed',
        message: 'statement #1: it also requires StringNotEquals aws:SourceVpce',
      },
    ],
  },
  {
    name: 'a policy that is not JSON is reported, not thrown on',
    inventory: s3Inventory([bucket('acme-garbled', { policy: '{"Version": "2012-10-17", "Statement": [' })]),
    expected: [{ resourceId: 'acme-garbled', message: 'has a bucket policy Axiom could not read (not JSON' }],
  },
  {
    name: 'equivalent spellings of the TLS-only statement all count',
    inventory: s3Inventory([
      bucket('acme-documented'),
      bucket('acme-star-resource', { policy: policyText(deny('acme-star-resource', { Resource: '*' })) }),
      bucket('acme-name-star', {
        policy: policyText(deny('acme-name-star', { Resource: 'arn:aws:s3:::acme-name-star*' })),
      }),
      bucket('acme-aws-star', {
        policy: policyText(deny('acme-aws-star', { Principal: { AWS: ['*'] }, Action: '*' })),
      }),
      bucket('acme-if-exists', {
        policy: policyText(
          deny('acme-if-exists', { Condition: { BoolIfExists: { 'aws:securetransport': false } } }),
        ),
      }),
      bucket('acme-second-statement', {
        policy: policyText(
          deny('acme-second-statement', {
            Sid: 'ObjectsOnly',
            Resource: 'arn:aws:s3:::acme-second-statement/*',
          }),
          tlsDenyStatement('acme-second-statement'),
        ),
      }),
    ]),
    expected: [],
  },
  {
    name: 'a bucket whose policy was not read is skipped',
    inventory: s3Inventory([bucket('acme-unread', { policy: undefined })]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketPolicy was denied',
    inventory: s3Inventory([bucket('acme-no-policy', { policy: null })], undefined, [
      deniedGlobally('GetBucketPolicy'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
