import { bucketDefaultEncryptionMissing } from '../../../../core/rules/s3/bucket-default-encryption-missing.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketDefaultEncryptionMissing, [
  {
    name: 'no default encryption configuration is reported as info',
    inventory: s3Inventory([
      bucket('acme-2018-archive', { encryption: null, creationDate: '2018-05-02T09:00:00.000Z' }),
    ]),
    expected: [
      {
        resourceId: 'acme-2018-archive',
        severity: 'info',
        message: 'Bucket acme-2018-archive (eu-west-1) has no default encryption configuration',
      },
    ],
  },
  {
    name: 'SSE-S3, SSE-KMS, DSSE-KMS or not read: nothing',
    inventory: s3Inventory([
      bucket('acme-sse-s3'),
      bucket('acme-sse-kms', { encryption: 'aws:kms' }),
      bucket('acme-dsse', { encryption: 'aws:kms:dsse' }),
      bucket('acme-unread', { encryption: undefined }),
    ]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketEncryption was denied',
    inventory: s3Inventory([bucket('acme-2018-archive', { encryption: null })], undefined, [
      deniedGlobally('GetBucketEncryption'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
