/**
 * The sample account's S3: nine buckets in the three regions, read bucket by bucket. Problems planted: a
 * bucket public through its policy, one public through its ACL, no account-level Block Public Access, buckets
 * without Block Public Access, ACLs still enabled, no TLS-only policy, versioning off or suspended, no lifecycle
 * or no rule aborting incomplete multipart uploads, access logging off.
 */
import type { AclGrant, LifecycleRule, PublicAccessBlock, S3Bucket, S3Inventory } from '../../core/index.ts';
import { daysAgo, hex } from './ids.ts';

const OWNER = hex('canonical-owner:acme', 64);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const BLOCK_ALL: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
const OWNER_FULL_CONTROL: AclGrant = {
  granteeType: 'CanonicalUser',
  grantee: OWNER,
  permission: 'FULL_CONTROL',
};

/** The statement AWS Config's s3-bucket-ssl-requests-only looks for. */
function tlsOnly(bucket: string): Record<string, unknown> {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const EXPIRE_AND_ABORT: LifecycleRule = {
  id: 'expire-and-abort',
  status: 'Enabled',
  abortIncompleteMultipartUploadDays: 7,
  hasExpiration: true,
  hasTransitions: false,
};

/** A bucket as a careful team leaves it; each bucket below overrides what it gets wrong. */
function bucket(
  name: string,
  region: string,
  createdDaysAgo: number,
  overrides: Partial<S3Bucket>,
): S3Bucket {
  return {
    name,
    region,
    creationDate: daysAgo(createdDaysAgo),
    publicAccessBlock: BLOCK_ALL,
    policyIsPublic: false,
    policy: policy(tlsOnly(name)),
    acl: { ownerId: OWNER, grants: [OWNER_FULL_CONTROL] },
    objectOwnership: 'BucketOwnerEnforced',
    encryption: 'AES256',
    versioning: 'Enabled',
    mfaDelete: false,
    lifecycleRules: [EXPIRE_AND_ABORT],
    loggingTargetBucket: 'acme-access-logs',
    tags: {},
    ...overrides,
  };
}

/** The sample account's S3. */
export function sampleS3(): S3Inventory {
  return {
    // Never configured: every bucket relies on its own settings alone.
    accountPublicAccessBlock: null,
    buckets: [
      bucket('acme-access-logs', 'us-east-1', 1500, {
        acl: {
          ownerId: OWNER,
          grants: [
            OWNER_FULL_CONTROL,
            { granteeType: 'Group', grantee: LOG_DELIVERY, permission: 'WRITE' },
            { granteeType: 'Group', grantee: LOG_DELIVERY, permission: 'READ_ACP' },
          ],
        },
        objectOwnership: 'BucketOwnerPreferred',
        // A log bucket does not log to itself.
        loggingTargetBucket: null,
        tags: { owner: 'security' },
      }),
      bucket('acme-prod-assets', 'us-east-1', 1300, {
        publicAccessBlock: null,
        policyIsPublic: true,
        policy: policy({
          Sid: 'PublicReadGetObject',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-prod-assets/*',
        }),
        versioning: null,
        lifecycleRules: null,
        loggingTargetBucket: null,
        tags: { owner: 'web' },
      }),
      bucket('acme-public-downloads', 'us-east-1', 1100, {
        publicAccessBlock: {
          blockPublicAcls: false,
          ignorePublicAcls: false,
          blockPublicPolicy: true,
          restrictPublicBuckets: true,
        },
        policy: null,
        acl: {
          ownerId: OWNER,
          grants: [OWNER_FULL_CONTROL, { granteeType: 'Group', grantee: ALL_USERS, permission: 'READ' }],
        },
        objectOwnership: 'ObjectWriter',
        versioning: 'Suspended',
        lifecycleRules: null,
        loggingTargetBucket: null,
        tags: { owner: 'marketing' },
      }),
      bucket('acme-terraform-state', 'us-east-1', 900, {
        encryption: 'aws:kms',
        tags: { owner: 'platform' },
      }),
      bucket('acme-cloudtrail', 'us-east-1', 1450, {
        policy: policy(tlsOnly('acme-cloudtrail'), {
          Sid: 'AWSCloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::acme-cloudtrail/AWSLogs/123456789012/*',
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        }),
        encryption: 'aws:kms',
        tags: { owner: 'security' },
      }),
      bucket('acme-data-lake-eu', 'eu-west-1', 600, {
        policy: null,
        lifecycleRules: [{ id: 'to-glacier', status: 'Enabled', hasExpiration: false, hasTransitions: true }],
        encryption: 'aws:kms',
        tags: { owner: 'data' },
      }),
      bucket('acme-tmp-uploads-eu', 'eu-west-1', 450, {
        policy: null,
        versioning: null,
        lifecycleRules: null,
        loggingTargetBucket: null,
        tags: {},
      }),
      bucket('acme-backups-usw2', 'us-west-2', 1000, {
        policy: null,
        versioning: 'Suspended',
        lifecycleRules: [
          {
            id: 'expire-old-backups',
            status: 'Disabled',
            abortIncompleteMultipartUploadDays: 3,
            hasExpiration: true,
            hasTransitions: false,
          },
        ],
        loggingTargetBucket: null,
        tags: { owner: 'data' },
      }),
      bucket('acme-jenkins-artifacts', 'us-west-2', 1700, {
        publicAccessBlock: null,
        policy: null,
        objectOwnership: null,
        versioning: null,
        lifecycleRules: null,
        loggingTargetBucket: null,
        tags: {},
      }),
    ],
  };
}
