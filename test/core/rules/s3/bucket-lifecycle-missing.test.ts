import { bucketLifecycleMissing } from '../../../../core/rules/s3/bucket-lifecycle-missing.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketLifecycleMissing, [
  {
    name: 'no configuration, or only disabled rules',
    inventory: s3Inventory([
      bucket('acme-exports', { lifecycleRules: null }),
      bucket('acme-paused', {
        lifecycleRules: [
          { id: 'expire-tmp', status: 'Disabled', hasExpiration: true, hasTransitions: false },
          { id: 'archive', status: 'Disabled', hasExpiration: false, hasTransitions: true },
        ],
      }),
    ]),
    expected: [
      {
        resourceId: 'acme-exports',
        severity: 'low',
        message:
          'Bucket acme-exports (eu-west-1) has no lifecycle configuration: nothing in it ever expires or moves to ' +
          'a cheaper storage class.',
      },
      { resourceId: 'acme-paused', message: 'has 2 lifecycle rules, all Disabled' },
    ],
  },
  {
    name: 'any enabled rule, or lifecycle not read, does not fire',
    inventory: s3Inventory([
      bucket('acme-with-rules'),
      bucket('acme-transition-only', {
        lifecycleRules: [
          { id: 'off', status: 'Disabled', hasExpiration: true, hasTransitions: false },
          { id: 'to-glacier', status: 'Enabled', hasExpiration: false, hasTransitions: true },
        ],
      }),
      bucket('acme-unread', { lifecycleRules: undefined }),
    ]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketLifecycleConfiguration was denied',
    inventory: s3Inventory([bucket('acme-exports', { lifecycleRules: null })], undefined, [
      deniedGlobally('GetBucketLifecycleConfiguration'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
