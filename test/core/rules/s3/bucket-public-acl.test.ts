import { bucketPublicAcl } from '../../../../core/rules/s3/bucket-public-acl.ts';
import { testRule } from '../../../helpers/rule-harness.ts';
import {
  ALL_USERS,
  AUTHENTICATED_USERS,
  aclWith,
  type BucketOverrides,
  bucket,
  deniedGlobally,
  FULL_BLOCK,
  LOG_DELIVERY,
  NO_BLOCK,
  s3Inventory,
} from './fixtures.ts';

/** A bucket with ACLs enabled and no bucket-level block, so only the ACL and the account block decide. */
function aclBucket(name: string, acl: ReturnType<typeof aclWith>, overrides: BucketOverrides = {}) {
  return bucket(name, { acl, objectOwnership: 'ObjectWriter', publicAccessBlock: null, ...overrides });
}

testRule(bucketPublicAcl, [
  {
    name: 'public grants with no block at either level: severity by the worst permission',
    inventory: s3Inventory(
      [
        aclBucket('acme-marketing-assets', aclWith(ALL_USERS, 'READ')),
        aclBucket('acme-upload-dropbox', aclWith(ALL_USERS, 'WRITE')),
        aclBucket('acme-legacy-share', aclWith(AUTHENTICATED_USERS, 'FULL_CONTROL')),
        aclBucket('acme-partner-feed', aclWith(AUTHENTICATED_USERS, 'READ')),
        aclBucket('acme-acl-peek', aclWith(ALL_USERS, 'READ_ACP')),
        aclBucket('acme-mixed', aclWith(ALL_USERS, 'READ', 'WRITE_ACP')),
      ],
      null,
    ),
    expected: [
      {
        resourceId: 'acme-marketing-assets',
        severity: 'high',
        message:
          'Bucket acme-marketing-assets (eu-west-1) grants READ to AllUsers in its ACL, and S3 honours it: ' +
          'IgnorePublicAcls is off at both the bucket and the account level.',
      },
      { resourceId: 'acme-upload-dropbox', severity: 'critical', message: 'WRITE to AllUsers' },
      {
        resourceId: 'acme-legacy-share',
        severity: 'critical',
        message: 'FULL_CONTROL to AuthenticatedUsers',
      },
      { resourceId: 'acme-partner-feed', severity: 'high', message: 'READ to AuthenticatedUsers' },
      { resourceId: 'acme-acl-peek', severity: 'medium' },
      { resourceId: 'acme-mixed', severity: 'critical', message: 'READ to AllUsers, WRITE_ACP to AllUsers' },
    ],
  },
  {
    name: 'BlockPublicAcls alone (bucket and account) does not neutralise an existing public grant',
    inventory: s3Inventory(
      [
        aclBucket('acme-old-website', aclWith(ALL_USERS, 'READ'), {
          publicAccessBlock: { ...NO_BLOCK, blockPublicAcls: true, blockPublicPolicy: true },
        }),
      ],
      { ...NO_BLOCK, blockPublicAcls: true },
    ),
    expected: [
      {
        resourceId: 'acme-old-website',
        severity: 'high',
        message: '(BlockPublicAcls only stops new public ACLs)',
      },
    ],
  },
  {
    name: 'IgnorePublicAcls at the bucket level, at the account level, or ACLs disabled: the grant has no effect',
    inventory: s3Inventory(
      [
        aclBucket('acme-ignored-at-bucket', aclWith(ALL_USERS, 'WRITE'), {
          publicAccessBlock: { ...NO_BLOCK, ignorePublicAcls: true },
        }),
        aclBucket('acme-ignored-at-account', aclWith(ALL_USERS, 'READ')),
        bucket('acme-acls-disabled', {
          acl: aclWith(ALL_USERS, 'READ'),
          objectOwnership: 'BucketOwnerEnforced',
        }),
      ],
      { ...NO_BLOCK, ignorePublicAcls: true },
    ),
    expected: [],
  },
  {
    name: 'the account block ignoring public ACLs is what spares the second bucket (control case without it)',
    inventory: s3Inventory([aclBucket('acme-ignored-at-account', aclWith(ALL_USERS, 'READ'))], NO_BLOCK),
    expected: [{ resourceId: 'acme-ignored-at-account', severity: 'high' }],
  },
  {
    name: 'owner-only ACLs, the LogDelivery group and unread ACLs do not fire',
    inventory: s3Inventory(
      [
        aclBucket('acme-private', aclWith(ALL_USERS)),
        aclBucket('acme-access-logs', aclWith(LOG_DELIVERY, 'WRITE', 'READ_ACP')),
        bucket('acme-acl-unread', {
          acl: undefined,
          objectOwnership: 'ObjectWriter',
          publicAccessBlock: null,
        }),
      ],
      null,
    ),
    expected: [],
  },
  {
    name: 'a fully blocked, ACL-disabled bucket does not fire',
    inventory: s3Inventory([bucket('acme-data-lake', { publicAccessBlock: FULL_BLOCK })]),
    expected: [],
  },
  {
    name: 'not evaluated when GetBucketAcl was denied',
    inventory: s3Inventory([aclBucket('acme-marketing-assets', aclWith(ALL_USERS, 'READ'))], null, [
      deniedGlobally('GetBucketAcl'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
  {
    name: 'not evaluated when the account-level block could not be read',
    inventory: s3Inventory([aclBucket('acme-marketing-assets', aclWith(ALL_USERS, 'READ'))], undefined, [
      deniedGlobally('GetAccountPublicAccessBlock'),
    ]),
    expected: [],
    notEvaluatedIn: 'global',
  },
]);
