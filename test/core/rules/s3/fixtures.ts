import type {
  CoverageEntry,
  Inventory,
  PublicAccessBlock,
  S3Bucket,
  ScanService,
} from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_ACCOUNT } from '../../../helpers/rule-harness.ts';

/** Builders for realistic S3 inventory pieces, shared by the S3 rule tests. */

/** All four Block Public Access settings on. */
export const FULL_BLOCK: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

/** All four settings off (as S3 reports a block someone created and then cleared). */
export const NO_BLOCK: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};

/** The owner's canonical id, as GetBucketAcl reports it. */
export const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** The TLS-only statement AWS documents, for `name`. */
export function tlsDenyStatement(name: string): Record<string, unknown> {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** A policy document as S3 returns it: JSON text. */
export function policyText(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Field overrides; a field set to undefined is removed, as when its read failed. */
export type BucketOverrides = { [K in keyof S3Bucket]?: S3Bucket[K] | undefined };

/**
 * A bucket that no S3 rule fires on: private, fully blocked, ACLs disabled, TLS-only policy, versioned,
 * lifecycle with an abort rule, logging to the account's log bucket. Tests change one thing with `overrides`.
 */
export function bucket(name: string, overrides: BucketOverrides = {}): S3Bucket {
  const built: Record<string, unknown> = {
    name,
    region: 'eu-west-1',
    creationDate: '2024-03-18T10:22:41.000Z',
    publicAccessBlock: FULL_BLOCK,
    policyIsPublic: false,
    policy: policyText(tlsDenyStatement(name)),
    acl: {
      ownerId: OWNER_ID,
      grants: [{ granteeType: 'CanonicalUser', grantee: OWNER_ID, permission: 'FULL_CONTROL' }],
    },
    objectOwnership: 'BucketOwnerEnforced',
    encryption: 'AES256',
    versioning: 'Enabled',
    mfaDelete: false,
    lifecycleRules: [
      {
        id: 'abort-incomplete-uploads',
        status: 'Enabled',
        abortIncompleteMultipartUploadDays: 7,
        hasExpiration: false,
        hasTransitions: false,
      },
      { id: 'expire-noncurrent', status: 'Enabled', hasExpiration: true, hasTransitions: false },
    ],
    loggingTargetBucket: 'acme-s3-access-logs-123456789012',
    tags: {},
    ...overrides,
  };
  for (const [key, value] of Object.entries(built)) if (value === undefined) delete built[key];
  return built as unknown as S3Bucket;
}

/** The ACL of a bucket owned by OWNER_ID that also grants `permission` to the group at `uri`. */
export function aclWith(uri: string, ...permissions: string[]): NonNullable<S3Bucket['acl']> {
  return {
    ownerId: OWNER_ID,
    grants: [
      { granteeType: 'CanonicalUser', grantee: OWNER_ID, permission: 'FULL_CONTROL' },
      ...permissions.map((permission) => ({ granteeType: 'Group', grantee: uri, permission })),
    ],
  };
}

/** A one-account inventory holding `buckets` and the account-level block (complete unless said). */
export function s3Inventory(
  buckets: S3Bucket[] | undefined,
  accountPublicAccessBlock: PublicAccessBlock | null | undefined = FULL_BLOCK,
  coverage: CoverageEntry[] = [],
): Inventory {
  return inventoryFor({
    account: {
      s3: {
        ...(buckets === undefined ? {} : { buckets }),
        ...(accountPublicAccessBlock === undefined ? {} : { accountPublicAccessBlock }),
      },
    },
    coverage,
  });
}

/** A coverage entry saying `operation` was denied, in the global scope where the S3 collector files it. */
export function deniedGlobally(operation: string, service: ScanService = 's3'): CoverageEntry {
  return {
    accountId: TEST_ACCOUNT,
    region: 'global',
    service,
    operation,
    status: 'denied',
    detail: `AccessDenied: User is not authorized to perform: ${service}:${operation} (denied for 3 of 12 buckets)`,
  };
}
