import { bucketAccessLoggingDisabled } from '../../../../core/rules/s3/bucket-access-logging-disabled.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketAccessLoggingDisabled, [
  {
    name: 'logging off fires; the bucket that receives other buckets’ logs is exempt',
    inventory: s3Inventory([
      bucket('acme-customer-data', { loggingTargetBucket: 'acme-s3-access-logs-123456789012' }),
      bucket('acme-s3-access-logs-123456789012', { loggingTargetBucket: null }),
      bucket('acme-scratch', { loggingTargetBucket: null, region: 'ap-southeast-2' }),
    ]),
    expected: [
      {
        resourceId: 'acme-scratch',
        severity: 'low',
        message: 'Bucket acme-scratch (ap-southeast-2) has server access logging off.',
      },
    ],
  },
  {
    name: 'logging on, or not read, does not fire',
    inventory: s3Inventory([
      bucket('acme-logged'),
      bucket('acme-unread', { loggingTargetBucket: undefined }),
    ]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketLogging was denied',
    inventory: s3Inventory([bucket('acme-scratch', { loggingTargetBucket: null })], undefined, [
      deniedGlobally('GetBucketLogging'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
