/**
 * The permission catalogue: every IAM action Axiom asks for, the SDK operation that needs it, the capability it
 * serves and why. The permission policy, the CloudFormation template, the Terraform module, the README table and
 * the read-only guard's allowlist are all generated from this one table, so they cannot drift apart.
 *
 * Explicit actions only, never wildcards: `logs:Get*` would include `logs:GetLogEvents` (customer data), and a
 * wildcard silently grows when AWS adds actions.
 */

/** SDK clients Axiom uses against a customer account, by the client class name without the `Client` suffix. */
export type SdkClientName =
  | 'EC2'
  | 'ElasticLoadBalancingV2'
  | 'S3'
  | 'S3Control'
  | 'RDS'
  | 'IAM'
  | 'CloudWatch'
  | 'CloudWatchLogs'
  | 'CostExplorer'
  | 'ResourceGroupsTaggingAPI'
  | 'STS';

/** A user-facing capability: the reason a group of actions exists. */
export type Capability =
  | 'ec2-inventory'
  | 'load-balancers'
  | 's3-posture'
  | 'rds-posture'
  | 'iam-audit'
  | 'utilization-metrics'
  | 'log-retention'
  | 'cost-trend'
  | 'ownership-tags'
  | 'connection-test'
  | 'privilege-self-check';

/** One line of the catalogue. */
export interface PermissionEntry {
  /** The IAM action, exactly as it appears in the policy, e.g. 'ec2:DescribeInstances'. */
  action: string;
  /** The SDK client that makes the call. */
  client: SdkClientName;
  /** The SDK operation name (the Command class without `Command`). */
  operation: string;
  /** The capability that uses it. */
  capability: Capability;
  /** Why Axiom needs it, one line. */
  reason: string;
}

/** Plain-language description of each capability, for the README and the onboarding screens. */
export const CAPABILITIES: Readonly<Record<Capability, string>> = {
  'ec2-inventory':
    'Enumerate instances, volumes, security groups, VPCs, subnets, NAT gateways and Elastic IPs for exposure, encryption and rightsizing rules.',
  'load-balancers': 'Find load balancers with no healthy targets or no traffic.',
  's3-posture':
    'Detect public buckets, missing encryption, versioning, lifecycle and logging. Never reads object contents.',
  'rds-posture': 'Find public, unencrypted or unprotected databases. Never reads rows.',
  'iam-audit':
    'Audit users, roles, policies and trust relationships for over-permissive grants, stale credentials and missing MFA.',
  'utilization-metrics': 'Pull 14 days of utilisation metrics for idle-resource and rightsizing findings.',
  'log-retention': 'Find log groups kept forever and how much they store. Never reads log events.',
  'cost-trend':
    'Read monthly cost by service to flag spend growth (off unless asked; AWS bills each request).',
  'ownership-tags': 'Read owner tags across services to attribute findings.',
  'connection-test': 'Confirm the role was assumed in the expected account.',
  'privilege-self-check':
    "Check that Axiom's own role cannot do more than read, and halt onboarding if it can.",
};

