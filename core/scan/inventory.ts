/**
 * The inventory snapshot: plain JSON holding everything the rules need, plus coverage and call counts. It is
 * what a live scan produces, what `--save-inventory` writes and `--inventory` reads back, so its shape is
 * versioned (`schemaVersion`) and validated by the ajv schema in inventory-schema.ts.
 *
 * Conventions: a collection that is absent (undefined) was not collected (denied, errored, skipped or not
 * asked for) and its coverage entries say why; an empty array means "collected, none there". Times are ISO
 * 8601 strings. Tags are plain `Record<string, string>`.
 */

/** Current inventory schema version; bump on any incompatible change. */
export const INVENTORY_SCHEMA_VERSION = 1;

/** Services Axiom collects, as named in coverage entries and `--services`. */
export type ScanService = 'ec2' | 'elbv2' | 's3' | 'rds' | 'iam' | 'cloudwatch' | 'logs' | 'ce' | 'tagging';

/** Every scan service, in the order units are planned. */
export const SCAN_SERVICES: readonly ScanService[] = [
  'iam',
  's3',
  'ec2',
  'elbv2',
  'rds',
  'logs',
  'cloudwatch',
  'tagging',
  'ce',
];

/** Outcome of one operation in one scope. */
export type CoverageStatus = 'ok' | 'denied' | 'error' | 'skipped';

/** What Axiom could and could not see, per account, region, service and operation. */
export interface CoverageEntry {
  accountId: string;
  /** Region, or 'global'. */
  region: string;
  service: ScanService;
  /** SDK operation, e.g. 'DescribeInstances'; '*' for the whole service (e.g. skipped). */
  operation: string;
  status: CoverageStatus;
  /** AWS's error code and message, or why it was skipped. */
  detail?: string;
}

/** Per-operation call statistics. */
export interface OperationCallStats {
  /** Logical calls. */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
}

// ---------------------------------------------------------------- EC2

/** One security group rule direction entry, flattened: one per protocol/port range and source. */
export interface SecurityGroupRule {
  /** 'tcp', 'udp', 'icmp', 'icmpv6' or '-1' (all). */
  protocol: string;
  /** First port (inclusive); undefined for all ports. */
  fromPort?: number;
  /** Last port (inclusive); undefined for all ports. */
  toPort?: number;
  /** IPv4 CIDR source/destination. */
  cidrIpv4?: string;
  /** IPv6 CIDR source/destination. */
  cidrIpv6?: string;
  /** Referenced security group id. */
  groupId?: string;
  /** Prefix list id. */
  prefixListId?: string;
  description?: string;
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  vpcId?: string;
  description?: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  tags: Record<string, string>;
}

export interface Ec2Instance {
  instanceId: string;
  instanceType: string;
  /** 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated'. */
  state: string;
  /** EC2's StateTransitionReason, e.g. 'User initiated (2026-01-05 10:00:00 GMT)'. */
  stateTransitionReason?: string;
  launchTime?: string;
  vpcId?: string;
  subnetId?: string;
  publicIpAddress?: string;
  securityGroupIds: string[];
  /** IMDS: 'required' means IMDSv2 only; 'optional' allows IMDSv1. */
  httpTokens?: 'required' | 'optional';
  /** IMDS endpoint 'enabled' | 'disabled'. */
  httpEndpoint?: string;
  iamInstanceProfileArn?: string;
  platform?: string;
  tags: Record<string, string>;
}

export interface EbsVolume {
  volumeId: string;
  /** 'gp2' | 'gp3' | 'io1' | 'io2' | 'st1' | 'sc1' | 'standard'. */
  volumeType: string;
  sizeGiB: number;
  iops?: number;
  throughput?: number;
  /** 'available' means unattached. */
  state: string;
  encrypted: boolean;
  kmsKeyId?: string;
  createTime?: string;
  attachedInstanceIds: string[];
  tags: Record<string, string>;
}

export interface Vpc {
  vpcId: string;
  isDefault: boolean;
  cidrBlock?: string;
  tags: Record<string, string>;
}

export interface Subnet {
  subnetId: string;
  vpcId: string;
  availabilityZone?: string;
  mapPublicIpOnLaunch: boolean;
  tags: Record<string, string>;
}

export interface NatGateway {
  natGatewayId: string;
  state: string;
  vpcId?: string;
  subnetId?: string;
  createTime?: string;
  tags: Record<string, string>;
}

export interface ElasticIp {
  allocationId?: string;
  publicIp: string;
  associationId?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  domain?: string;
  tags: Record<string, string>;
}

/** What EC2 holds in one region. */
export interface Ec2RegionInventory {
  instances?: Ec2Instance[];
  volumes?: EbsVolume[];
  securityGroups?: SecurityGroup[];
  vpcs?: Vpc[];
  subnets?: Subnet[];
  natGateways?: NatGateway[];
  addresses?: ElasticIp[];
  /** Whether new EBS volumes are encrypted by default in this region. */
  ebsEncryptionByDefault?: boolean;
}

