import {
  type LifecycleRule as AwsLifecycleRule,
  GetBucketAclCommand,
  type GetBucketAclCommandOutput,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import { classifyAwsError } from '../../../aws/aws-error.ts';
import type { AclGrant, LifecycleRule, PublicAccessBlock, S3Bucket } from '../../inventory.ts';
import { optionalFields } from './optional-fields.ts';
import type { OperationTally } from './s3-operation-tally.ts';
import { policyAllowsPublicAccess } from './s3-public-policy.ts';

/** The per-bucket reads, in the order their coverage entries appear. Metadata only: never an object. */
export const BUCKET_DETAIL_OPERATIONS = [
  'GetPublicAccessBlock',
  'GetBucketPolicyStatus',
  'GetBucketPolicy',
  'GetBucketAcl',
  'GetBucketOwnershipControls',
  'GetBucketEncryption',
  'GetBucketVersioning',
  'GetBucketLifecycleConfiguration',
  'GetBucketLogging',
] as const;

/**
 * Runs `call`; when S3 answers with `notConfigured` (its way of saying "this bucket has no such setting"),
 * returns `absent` instead: a value for the inventory, not a failure for coverage.
 */
async function unlessNotConfigured<T, A>(
  notConfigured: string,
  absent: A,
  call: () => Promise<T>,
): Promise<T | A> {
  try {
    return await call();
  } catch (error) {
    if (classifyAwsError(error).code === notConfigured) return absent;
    throw error;
  }
}

/** Block Public Access as the inventory holds it; a flag S3 leaves out is off. */
export function toPublicAccessBlock(raw: PublicAccessBlockConfiguration | undefined): PublicAccessBlock {
  return {
    blockPublicAcls: raw?.BlockPublicAcls ?? false,
    ignorePublicAcls: raw?.IgnorePublicAcls ?? false,
    blockPublicPolicy: raw?.BlockPublicPolicy ?? false,
    restrictPublicBuckets: raw?.RestrictPublicBuckets ?? false,
  };
}

function toAcl(raw: GetBucketAclCommandOutput): NonNullable<S3Bucket['acl']> {
  const grants: AclGrant[] = (raw.Grants ?? []).map((grant) => ({
    granteeType: grant.Grantee?.Type ?? 'CanonicalUser',
    grantee: grant.Grantee?.URI ?? grant.Grantee?.ID ?? grant.Grantee?.EmailAddress ?? '',
    permission: grant.Permission ?? '',
  }));
  return { grants, ...optionalFields({ ownerId: raw.Owner?.ID }) };
}

function toLifecycleRule(raw: AwsLifecycleRule): LifecycleRule {
  return {
    status: raw.Status === 'Enabled' ? 'Enabled' : 'Disabled',
    // Expiring noncurrent versions counts too: it is what keeps a versioned bucket from growing forever.
    hasExpiration:
      raw.Expiration?.Days !== undefined ||
      raw.Expiration?.Date !== undefined ||
      raw.NoncurrentVersionExpiration !== undefined,
    hasTransitions: (raw.Transitions?.length ?? 0) > 0 || (raw.NoncurrentVersionTransitions?.length ?? 0) > 0,
    ...optionalFields({
      id: raw.ID,
      abortIncompleteMultipartUploadDays: raw.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
    }),
  };
}

/**
 * Reads one bucket's settings into `bucket` with `client` (built for the bucket's region), all nine calls at
 * once. A call that fails leaves its field absent and is counted in `tally`; "not configured" answers become
 * null. When S3's own public verdict cannot be read but the policy was, the verdict is derived from the policy
 * and marked `policyIsPublicDerived`.
 */
export async function readBucketDetails(
  client: S3Client,
  bucket: S3Bucket,
  tally: OperationTally,
  signal: AbortSignal,
): Promise<void> {
  const Bucket = bucket.name;
  const send = { abortSignal: signal };
  await Promise.all([
    tally
      .run('GetPublicAccessBlock', () =>
        unlessNotConfigured('NoSuchPublicAccessBlockConfiguration', null, () =>
          client.send(new GetPublicAccessBlockCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        if (result.ok)
          bucket.publicAccessBlock =
            result.value === null ? null : toPublicAccessBlock(result.value.PublicAccessBlockConfiguration);
      }),
    tally
      .run('GetBucketPolicyStatus', () =>
        unlessNotConfigured('NoSuchBucketPolicy', null, () =>
          client.send(new GetBucketPolicyStatusCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        // No policy at all: nothing in a policy can make the bucket public.
        if (result.ok) bucket.policyIsPublic = result.value?.PolicyStatus?.IsPublic ?? false;
      }),
    tally
      .run('GetBucketPolicy', () =>
        unlessNotConfigured('NoSuchBucketPolicy', null, () =>
          client.send(new GetBucketPolicyCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        if (result.ok) bucket.policy = result.value?.Policy ?? null;
      }),
    tally
      .run('GetBucketAcl', () => client.send(new GetBucketAclCommand({ Bucket }), send))
      .then((result) => {
        if (result.ok) bucket.acl = toAcl(result.value);
      }),
    tally
      .run('GetBucketOwnershipControls', () =>
        unlessNotConfigured('OwnershipControlsNotFoundError', null, () =>
          client.send(new GetBucketOwnershipControlsCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        if (result.ok)
          bucket.objectOwnership = result.value?.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null;
      }),
    tally
      .run('GetBucketEncryption', () =>
        unlessNotConfigured('ServerSideEncryptionConfigurationNotFoundError', null, () =>
          client.send(new GetBucketEncryptionCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        if (result.ok)
          bucket.encryption =
            result.value?.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
              ?.SSEAlgorithm ?? null;
      }),
    tally
      .run('GetBucketVersioning', () => client.send(new GetBucketVersioningCommand({ Bucket }), send))
      .then((result) => {
        if (!result.ok) return;
        // A bucket that never had versioning answers with an empty configuration.
        bucket.versioning = result.value.Status ?? null;
        bucket.mfaDelete = result.value.MFADelete === 'Enabled';
      }),
    tally
      .run('GetBucketLifecycleConfiguration', () =>
        unlessNotConfigured('NoSuchLifecycleConfiguration', null, () =>
          client.send(new GetBucketLifecycleConfigurationCommand({ Bucket }), send),
        ),
      )
      .then((result) => {
        if (result.ok)
          bucket.lifecycleRules =
            result.value === null ? null : (result.value.Rules ?? []).map(toLifecycleRule);
      }),
    tally
      .run('GetBucketLogging', () => client.send(new GetBucketLoggingCommand({ Bucket }), send))
      .then((result) => {
        // Logging off answers with an empty BucketLoggingStatus.
        if (result.ok) bucket.loggingTargetBucket = result.value.LoggingEnabled?.TargetBucket ?? null;
      }),
  ]);
  derivePolicyVerdict(bucket);
}

/** Fills `policyIsPublic` from the policy itself when S3's verdict is missing but the policy was read. */
function derivePolicyVerdict(bucket: S3Bucket): void {
  if (bucket.policyIsPublic !== undefined || bucket.policy === undefined) return;
  const verdict = bucket.policy === null ? false : policyAllowsPublicAccess(bucket.policy);
  if (verdict === undefined) return;
  bucket.policyIsPublic = verdict;
  bucket.policyIsPublicDerived = true;
}
