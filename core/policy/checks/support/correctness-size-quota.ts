/**
 * The size quota a policy document must fit, decided from what holds it. IAM counts characters without white
 * space; the resource policies below are limited in bytes of the document as sent, so the compact JSON, the
 * smallest form, is measured: a document over the quota in that form is over it in every form.
 *
 * Sources: IAM and AWS STS quotas (managed 6,144; inline per user 2,048, per group 5,120, per role 10,240, each
 * the total of the entity's inline policies; role trust policy 2,048 by default, adjustable in Service Quotas),
 * Amazon S3 ("bucket policies are limited to 20 KB"), AWS KMS (key policy at most 32 KB, 32,768 bytes) and
 * Amazon SQS policy quotas (8,192 bytes).
 */
import type { CompactJsonSize, PolicyDocument } from '../../document.ts';

/** How a quota counts. */
export type QuotaUnit = 'characters without white space' | 'bytes';

/** The quota one document is checked against. */
export interface SizeQuota {
  /** The limit. */
  readonly limit: number;
  readonly unit: QuotaUnit;
  /** What the quota is, for the message, e.g. 'the 10,240-character limit for a role's inline policies'. */
  readonly label: string;
  /** A note for the message when the quota was chosen without knowing how the policy is used. */
  readonly note?: string;
}

const MANAGED: SizeQuota = {
  limit: 6144,
  unit: 'characters without white space',
  label: 'the 6,144-character limit for a managed policy',
};
const ROLE_INLINE: SizeQuota = {
  limit: 10240,
  unit: 'characters without white space',
  label: "the 10,240-character limit for a role's inline policies (all of them together)",
};
const USER_INLINE: SizeQuota = {
  limit: 2048,
  unit: 'characters without white space',
  label: "the 2,048-character limit for a user's inline policies (all of them together)",
};
const GROUP_INLINE: SizeQuota = {
  limit: 5120,
  unit: 'characters without white space',
  label: "the 5,120-character limit for a group's inline policies (all of them together)",
};
const TRUST: SizeQuota = {
  limit: 2048,
  unit: 'characters without white space',
  label:
    "the default 2,048-character limit for a role trust policy (the 'Role trust policy length' quota can be raised in Service Quotas)",
};

/** The quota of an identity policy held by a resource of this type, by Terraform or CloudFormation type. */
const IDENTITY_QUOTAS: Record<string, SizeQuota> = {
  aws_iam_policy: MANAGED,
  'AWS::IAM::ManagedPolicy': MANAGED,
  aws_iam_role_policy: ROLE_INLINE,
  aws_iam_role: ROLE_INLINE,
  'AWS::IAM::Role': ROLE_INLINE,
  aws_iam_user_policy: USER_INLINE,
  'AWS::IAM::User': USER_INLINE,
  aws_iam_group_policy: GROUP_INLINE,
  'AWS::IAM::Group': GROUP_INLINE,
};

/** Resource-policy quotas AWS documents; others (SNS topics, Lambda permissions) are not checked. */
const RESOURCE_QUOTAS: Partial<Record<NonNullable<PolicyDocument['resourceType']>, SizeQuota>> = {
  's3-bucket': { limit: 20 * 1024, unit: 'bytes', label: 'the 20 KB limit for an S3 bucket policy' },
  'kms-key': { limit: 32 * 1024, unit: 'bytes', label: 'the 32 KB limit for a KMS key policy' },
  'sqs-queue': { limit: 8192, unit: 'bytes', label: 'the 8,192-byte limit for an SQS queue policy' },
};

/** The quota of the identity policies a Terraform `aws_iam_policy_document` renders, from the resources using it. */
function dataSourceQuota(usedBy: readonly string[]): SizeQuota | undefined {
  const quotas = usedBy.map((address) => IDENTITY_QUOTAS[address.split('.')[0] ?? '']);
  if (quotas.length === 0 || quotas.some((quota) => quota === undefined)) return undefined;
  // Used by several kinds of holder: the smallest quota is the one it must fit.
  return quotas.reduce((smallest, quota) => (quota!.limit < smallest!.limit ? quota : smallest));
}

const UNKNOWN_USE: SizeQuota = {
  ...MANAGED,
  note: 'how the policy is used is not known here, so it is checked against the managed-policy limit',
};

/**
 * The quota `document` must fit, or undefined when none is known. An AWS::IAM::Policy is an inline policy of the
 * roles, users and groups it names, which the document does not record: it is checked against the role limit,
 * the largest, so that only a policy too large for every holder is reported.
 */
export function sizeQuotaOf(document: PolicyDocument): SizeQuota | undefined {
  if (document.kind === 'trust') return TRUST;
  if (document.kind === 'resource')
    return document.resourceType ? RESOURCE_QUOTAS[document.resourceType] : undefined;
  const holderType = document.source.holderType;
  if (holderType === 'AWS::IAM::Policy') {
    return {
      ...ROLE_INLINE,
      note: 'an AWS::IAM::Policy is inline in each role, user and group it names, and users allow only 2,048 characters, groups 5,120',
    };
  }
  if (holderType === 'aws_iam_policy_document')
    return dataSourceQuota(document.source.usedBy ?? []) ?? UNKNOWN_USE;
  return (holderType && IDENTITY_QUOTAS[holderType]) || UNKNOWN_USE;
}

/**
 * The size of a document in the quota's unit, from its compact JSON form: bytes, or characters without the white
 * space inside its strings. A size within `upTo` in characters is returned as it is, white space included (it can
 * only be smaller without), so the usual policy far under its quota is never read character by character.
 */
export function measurePolicy(
  size: CompactJsonSize,
  unit: QuotaUnit,
  upTo = Number.POSITIVE_INFINITY,
): number {
  if (unit === 'bytes') return size.utf8Bytes;
  return size.characters <= upTo ? size.characters : size.characters - size.whitespace;
}
