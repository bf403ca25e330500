import { bucketAclsEnabled } from '../../../../core/rules/s3/bucket-acls-enabled.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketAclsEnabled, [
  {
    name: 'no ownership controls or ObjectWriter: medium; BucketOwnerPreferred: low',
    inventory: s3Inventory([
      bucket('acme-2019-uploads', { objectOwnership: null }),
      bucket('acme-partner-drop', { objectOwnership: 'ObjectWriter' }),
      bucket('acme-cur-reports', { objectOwnership: 'BucketOwnerPreferred' }),
    ]),
    expected: [
      {
        resourceId: 'acme-2019-uploads',
        severity: 'medium',
        message:
          'Bucket acme-2019-uploads (eu-west-1) has ACLs enabled: no ownership controls (S3 behaves as ' +
          'ObjectWriter), not BucketOwnerEnforced.',
      },
      { resourceId: 'acme-partner-drop', severity: 'medium', message: 'Object Ownership ObjectWriter' },
      { resourceId: 'acme-cur-reports', severity: 'low', message: 'Object Ownership BucketOwnerPreferred' },
    ],
  },
  {
    name: 'BucketOwnerEnforced, or ownership not read, does not fire',
    inventory: s3Inventory([bucket('acme-enforced'), bucket('acme-unread', { objectOwnership: undefined })]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketOwnershipControls was denied',
    inventory: s3Inventory([bucket('acme-2019-uploads', { objectOwnership: null })], undefined, [
      deniedGlobally('GetBucketOwnershipControls'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
