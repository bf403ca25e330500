import { bucketPublicAccessBlockMissing } from '../../../../core/rules/s3/bucket-public-access-block-missing.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, FULL_BLOCK, NO_BLOCK, s3Inventory } from './fixtures.ts';

testRule(bucketPublicAccessBlockMissing, [
  {
    name: 'no bucket block and no account block: all four settings missing',
    inventory: s3Inventory([bucket('acme-reports', { publicAccessBlock: null })], null),
    expected: [
      {
        resourceId: 'acme-reports',
        severity: 'medium',
        message:
          'Bucket acme-reports (eu-west-1) has BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, ' +
          'RestrictPublicBuckets off at both the bucket and the account level (bucket block not configured, ' +
          'account block not configured).',
      },
    ],
  },
  {
    name: 'a complete account block covers buckets without their own',
    inventory: s3Inventory(
      [
        bucket('acme-reports', { publicAccessBlock: null }),
        bucket('acme-cleared', { publicAccessBlock: NO_BLOCK }),
      ],
      FULL_BLOCK,
    ),
    expected: [],
  },
  {
    name: 'settings combine per setting: bucket ACL settings plus account policy settings make a full block',
    inventory: s3Inventory(
      [
        bucket('acme-combined', {
          publicAccessBlock: { ...NO_BLOCK, blockPublicAcls: true, ignorePublicAcls: true },
        }),
        bucket('acme-half', { publicAccessBlock: { ...NO_BLOCK, blockPublicAcls: true } }),
      ],
      { ...NO_BLOCK, blockPublicPolicy: true, restrictPublicBuckets: true },
    ),
    expected: [
      {
        resourceId: 'acme-half',
        message:
          'has IgnorePublicAcls off at both the bucket and the account level (bucket block incomplete, account ' +
          'block incomplete)',
      },
    ],
  },
  {
    name: 'a complete bucket block needs nothing from the account',
    inventory: s3Inventory([bucket('acme-data-lake', { publicAccessBlock: FULL_BLOCK })], null),
    expected: [],
  },
  {
    name: 'a bucket whose block was not read is skipped',
    inventory: s3Inventory([bucket('acme-unread', { publicAccessBlock: undefined })], null),
    expected: [],
  },
  {
    name: 'not evaluated when the account-level block was denied',
    inventory: s3Inventory([bucket('acme-reports', { publicAccessBlock: null })], undefined, [
      deniedGlobally('GetAccountPublicAccessBlock'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
  {
    name: 'not evaluated when ListBuckets was denied',
    inventory: s3Inventory(undefined, null, [deniedGlobally('ListBuckets')]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
