import { bucketMultipartAbortMissing } from '../../../../core/rules/s3/bucket-multipart-abort-missing.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import { bucket, deniedGlobally, s3Inventory } from './fixtures.ts';

testRule(bucketMultipartAbortMissing, [
  {
    name: 'no lifecycle, rules without the abort action, or a disabled abort rule',
    inventory: s3Inventory([
      bucket('acme-video-uploads', { lifecycleRules: null }),
      bucket('acme-logs-archive', {
        lifecycleRules: [
          { id: 'expire-after-1y', status: 'Enabled', hasExpiration: true, hasTransitions: true },
        ],
      }),
      bucket('acme-paused-abort', {
        lifecycleRules: [
          {
            id: 'abort-uploads',
            status: 'Disabled',
            abortIncompleteMultipartUploadDays: 3,
            hasExpiration: false,
            hasTransitions: false,
          },
        ],
      }),
    ]),
    expected: [
      {
        resourceId: 'acme-video-uploads',
        severity: 'low',
        message:
          'Bucket acme-video-uploads (eu-west-1) has no enabled lifecycle rule that aborts incomplete multipart ' +
          'uploads: abandoned upload parts are billed indefinitely.',
      },
      { resourceId: 'acme-logs-archive', message: 'has no enabled lifecycle rule that aborts' },
      { resourceId: 'acme-paused-abort', message: '(its abort rule is Disabled)' },
    ],
  },
  {
    name: 'an enabled abort rule, or lifecycle not read, does not fire',
    inventory: s3Inventory([bucket('acme-with-abort'), bucket('acme-unread', { lifecycleRules: undefined })]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketLifecycleConfiguration was denied',
    inventory: s3Inventory([bucket('acme-video-uploads', { lifecycleRules: null })], undefined, [
      deniedGlobally('GetBucketLifecycleConfiguration'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
