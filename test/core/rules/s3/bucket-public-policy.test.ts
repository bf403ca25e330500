import { bucketPublicPolicy } from '../../../../core/rules/s3/bucket-public-policy.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import {
  type BucketOverrides,
  bucket,
  deniedGlobally,
  NO_BLOCK,
  policyText,
  s3Inventory,
  tlsDenyStatement,
} from './fixtures.ts';

/** An anonymous-read statement for `name`, as static website buckets have. */
function publicRead(name: string): Record<string, unknown> {
  return {
    Sid: 'PublicReadGetObject',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${name}/*`,
  };
}

/** A bucket whose policy allows anonymous reads, with no bucket-level block. */
function publicBucket(name: string, overrides: BucketOverrides = {}) {
  return bucket(name, {
    publicAccessBlock: null,
    policyIsPublic: true,
    policy: policyText(publicRead(name), tlsDenyStatement(name)),
    ...overrides,
  });
}

testRule(bucketPublicPolicy, [
  {
    name: "S3's verdict IsPublic=true with RestrictPublicBuckets off everywhere: critical",
    inventory: s3Inventory([publicBucket('acme-www')], null),
    expected: [
      {
        resourceId: 'acme-www',
        severity: 'critical',
        message:
          'Bucket acme-www (eu-west-1) has a public bucket policy (S3 policy status IsPublic=true), and ' +
          'RestrictPublicBuckets is off at both the bucket and the account level.',
      },
    ],
  },
  {
    name: 'BlockPublicPolicy at both levels does not neutralise an existing public policy',
    inventory: s3Inventory(
      [publicBucket('acme-www', { publicAccessBlock: { ...NO_BLOCK, blockPublicPolicy: true } })],
      { ...NO_BLOCK, blockPublicPolicy: true, blockPublicAcls: true, ignorePublicAcls: true },
    ),
    expected: [{ resourceId: 'acme-www', message: '(BlockPublicPolicy only stops new public policies)' }],
  },
  {
    name: 'RestrictPublicBuckets at the bucket level or at the account level makes the policy harmless',
    inventory: s3Inventory(
      [
        publicBucket('acme-www-restricted', {
          publicAccessBlock: { ...NO_BLOCK, restrictPublicBuckets: true },
        }),
        publicBucket('acme-www-covered-by-account'),
      ],
      { ...NO_BLOCK, restrictPublicBuckets: true },
    ),
    expected: [],
  },
  {
    name: "the collector's derived verdict, and one derived here from the policy text, both count",
    inventory: s3Inventory(
      [
        publicBucket('acme-derived-by-collector', { policyIsPublicDerived: true }),
        publicBucket('acme-derived-by-rule', { policyIsPublic: undefined }),
      ],
      null,
      // S3's own verdict was denied, but the policy was read: the rule still runs.
      [deniedGlobally('GetBucketPolicyStatus')],
    ),
    expected: [
      { resourceId: 'acme-derived-by-collector', message: "Axiom's reading of the policy" },
      { resourceId: 'acme-derived-by-rule', message: "Axiom's reading of the policy" },
    ],
  },
  {
    name: 'private policies, pinned statements, no policy or an unknown verdict do not fire',
    inventory: s3Inventory(
      [
        bucket('acme-private', { publicAccessBlock: null }),
        bucket('acme-vpce-only', {
          publicAccessBlock: null,
          policyIsPublic: undefined,
          policy: policyText({
            ...publicRead('acme-vpce-only'),
            Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } },
          }),
        }),
        bucket('acme-no-policy', { publicAccessBlock: null, policyIsPublic: undefined, policy: null }),
        bucket('acme-unread', { publicAccessBlock: null, policyIsPublic: undefined, policy: undefined }),
        bucket('acme-garbled', {
          publicAccessBlock: null,
          policyIsPublic: undefined,
          policy: '{"Statement": [',
        }),
      ],
      null,
    ),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketPolicy was denied',
    inventory: s3Inventory([publicBucket('acme-www')], null, [deniedGlobally('GetBucketPolicy')]),
    expected: [],
    notEvaluatedIn: 'global',
  },
  {
    name: 'not evaluated when the bucket-level blocks could not be read',
    inventory: s3Inventory([publicBucket('acme-www')], null, [deniedGlobally('GetPublicAccessBlock')]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