// ---------------------------------------------------------------- ELBv2

export interface TargetGroup {
  targetGroupArn: string;
  targetGroupName: string;
  loadBalancerArns: string[];
  /** Targets by health state, e.g. { healthy: 2, unhealthy: 1 }. */
  targetHealth?: Record<string, number>;
}

export interface LoadBalancer {
  loadBalancerArn: string;
  loadBalancerName: string;
  /** 'application' | 'network' | 'gateway'. */
  type: string;
  /** 'internet-facing' | 'internal'. */
  scheme: string;
  state?: string;
  createdTime?: string;
  vpcId?: string;
  securityGroupIds: string[];
}

export interface Elbv2RegionInventory {
  loadBalancers?: LoadBalancer[];
  targetGroups?: TargetGroup[];
}

// ---------------------------------------------------------------- RDS

export interface RdsInstance {
  dbInstanceIdentifier: string;
  dbInstanceArn: string;
  dbInstanceClass: string;
  engine: string;
  status?: string;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  multiAz: boolean;
  allocatedStorageGiB?: number;
  /** The cluster it belongs to, for Aurora instances. */
  dbClusterIdentifier?: string;
  /**
   * The source DB instance when this instance is a read replica (its ARN when the source is in another region);
   * absent for other instances, and in inventories saved before Axiom recorded it.
   */
  readReplicaSourceDbInstanceIdentifier?: string;
  /**
   * The source DB cluster when this instance is a read replica of a cluster (a Multi-AZ DB cluster, or an Aurora
   * cluster replicated to an instance); absent otherwise, and in inventories saved before Axiom recorded it.
   */
  readReplicaSourceDbClusterIdentifier?: string;
  instanceCreateTime?: string;
  tags: Record<string, string>;
}

export interface RdsCluster {
  dbClusterIdentifier: string;
  dbClusterArn: string;
  engine: string;
  status?: string;
  storageEncrypted: boolean;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  publiclyAccessible?: boolean;
  tags: Record<string, string>;
}

export interface RdsRegionInventory {
  instances?: RdsInstance[];
  clusters?: RdsCluster[];
}

// ---------------------------------------------------------------- CloudWatch Logs

export interface LogGroup {
  logGroupName: string;
  arn?: string;
  /** Undefined: kept forever. */
  retentionInDays?: number;
  storedBytes: number;
  creationTime?: string;
  kmsKeyId?: string;
}

export interface LogsRegionInventory {
  logGroups?: LogGroup[];
}

// ---------------------------------------------------------------- CloudWatch metrics

/** Daily values over the metric window, oldest first; a missing day is null. */
export type DailySeries = (number | null)[];

/** Utilisation metrics collected for idle and rightsizing rules, keyed by resource id then metric. */
export interface MetricsRegionInventory {
  /** First day of the window (UTC date). */
  windowStart: string;
  /** Number of days in the window (14). */
  days: number;
  /**
   * Resource id (instance id, NAT gateway id, load balancer ARN suffix, DB instance id, volume id) to metric name
   * (e.g. 'CPUUtilization:Average', 'NetworkIn:Sum', 'BytesOutToDestination:Sum', 'RequestCount:Sum',
   * 'DatabaseConnections:Maximum', 'VolumeReadOps:Sum') to its daily series.
   */
  series: Record<string, Record<string, DailySeries>>;
}

// ---------------------------------------------------------------- Tagging

export interface TaggingRegionInventory {
  /** Resource ARN to its tags. */
  resources?: Record<string, Record<string, string>>;
}

/** Everything collected in one region of one account. */
export interface RegionInventory {
  ec2?: Ec2RegionInventory;
  elbv2?: Elbv2RegionInventory;
  rds?: RdsRegionInventory;
  logs?: LogsRegionInventory;
  metrics?: MetricsRegionInventory;
  tagging?: TaggingRegionInventory;
}

// ---------------------------------------------------------------- S3 (account-wide list, per-bucket details)

export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface AclGrant {
  /** 'CanonicalUser' | 'Group' | 'AmazonCustomerByEmail'. */
  granteeType: string;
  /** Group URI for groups (e.g. http://acs.amazonaws.com/groups/global/AllUsers), else the id. */
  grantee: string;
  /** 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP'. */
  permission: string;
}

export interface LifecycleRule {
  id?: string;
  status: 'Enabled' | 'Disabled';
  /** Days after which incomplete multipart uploads are aborted, when the rule has that action. */
  abortIncompleteMultipartUploadDays?: number;
  hasExpiration: boolean;
  hasTransitions: boolean;
}

