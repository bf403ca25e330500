import { bucketVersioningDisabled } from '../../../../core/rules/s3/bucket-versioning-disabled.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketVersioningDisabled, [
  {
    name: 'never enabled is low, suspended is medium',
    inventory: s3Inventory([
      bucket('acme-build-cache', { versioning: null }),
      bucket('acme-invoices', { versioning: 'Suspended', region: 'us-west-2' }),
    ]),
    expected: [
      {
        resourceId: 'acme-build-cache',
        severity: 'low',
        message: 'Bucket acme-build-cache (eu-west-1) has never had versioning enabled.',
      },
      {
        resourceId: 'acme-invoices',
        severity: 'medium',
        message: 'Bucket acme-invoices (us-west-2) has versioning Suspended',
      },
    ],
  },
  {
    name: 'enabled, or not read, does not fire',
    inventory: s3Inventory([bucket('acme-versioned'), bucket('acme-unread', { versioning: undefined })]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketVersioning was denied',
    inventory: s3Inventory([bucket('acme-build-cache', { versioning: null })], undefined, [
      deniedGlobally('GetBucketVersioning'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
