import type { PublicAccessBlock } from '../../scan/inventory.ts';

/**
 * S3 Block Public Access, as S3 applies it: a setting is in force for a bucket when it is on at the bucket level
 * or at the account level (S3 uses "the most restrictive combination" of the two). The four settings do
 * different things, and the rules must not confuse them:
 * - BlockPublicAcls rejects new public ACLs; existing public ACLs still work.
 * - IgnorePublicAcls makes S3 ignore every public ACL on the bucket and its objects: existing grants stop working.
 * - BlockPublicPolicy rejects a new public bucket policy; an existing one still works.
 * - RestrictPublicBuckets limits a bucket with a public policy to AWS service principals and the owner
 *   account's authorised users: an existing public policy stops granting anonymous or cross-account access.
 */

/** The four settings, in AWS's order. */
export const PUBLIC_ACCESS_BLOCK_SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const satisfies readonly (keyof PublicAccessBlock)[];

/** One of the four settings. */
export type PublicAccessBlockSetting = (typeof PUBLIC_ACCESS_BLOCK_SETTINGS)[number];

/** A block as collected: a configuration, null (never configured: every setting off) or absent (not read). */
export type CollectedBlock = PublicAccessBlock | null | undefined;

/** The setting's name as AWS writes it in the console, the CLI and the API: 'IgnorePublicAcls'. */
export function awsSettingName(setting: PublicAccessBlockSetting): string {
  return setting.charAt(0).toUpperCase() + setting.slice(1);
}

/** Where a setting is on: 'bucket', 'account', 'bucket and account', or undefined when it is off at both levels. */
export function settingSource(
  setting: PublicAccessBlockSetting,
  bucketBlock: CollectedBlock,
  accountBlock: CollectedBlock,
): 'bucket' | 'account' | 'bucket and account' | undefined {
  const atBucket = bucketBlock?.[setting] === true;
  const atAccount = accountBlock?.[setting] === true;
  if (atBucket && atAccount) return 'bucket and account';
  if (atBucket) return 'bucket';
  return atAccount ? 'account' : undefined;
}

/** The settings in force for a bucket: each one on when it is on at the bucket or the account level. */
export function effectivePublicAccessBlock(
  bucketBlock: CollectedBlock,
  accountBlock: CollectedBlock,
): PublicAccessBlock {
  return {
    blockPublicAcls: settingSource('blockPublicAcls', bucketBlock, accountBlock) !== undefined,
    ignorePublicAcls: settingSource('ignorePublicAcls', bucketBlock, accountBlock) !== undefined,
    blockPublicPolicy: settingSource('blockPublicPolicy', bucketBlock, accountBlock) !== undefined,
    restrictPublicBuckets: settingSource('restrictPublicBuckets', bucketBlock, accountBlock) !== undefined,
  };
}

/** The settings that are off in `block` (all four for null: never configured). */
export function settingsOff(block: PublicAccessBlock | null): PublicAccessBlockSetting[] {
  return PUBLIC_ACCESS_BLOCK_SETTINGS.filter((setting) => block?.[setting] !== true);
}

/** "IgnorePublicAcls (account level)", for messages saying why a grant or policy has no effect. */
export function describeSetting(
  setting: PublicAccessBlockSetting,
  bucketBlock: CollectedBlock,
  accountBlock: CollectedBlock,
): string {
  const source = settingSource(setting, bucketBlock, accountBlock);
  return source ? `${awsSettingName(setting)} (${source} level)` : `${awsSettingName(setting)} (off)`;
}