/** One bucket; each field is absent when it could not be read (see coverage) and null when not configured. */
export interface S3Bucket {
  name: string;
  region: string;
  creationDate?: string;
  publicAccessBlock?: PublicAccessBlock | null;
  /** AWS's verdict (GetBucketPolicyStatus). */
  policyIsPublic?: boolean;
  /**
   * True when `policyIsPublic` was worked out by Axiom from the policy document (Allow to everyone with no
   * condition pinning the caller), because GetBucketPolicyStatus was denied or unavailable; absent when it is
   * AWS's own verdict. Like AWS's, it judges the policy only: public ACL grants are in `acl`.
   */
  policyIsPublicDerived?: boolean;
  /** The bucket policy document as JSON text. */
  policy?: string | null;
  acl?: { ownerId?: string; grants: AclGrant[] };
  /** 'BucketOwnerEnforced' (ACLs disabled) | 'BucketOwnerPreferred' | 'ObjectWriter'. */
  objectOwnership?: string | null;
  /** Default encryption algorithm ('AES256', 'aws:kms', 'aws:kms:dsse'), null when none. */
  encryption?: string | null;
  /** 'Enabled' | 'Suspended' | null (never enabled). */
  versioning?: string | null;
  mfaDelete?: boolean;
  lifecycleRules?: LifecycleRule[] | null;
  /** Target bucket of server access logs, null when off. */
  loggingTargetBucket?: string | null;
  tags?: Record<string, string>;
}

export interface S3Inventory {
  buckets?: S3Bucket[];
  /** Account-level Block Public Access; null when not configured. */
  accountPublicAccessBlock?: PublicAccessBlock | null;
}

// ---------------------------------------------------------------- IAM

/** A policy document as collected (decoded JSON), with where it is attached. */
export interface IamPolicyRef {
  policyName: string;
  /** The decoded JSON document. */
  document: unknown;
}

export interface IamManagedPolicy {
  arn: string;
  policyName: string;
  /** True for AWS managed policies (arn:aws:iam::aws:policy/...). */
  awsManaged: boolean;
  attachmentCount: number;
  defaultVersionId?: string;
  /** The default version's decoded document. */
  document?: unknown;
}

export interface IamUser {
  userName: string;
  arn: string;
  createDate?: string;
  inlinePolicies: IamPolicyRef[];
  attachedPolicyArns: string[];
  groups: string[];
  tags: Record<string, string>;
}

export interface IamGroup {
  groupName: string;
  arn: string;
  inlinePolicies: IamPolicyRef[];
  attachedPolicyArns: string[];
}

export interface IamRole {
  roleName: string;
  arn: string;
  path: string;
  createDate?: string;
  /** The decoded trust policy. */
  assumeRolePolicyDocument: unknown;
  inlinePolicies: IamPolicyRef[];
  attachedPolicyArns: string[];
  lastUsedDate?: string;
  tags: Record<string, string>;
}

/** One row of the credential report (the root account is user '<root_account>'). */
export interface CredentialReportRow {
  user: string;
  arn: string;
  userCreationTime?: string;
  passwordEnabled: boolean;
  passwordLastUsed?: string;
  passwordLastChanged?: string;
  mfaActive: boolean;
  accessKey1Active: boolean;
  accessKey1LastRotated?: string;
  accessKey1LastUsed?: string;
  accessKey2Active: boolean;
  accessKey2LastRotated?: string;
  accessKey2LastUsed?: string;
}

export interface PasswordPolicy {
  minimumPasswordLength?: number;
  requireSymbols?: boolean;
  requireNumbers?: boolean;
  requireUppercaseCharacters?: boolean;
  requireLowercaseCharacters?: boolean;
  maxPasswordAge?: number;
  passwordReusePrevention?: number;
  hardExpiry?: boolean;
}

export interface IamInventory {
  users?: IamUser[];
  groups?: IamGroup[];
  roles?: IamRole[];
  policies?: IamManagedPolicy[];
  credentialReport?: CredentialReportRow[];
  /** Null when the account has no password policy. */
  passwordPolicy?: PasswordPolicy | null;
  /** GetAccountSummary's map (AccountMFAEnabled, AccountAccessKeysPresent, ...). */
  accountSummary?: Record<string, number>;
}

// ---------------------------------------------------------------- Cost Explorer

export interface CostInventory {
  /** Currency, e.g. 'USD'. */
  unit: string;
  /** The two last full months, oldest first: month start date and cost by service. */
  months: { start: string; byService: Record<string, number> }[];
}

// ---------------------------------------------------------------- account and snapshot

export interface AccountInventory {
  accountId: string;
  /** Target name, e.g. 'prod'. */
  name?: string;
  partition: string;
  /** Regions scanned. */
  regions: string[];
  /**
   * Services scanned in this account (`--services`; Cost Explorer only when asked for). Rules of other
   * services do not apply here: their data was not asked for, so it is neither a pass nor a coverage gap.
   * Absent means every service.
   */
  services?: ScanService[];
  iam?: IamInventory;
  s3?: S3Inventory;
  costs?: CostInventory;
  /** Region name to what it holds. */
  regional: Record<string, RegionInventory>;
}

/** The snapshot. */
export interface Inventory {
  schemaVersion: typeof INVENTORY_SCHEMA_VERSION;
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  accounts: AccountInventory[];
  coverage: CoverageEntry[];
  stats: {
    durationMs: number;
    apiCalls: { total: number; byOperation: Record<string, OperationCallStats> };
  };
}
