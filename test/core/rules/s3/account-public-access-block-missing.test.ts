import { accountPublicAccessBlockMissing } from '../../../../core/rules/s3/account-public-access-block-missing.ts';
import { TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, FULL_BLOCK, NO_BLOCK, s3Inventory } from './fixtures.ts';

testRule(accountPublicAccessBlockMissing, [
  {
    name: 'never configured: one high finding for the account, even with no buckets',
    inventory: s3Inventory([], null),
    expected: [
      {
        resourceId: TEST_ACCOUNT,
        severity: 'high',
        message: `Account ${TEST_ACCOUNT} has no account-level S3 Block Public Access configuration`,
      },
    ],
  },
  {
    name: 'incomplete: names the settings that are off, once however many buckets there are',
    inventory: s3Inventory([bucket('acme-a'), bucket('acme-b')], {
      ...NO_BLOCK,
      blockPublicAcls: true,
      blockPublicPolicy: true,
    }),
    expected: [{ resourceId: TEST_ACCOUNT, message: 'has IgnorePublicAcls, RestrictPublicBuckets off' }],
  },
  {
    name: 'complete at the account level: nothing, whatever the buckets do',
    inventory: s3Inventory([bucket('acme-a', { publicAccessBlock: null })], FULL_BLOCK),
    expected: [],
  },
  {
    name: 'not evaluated when S3 Control GetPublicAccessBlock was denied',
    inventory: s3Inventory([bucket('acme-a')], undefined, [deniedGlobally('GetAccountPublicAccessBlock')]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
