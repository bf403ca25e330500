import type { AccountInventory, S3Bucket } from '../../scan/inventory.ts';
import type { RuleHit, RuleScope } from '../rule.ts';

/** The global scope's S3 data: the account and its collected buckets. */
export interface S3Scope {
  /** The account the buckets belong to (for its partition and account-level block). */
  account: AccountInventory;
  /** Every bucket collected for the account. */
  buckets: readonly S3Bucket[];
}

/**
 * The buckets of a global scope; undefined for a regional scope or when buckets were not collected (coverage
 * then says why, and the engine reports the rule not evaluated).
 */
export function s3Scope(scope: RuleScope): S3Scope | undefined {
  if (scope.kind !== 'global') return undefined;
  const buckets = scope.account.s3?.buckets;
  return buckets ? { account: scope.account, buckets } : undefined;
}

/** A bucket's ARN: arn:aws:s3:::name (bucket ARNs carry neither region nor account). */
export function bucketArn(account: Pick<AccountInventory, 'partition'>, name: string): string {
  return `arn:${account.partition}:s3:::${name}`;
}

/** The finding resource for a bucket. */
export function bucketResource(
  account: Pick<AccountInventory, 'partition'>,
  bucket: S3Bucket,
): RuleHit['resource'] {
  return { type: 'AWS::S3::Bucket', id: bucket.name, arn: bucketArn(account, bucket.name) };
}

/** "name (eu-west-1)": the engine files S3 findings under 'global', so messages name the bucket's region. */
export function bucketLabel(bucket: S3Bucket): string {
  return bucket.region ? `${bucket.name} (${bucket.region})` : bucket.name;
}

/** The evidence every bucket finding starts with: its name and the region it lives in. */
export function bucketEvidence(bucket: S3Bucket): { bucket: string; bucketRegion: string } {
  return { bucket: bucket.name, bucketRegion: bucket.region };
}
