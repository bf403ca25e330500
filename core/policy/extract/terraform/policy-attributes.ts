import type { PolicyKind, ResourcePolicyType } from '../../document.ts';

/** A Terraform resource attribute that holds a policy document. */
export interface TerraformPolicyAttribute {
  /** The resource type, e.g. `aws_iam_role`. */
  resourceType: string;
  /** The nested block the attribute is in, e.g. `inline_policy`; absent for a top-level attribute. */
  block?: string;
  /** The attribute, e.g. `assume_role_policy`. */
  attribute: string;
  kind: PolicyKind;
  /** For resource policies, what they are attached to. */
  policyResourceType?: ResourcePolicyType;
}

/** Every policy-holding attribute Axiom reads, for HCL and for plans alike. */
export const TERRAFORM_POLICY_ATTRIBUTES: readonly TerraformPolicyAttribute[] = [
  { resourceType: 'aws_iam_policy', attribute: 'policy', kind: 'identity' },
  { resourceType: 'aws_iam_role', attribute: 'assume_role_policy', kind: 'trust' },
  { resourceType: 'aws_iam_role', block: 'inline_policy', attribute: 'policy', kind: 'identity' },
  { resourceType: 'aws_iam_role_policy', attribute: 'policy', kind: 'identity' },
  { resourceType: 'aws_iam_user_policy', attribute: 'policy', kind: 'identity' },
  { resourceType: 'aws_iam_group_policy', attribute: 'policy', kind: 'identity' },
  {
    resourceType: 'aws_s3_bucket_policy',
    attribute: 'policy',
    kind: 'resource',
    policyResourceType: 's3-bucket',
  },
  { resourceType: 'aws_kms_key', attribute: 'policy', kind: 'resource', policyResourceType: 'kms-key' },
  {
    resourceType: 'aws_sqs_queue_policy',
    attribute: 'policy',
    kind: 'resource',
    policyResourceType: 'sqs-queue',
  },
  {
    resourceType: 'aws_sns_topic_policy',
    attribute: 'policy',
    kind: 'resource',
    policyResourceType: 'sns-topic',
  },
];

/** The policy attributes of a resource type; empty when it holds none. */
export function policyAttributesOf(resourceType: string): readonly TerraformPolicyAttribute[] {
  return TERRAFORM_POLICY_ATTRIBUTES.filter((entry) => entry.resourceType === resourceType);
}