/** The catalogue. Order is the order of the generated policy and the README table. */
export const PERMISSIONS: readonly PermissionEntry[] = [
  // Connection test
  {
    action: 'sts:GetCallerIdentity',
    client: 'STS',
    operation: 'GetCallerIdentity',
    capability: 'connection-test',
    reason: 'Confirms the role was assumed and names the account it belongs to.',
  },
  // EC2
  {
    action: 'ec2:DescribeRegions',
    client: 'EC2',
    operation: 'DescribeRegions',
    capability: 'ec2-inventory',
    reason: 'Lists the regions enabled in the account, so disabled regions cost no calls.',
  },
  {
    action: 'ec2:DescribeInstances',
    client: 'EC2',
    operation: 'DescribeInstances',
    capability: 'ec2-inventory',
    reason: 'Instances, their state, type, security groups and metadata (IMDS) options.',
  },
  {
    action: 'ec2:DescribeVolumes',
    client: 'EC2',
    operation: 'DescribeVolumes',
    capability: 'ec2-inventory',
    reason: 'EBS volumes: encryption, type (gp2 vs gp3) and attachment, for unattached-volume costs.',
  },
  {
    action: 'ec2:DescribeSecurityGroups',
    client: 'EC2',
    operation: 'DescribeSecurityGroups',
    capability: 'ec2-inventory',
    reason: 'Security group rules open to the internet on admin and database ports.',
  },
  {
    action: 'ec2:DescribeVpcs',
    client: 'EC2',
    operation: 'DescribeVpcs',
    capability: 'ec2-inventory',
    reason: 'VPCs, to tell default from custom networks.',
  },
  {
    action: 'ec2:DescribeSubnets',
    client: 'EC2',
    operation: 'DescribeSubnets',
    capability: 'ec2-inventory',
    reason: 'Subnets, to tell public placement from private.',
  },
  {
    action: 'ec2:DescribeNatGateways',
    client: 'EC2',
    operation: 'DescribeNatGateways',
    capability: 'ec2-inventory',
    reason: 'NAT gateways, for idle-gateway costs.',
  },
  {
    action: 'ec2:DescribeAddresses',
    client: 'EC2',
    operation: 'DescribeAddresses',
    capability: 'ec2-inventory',
    reason: 'Elastic IPs, for unassociated-address costs.',
  },
  {
    action: 'ec2:GetEbsEncryptionByDefault',
    client: 'EC2',
    operation: 'GetEbsEncryptionByDefault',
    capability: 'ec2-inventory',
    reason: 'Whether new EBS volumes are encrypted by default in each region.',
  },
  // ELBv2
  {
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    client: 'ElasticLoadBalancingV2',
    operation: 'DescribeLoadBalancers',
    capability: 'load-balancers',
    reason: 'Application, network and gateway load balancers.',
  },
  {
    action: 'elasticloadbalancing:DescribeTargetGroups',
    client: 'ElasticLoadBalancingV2',
    operation: 'DescribeTargetGroups',
    capability: 'load-balancers',
    reason: 'Target groups behind each load balancer.',
  },
  {
    action: 'elasticloadbalancing:DescribeTargetHealth',
    client: 'ElasticLoadBalancingV2',
    operation: 'DescribeTargetHealth',
    capability: 'load-balancers',
    reason: 'Whether any target is healthy, for idle load balancers.',
  },
  // S3
  {
    action: 's3:ListAllMyBuckets',
    client: 'S3',
    operation: 'ListBuckets',
    capability: 's3-posture',
    reason: 'Bucket names and regions. Lists buckets, never objects.',
  },
  {
    action: 's3:GetBucketLocation',
    client: 'S3',
    operation: 'GetBucketLocation',
    capability: 's3-posture',
    reason: "A bucket's region where the bucket list does not say it.",
  },
  {
    action: 's3:GetAccountPublicAccessBlock',
    client: 'S3Control',
    operation: 'GetPublicAccessBlock',
    capability: 's3-posture',
    reason: 'The account-wide S3 Block Public Access settings.',
  },
  {
    action: 's3:GetBucketPublicAccessBlock',
    client: 'S3',
    operation: 'GetPublicAccessBlock',
    capability: 's3-posture',
    reason: "Each bucket's Block Public Access settings.",
  },
  {
    action: 's3:GetBucketPolicyStatus',
    client: 'S3',
    operation: 'GetBucketPolicyStatus',
    capability: 's3-posture',
    reason: "AWS's own verdict on whether a bucket policy makes the bucket public.",
  },
  {
    action: 's3:GetBucketPolicy',
    client: 'S3',
    operation: 'GetBucketPolicy',
    capability: 's3-posture',
    reason: 'The bucket policy, for public grants and a TLS-only condition.',
  },
  {
    action: 's3:GetBucketAcl',
    client: 'S3',
    operation: 'GetBucketAcl',
    capability: 's3-posture',
    reason: 'ACL grants to AllUsers or AuthenticatedUsers.',
  },
  {
    action: 's3:GetBucketOwnershipControls',
    client: 'S3',
    operation: 'GetBucketOwnershipControls',
    capability: 's3-posture',
    reason: 'Whether ACLs are disabled (BucketOwnerEnforced).',
  },
  {
    action: 's3:GetEncryptionConfiguration',
    client: 'S3',
    operation: 'GetBucketEncryption',
    capability: 's3-posture',
    reason: 'Default encryption (SSE-S3 or SSE-KMS).',
  },
  {
    action: 's3:GetBucketVersioning',
    client: 'S3',
    operation: 'GetBucketVersioning',
    capability: 's3-posture',
    reason: 'Versioning, for recovery from deletes and overwrites.',
  },
  {
    action: 's3:GetLifecycleConfiguration',
    client: 'S3',
    operation: 'GetBucketLifecycleConfiguration',
    capability: 's3-posture',
    reason: 'Lifecycle rules, including aborting incomplete multipart uploads.',
  },
  {
    action: 's3:GetBucketLogging',
    client: 'S3',
    operation: 'GetBucketLogging',
    capability: 's3-posture',
    reason: 'Server access logging.',
  },
  // RDS
  {
    action: 'rds:DescribeDBInstances',
    client: 'RDS',
    operation: 'DescribeDBInstances',
    capability: 'rds-posture',
    reason: 'Database instances: public access, encryption, backups, deletion protection.',
  },
  {
    action: 'rds:DescribeDBClusters',
    client: 'RDS',
    operation: 'DescribeDBClusters',
    capability: 'rds-posture',
    reason: 'Aurora and Multi-AZ clusters: encryption, backups, deletion protection.',
  },
  // IAM
  {
    action: 'iam:GetAccountAuthorizationDetails',
    client: 'IAM',
    operation: 'GetAccountAuthorizationDetails',
    capability: 'iam-audit',
    reason: 'Users, groups, roles and policies in a few pages instead of one call per entity.',
  },
  {
    action: 'iam:GenerateCredentialReport',
    client: 'IAM',
    operation: 'GenerateCredentialReport',
    capability: 'iam-audit',
    reason: 'Asks IAM to build the credential report (changes no access; AWS classes it Read).',
  },
  {
    action: 'iam:GetCredentialReport',
    client: 'IAM',
    operation: 'GetCredentialReport',
    capability: 'iam-audit',
    reason: 'Password and access key age, last use and MFA per user, including root.',
  },
  {
    action: 'iam:GetAccountPasswordPolicy',
    client: 'IAM',
    operation: 'GetAccountPasswordPolicy',
    capability: 'iam-audit',
    reason: 'The password policy, for weak-policy findings.',
  },
  {
    action: 'iam:GetAccountSummary',
    client: 'IAM',
    operation: 'GetAccountSummary',
    capability: 'iam-audit',
    reason: 'Root MFA and root access key presence.',
  },
  {
    action: 'iam:ListAttachedRolePolicies',
    client: 'IAM',
    operation: 'ListAttachedRolePolicies',
    capability: 'privilege-self-check',
    reason: "Managed policies attached to Axiom's own role, to catch ReadOnlyAccess or broader.",
  },
  {
    action: 'iam:ListRolePolicies',
    client: 'IAM',
    operation: 'ListRolePolicies',
    capability: 'privilege-self-check',
    reason: "Inline policy names on Axiom's own role.",
  },
  {
    action: 'iam:GetRolePolicy',
    client: 'IAM',
    operation: 'GetRolePolicy',
    capability: 'privilege-self-check',
    reason: "Inline policy documents on Axiom's own role, checked for write or data-read actions.",
  },
  {
    action: 'iam:GetPolicy',
    client: 'IAM',
    operation: 'GetPolicy',
    capability: 'privilege-self-check',
    reason: "The default version of each managed policy attached to Axiom's own role.",
  },
  {
    action: 'iam:GetPolicyVersion',
    client: 'IAM',
    operation: 'GetPolicyVersion',
    capability: 'privilege-self-check',
    reason: "The document of each customer-managed policy attached to Axiom's own role.",
  },
  {
    action: 'iam:SimulatePrincipalPolicy',
    client: 'IAM',
    operation: 'SimulatePrincipalPolicy',
    capability: 'privilege-self-check',
    reason: "Simulates sample write actions against Axiom's own role; simulation changes nothing.",
  },
  // CloudWatch
  {
    action: 'cloudwatch:GetMetricData',
    client: 'CloudWatch',
    operation: 'GetMetricData',
    capability: 'utilization-metrics',
    reason: 'CPU, network, NAT bytes, request and connection counts, 500 series per call.',
  },
  // CloudWatch Logs
  {
    action: 'logs:DescribeLogGroups',
    client: 'CloudWatchLogs',
    operation: 'DescribeLogGroups',
    capability: 'log-retention',
    reason: 'Log group retention and stored bytes. Never reads log events.',
  },
  // Cost Explorer
  {
    action: 'ce:GetCostAndUsage',
    client: 'CostExplorer',
    operation: 'GetCostAndUsage',
    capability: 'cost-trend',
    reason: 'Cost by service for the last two full months, one request per scan when enabled.',
  },
  // Tagging
  {
    action: 'tag:GetResources',
    client: 'ResourceGroupsTaggingAPI',
    operation: 'GetResources',
    capability: 'ownership-tags',
    reason: 'Owner and team tags across services.',
  },
];

/** Operations on Axiom's own credentials, outside the customer's policy, that connect needs. */
export const CONNECT_OPERATIONS: readonly { client: SdkClientName; operation: string }[] = [
  { client: 'STS', operation: 'AssumeRole' },
  { client: 'STS', operation: 'AssumeRoleWithWebIdentity' },
  { client: 'STS', operation: 'GetCallerIdentity' },
];

/** The distinct IAM actions of the permission policy, in catalogue order. */
export function policyActions(): string[] {
  return [...new Set(PERMISSIONS.map((entry) => entry.action))];
}
