/**
 * The benchmark's synthetic AWS account: a deterministic generator (same shape and seed, same account) of
 * everything the collectors and the per-entity scanner read. The fake AWS serves it; the benchmark only ever sees
 * its counts (account-counts.ts), so the measured process holds none of it.
 */

/** How big the account is. */
export interface AccountShape {
  /** The account id. */
  accountId: string;
  /** Regions DescribeRegions lists (enabled in the account). */
  enabledRegions: readonly string[];
  /** Regions that hold resources; every other enabled region is empty. */
  populatedRegions: readonly string[];
  /** EC2 instances, spread over the populated regions (each with a root EBS volume). */
  instances: number;
  /** S3 buckets, spread over the populated regions. */
  buckets: number;
  /** IAM roles. */
  roles: number;
  /** IAM users (each a row of the credential report). */
  users: number;
  /** IAM groups. */
  groups: number;
  /** Customer managed policies. */
  customerPolicies: number;
  /** AWS managed policies attached somewhere (GetAccountAuthorizationDetails lists those). */
  awsPolicies: number;
  /** CloudWatch Logs log groups, spread over the populated regions. */
  logGroups: number;
  /** Per populated region. */
  perRegion: {
    securityGroups: number;
    vpcs: number;
    subnets: number;
    natGateways: number;
    addresses: number;
    /** Volumes attached to nothing, besides the instances' root volumes. */
    detachedVolumes: number;
    loadBalancers: number;
    targetGroups: number;
    targetsPerGroup: number;
    dbInstances: number;
    dbClusters: number;
  };
}

/** The 17 regions enabled by default in a commercial AWS account. */
export const DEFAULT_REGIONS: readonly string[] = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

/** The account of the issue: 3 regions with 2,000 instances, 300 buckets, 1,000 roles, 500 log groups, 14 empty regions. */
export const DEFAULT_SHAPE: AccountShape = {
  accountId: '123456789012',
  enabledRegions: DEFAULT_REGIONS,
  populatedRegions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
  instances: 2000,
  buckets: 300,
  roles: 1000,
  users: 50,
  groups: 8,
  customerPolicies: 60,
  awsPolicies: 30,
  logGroups: 500,
  perRegion: {
    securityGroups: 40,
    vpcs: 2,
    subnets: 6,
    natGateways: 2,
    addresses: 6,
    detachedVolumes: 25,
    loadBalancers: 8,
    targetGroups: 12,
    targetsPerGroup: 4,
    dbInstances: 15,
    dbClusters: 3,
  },
};

/** One key/value tag. */
export type Tags = Record<string, string>;

/** An EC2 instance. */
export interface Instance {
  id: string;
  type: string;
  state: 'running' | 'stopped' | 'terminated';
  launchTime: string;
  vpcId: string;
  subnetId: string;
  securityGroupIds: string[];
  publicIp?: string;
  httpTokens: 'required' | 'optional';
  tags: Tags;
}

/** An EBS volume. */
export interface Volume {
  id: string;
  type: 'gp2' | 'gp3';
  sizeGiB: number;
  encrypted: boolean;
  attachedTo?: string;
  createTime: string;
  tags: Tags;
}

/** A security group with one ingress rule. */
export interface SecurityGroupData {
  id: string;
  name: string;
  vpcId: string;
  port: number;
  cidr: string;
}

/** A load balancer (application). */
export interface LoadBalancerData {
  arn: string;
  name: string;
  vpcId: string;
  securityGroupId: string;
}

/** A target group and its targets. */
export interface TargetGroupData {
  arn: string;
  name: string;
  loadBalancerArn?: string;
  targets: { id: string; state: string }[];
}

/** An RDS instance. */
export interface DbInstanceData {
  id: string;
  arn: string;
  public: boolean;
  encrypted: boolean;
  backupDays: number;
  clusterId?: string;
}

/** An Aurora cluster. */
export interface DbClusterData {
  id: string;
  arn: string;
  encrypted: boolean;
}

/** A CloudWatch Logs log group. */
export interface LogGroupData {
  name: string;
  arn: string;
  retentionInDays?: number;
  storedBytes: number;
  creationTime: number;
}

/** Everything in one region. */
export interface RegionData {
  region: string;
  instances: Instance[];
  volumes: Volume[];
  securityGroups: SecurityGroupData[];
  vpcs: { id: string; cidr: string; isDefault: boolean }[];
  subnets: { id: string; vpcId: string; az: string; public: boolean }[];
  natGateways: { id: string; vpcId: string; subnetId: string }[];
  addresses: { publicIp: string; allocationId: string; instanceId?: string }[];
  loadBalancers: LoadBalancerData[];
  targetGroups: TargetGroupData[];
  dbInstances: DbInstanceData[];
  dbClusters: DbClusterData[];
  logGroups: LogGroupData[];
  /** What the tagging API returns: every tagged resource of the region. */
  tagged: { arn: string; tags: Tags }[];
}

/** An inline or managed policy document. */
export type PolicyJson = Record<string, unknown>;

/** An IAM role. */
export interface RoleData {
  name: string;
  id: string;
  arn: string;
  path: string;
  createDate: string;
  lastUsed?: string;
  trust: PolicyJson;
  inline: { name: string; document: PolicyJson }[];
  attached: { name: string; arn: string }[];
}

/** An IAM user. */
export interface UserData {
  name: string;
  id: string;
  arn: string;
  createDate: string;
  groups: string[];
  inline: { name: string; document: PolicyJson }[];
  attached: { name: string; arn: string }[];
  passwordEnabled: boolean;
  mfa: boolean;
  accessKeys: { id: string; lastRotated: string; lastUsed?: string }[];
}

/** An IAM group. */
export interface GroupData {
  name: string;
  id: string;
  arn: string;
  inline: { name: string; document: PolicyJson }[];
  attached: { name: string; arn: string }[];
}

/** A managed policy with its default version. */
export interface ManagedPolicyData {
  name: string;
  id: string;
  arn: string;
  awsManaged: boolean;
  attachmentCount: number;
  defaultVersionId: string;
  document: PolicyJson;
}

/** An S3 bucket and its settings; an absent setting answers S3's "not configured" error. */
export interface BucketData {
  name: string;
  region: string;
  creationDate: string;
  publicAccessBlock?: [boolean, boolean, boolean, boolean];
  policy?: PolicyJson;
  policyIsPublic: boolean;
  publicRead: boolean;
  ownership?: string;
  encryption?: string;
  versioning?: 'Enabled' | 'Suspended';
  lifecycle: boolean;
  loggingTarget?: string;
  tags: Tags;
}

/** The whole account. */
export interface AccountData {
  shape: AccountShape;
  regions: Map<string, RegionData>;
  roles: RoleData[];
  users: UserData[];
  groups: GroupData[];
  policies: ManagedPolicyData[];
  buckets: BucketData[];
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same account on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `total` spread over `parts` as evenly as whole numbers allow, the remainder to the first parts. */
export function spread(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

function hexId(prefix: string, seed: number, length = 17): string {
  return `${prefix}-${(seed * 2654435761).toString(16).padStart(length, '0').slice(-length)}`;
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);

function isoDay(offsetDays: number): string {
  return new Date(EPOCH + offsetDays * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const INSTANCE_TYPES = ['t3.micro', 't3.large', 'm6i.large', 'm6i.xlarge', 'c6i.2xlarge', 'r6i.large'];
const ADMIN_PORTS = [22, 3389, 443, 80, 5432, 3306, 8080];
const TEAMS = ['payments', 'search', 'platform', 'data', 'web', 'ml'];

function generateRegion(shape: AccountShape, region: string, index: number, rand: () => number): RegionData {
  const regions = shape.populatedRegions.length;
  const per = shape.perRegion;
  const account = shape.accountId;
  const base = (index + 1) * 1_000_000;
  const vpcs = Array.from({ length: per.vpcs }, (_, i) => ({
    id: hexId('vpc', base + i),
    cidr: `10.${index * 16 + i}.0.0/16`,
    isDefault: i === 0,
  }));
  const subnets = Array.from({ length: per.subnets }, (_, i) => ({
    id: hexId('subnet', base + i),
    vpcId: vpcs[i % vpcs.length]?.id ?? '',
    az: `${region}${'abc'[i % 3]}`,
    public: i % 3 === 0,
  }));
  const securityGroups = Array.from({ length: per.securityGroups }, (_, i) => ({
    id: hexId('sg', base + i),
    name: i === 0 ? 'default' : `app-${i}`,
    vpcId: vpcs[i % vpcs.length]?.id ?? '',
    port: ADMIN_PORTS[i % ADMIN_PORTS.length] ?? 443,
    cidr: i % 10 === 1 ? '0.0.0.0/0' : '10.0.0.0/8',
  }));
  const instanceCount = spread(shape.instances, regions, index);
  const instances: Instance[] = [];
  const volumes: Volume[] = [];
  for (let i = 0; i < instanceCount; i += 1) {
    const roll = rand();
    const subnet = subnets[i % subnets.length];
    const instance: Instance = {
      id: hexId('i', base + i),
      type: INSTANCE_TYPES[i % INSTANCE_TYPES.length] ?? 't3.micro',
      state: roll < 0.02 ? 'terminated' : roll < 0.1 ? 'stopped' : 'running',
      launchTime: isoDay(Math.floor(rand() * 600)),
      vpcId: subnet?.vpcId ?? '',
      subnetId: subnet?.id ?? '',
      securityGroupIds: [securityGroups[i % securityGroups.length]?.id ?? ''],
      httpTokens: rand() < 0.3 ? 'optional' : 'required',
      tags: {
        Name: `node-${index}-${i}`,
        owner: TEAMS[i % TEAMS.length] ?? 'web',
        env: i % 4 ? 'prod' : 'dev',
      },
    };
    if (subnet?.public) instance.publicIp = `54.${index}.${Math.floor(i / 250)}.${i % 250}`;
    instances.push(instance);
    if (instance.state !== 'terminated')
      volumes.push({
        id: hexId('vol', base + i),
        type: rand() < 0.4 ? 'gp2' : 'gp3',
        sizeGiB: 8 + Math.floor(rand() * 200),
        encrypted: rand() < 0.8,
        attachedTo: instance.id,
        createTime: instance.launchTime,
        tags: {},
      });
  }
  for (let i = 0; i < per.detachedVolumes; i += 1)
    volumes.push({
      id: hexId('vol', base + 500_000 + i),
      type: 'gp2',
      sizeGiB: 100,
      encrypted: false,
      createTime: isoDay(100 + i),
      tags: { owner: TEAMS[i % TEAMS.length] ?? 'web' },
    });
  const natGateways = Array.from({ length: per.natGateways }, (_, i) => ({
    id: hexId('nat', base + i),
    vpcId: vpcs[i % vpcs.length]?.id ?? '',
    subnetId: subnets[i % subnets.length]?.id ?? '',
  }));
  const addresses = Array.from({ length: per.addresses }, (_, i) => {
    const address: RegionData['addresses'][number] = {
      publicIp: `3.${index}.0.${i + 1}`,
      allocationId: hexId('eipalloc', base + i),
    };
    const target = instances[i * 7];
    if (i % 2 === 0 && target) address.instanceId = target.id;
    return address;
  });
  const lbPrefix = `arn:aws:elasticloadbalancing:${region}:${account}`;
  const loadBalancers = Array.from({ length: per.loadBalancers }, (_, i) => ({
    arn: `${lbPrefix}:loadbalancer/app/web-${i}/${(base + i).toString(16).padStart(16, '0')}`,
    name: `web-${i}`,
    vpcId: vpcs[0]?.id ?? '',
    securityGroupId: securityGroups[1]?.id ?? '',
  }));
  const targetGroups = Array.from({ length: per.targetGroups }, (_, i) => {
    const group: TargetGroupData = {
      arn: `${lbPrefix}:targetgroup/tg-${i}/${(base + i).toString(16).padStart(16, '0')}`,
      name: `tg-${i}`,
      targets: Array.from({ length: per.targetsPerGroup }, (_, t) => ({
        id: instances[(i * per.targetsPerGroup + t) % Math.max(1, instances.length)]?.id ?? 'i-0',
        state: i === 0 ? 'unhealthy' : 'healthy',
      })),
    };
    const balancer = loadBalancers[i];
    if (balancer) group.loadBalancerArn = balancer.arn;
    return group;
  });
  const rdsPrefix = `arn:aws:rds:${region}:${account}`;
  const dbClusters = Array.from({ length: per.dbClusters }, (_, i) => ({
    id: `aurora-${i}`,
    arn: `${rdsPrefix}:cluster:aurora-${i}`,
    encrypted: i !== 0,
  }));
  const dbInstances = Array.from({ length: per.dbInstances }, (_, i) => {
    const db: DbInstanceData = {
      id: `db-${index}-${i}`,
      arn: `${rdsPrefix}:db:db-${index}-${i}`,
      public: i % 7 === 0,
      encrypted: i % 5 !== 0,
      backupDays: i % 6 === 0 ? 0 : 7,
    };
    const cluster = dbClusters[i];
    if (cluster) db.clusterId = cluster.id;
    return db;
  });
  const logPrefix = `arn:aws:logs:${region}:${account}:log-group:`;
  const logGroups = Array.from({ length: spread(shape.logGroups, regions, index) }, (_, i) => {
    const name = i % 3 === 0 ? `/aws/lambda/fn-${index}-${i}` : `/app/${TEAMS[i % TEAMS.length]}/svc-${i}`;
    const group: LogGroupData = {
      name,
      arn: `${logPrefix}${name}`,
      storedBytes: Math.floor(rand() * 5e10),
      creationTime: EPOCH + i * 3_600_000,
    };
    if (i % 4 !== 0) group.retentionInDays = [7, 14, 30, 90][i % 4] ?? 30;
    return group;
  });
  const ec2Prefix = `arn:aws:ec2:${region}:${account}`;
  const tagged = [
    ...instances
      .filter((instance) => instance.state !== 'terminated')
      .map((instance) => ({ arn: `${ec2Prefix}:instance/${instance.id}`, tags: instance.tags })),
    ...loadBalancers.map((balancer) => ({ arn: balancer.arn, tags: { owner: 'web' } })),
    ...dbInstances.map((db) => ({ arn: db.arn, tags: { owner: 'data' } })),
    ...logGroups.map((group) => ({ arn: group.arn, tags: { owner: 'platform' } })),
  ];
  return {
    region,
    instances,
    volumes,
    securityGroups,
    vpcs,
    subnets,
    natGateways,
    addresses,
    loadBalancers,
    targetGroups,
    dbInstances,
    dbClusters,
    logGroups,
    tagged,
  };
}

function emptyRegion(region: string): RegionData {
  return {
    region,
    instances: [],
    volumes: [],
    securityGroups: [],
    vpcs: [],
    subnets: [],
    natGateways: [],
    addresses: [],
    loadBalancers: [],
    targetGroups: [],
    dbInstances: [],
    dbClusters: [],
    logGroups: [],
    tagged: [],
  };
}

function allow(actions: string[], resource: string): PolicyJson {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] };
}

const SERVICE_ACTIONS = [
  ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
  ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
  ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  ['logs:CreateLogStream', 'logs:PutLogEvents'],
  ['kms:Decrypt', 'kms:GenerateDataKey'],
  ['ec2:Describe*'],
];

function generateIam(
  shape: AccountShape,
  rand: () => number,
): Pick<AccountData, 'roles' | 'users' | 'groups' | 'policies'> {
  const account = shape.accountId;
  const awsPolicies: ManagedPolicyData[] = Array.from({ length: shape.awsPolicies }, (_, i) => {
    const name = i === 0 ? 'AdministratorAccess' : i === 1 ? 'ReadOnlyAccess' : `AWSServicePolicy${i}`;
    return {
      name,
      id: `ANPAAWS${String(i).padStart(13, '0')}`,
      arn: `arn:aws:iam::aws:policy/${name}`,
      awsManaged: true,
      attachmentCount: 1,
      defaultVersionId: 'v1',
      document: i === 0 ? allow(['*'], '*') : allow(SERVICE_ACTIONS[i % SERVICE_ACTIONS.length] ?? [], '*'),
    };
  });
  const customerPolicies: ManagedPolicyData[] = Array.from({ length: shape.customerPolicies }, (_, i) => ({
    name: `app-policy-${i}`,
    id: `ANPACUST${String(i).padStart(12, '0')}`,
    arn: `arn:aws:iam::${account}:policy/app-policy-${i}`,
    awsManaged: false,
    attachmentCount: 1 + (i % 5),
    defaultVersionId: 'v2',
    document: allow(
      SERVICE_ACTIONS[i % SERVICE_ACTIONS.length] ?? [],
      i % 9 === 0 ? '*' : `arn:aws:s3:::bucket-${i}/*`,
    ),
  }));
  const managed = [...awsPolicies, ...customerPolicies];
  const roles: RoleData[] = Array.from({ length: shape.roles }, (_, i) => {
    const service = ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'][i % 3];
    const trust: PolicyJson = {
      Version: '2012-10-17',
      Statement: [
        i % 25 === 0
          ? {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::444455556666:root' },
              Action: 'sts:AssumeRole',
            }
          : { Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' },
      ],
    };
    const inline =
      i % 3 === 0
        ? [{ name: `inline-${i}`, document: allow(['s3:GetObject'], `arn:aws:s3:::data-${i}/*`) }]
        : [];
    const attached = [managed[(i * 7) % managed.length], managed[(i * 11 + 3) % managed.length]].flatMap(
      (policy) => (policy ? [{ name: policy.name, arn: policy.arn }] : []),
    );
    const role: RoleData = {
      name: `service-role-${i}`,
      id: `AROA${String(i).padStart(17, '0')}`,
      arn: `arn:aws:iam::${account}:role/service/service-role-${i}`,
      path: '/service/',
      createDate: isoDay(i % 700),
      trust,
      inline,
      attached: i % 50 === 0 ? [] : attached,
    };
    if (rand() < 0.8) role.lastUsed = isoDay(700 + (i % 30));
    return role;
  });
  const groups: GroupData[] = Array.from({ length: shape.groups }, (_, i) => ({
    name: `group-${i}`,
    id: `AGPA${String(i).padStart(17, '0')}`,
    arn: `arn:aws:iam::${account}:group/group-${i}`,
    inline: i === 0 ? [{ name: 'group-inline', document: allow(['iam:PassRole'], '*') }] : [],
    attached: [
      {
        name: awsPolicies[i % awsPolicies.length]?.name ?? '',
        arn: awsPolicies[i % awsPolicies.length]?.arn ?? '',
      },
    ],
  }));
  const users: UserData[] = Array.from({ length: shape.users }, (_, i) => ({
    name: `user-${i}`,
    id: `AIDA${String(i).padStart(17, '0')}`,
    arn: `arn:aws:iam::${account}:user/user-${i}`,
    createDate: isoDay(i * 5),
    groups: [groups[i % groups.length]?.name ?? ''],
    inline: i % 10 === 0 ? [{ name: 'user-inline', document: allow(['sqs:*'], '*') }] : [],
    attached:
      i % 5 === 0
        ? [
            {
              name: customerPolicies[i % customerPolicies.length]?.name ?? '',
              arn: customerPolicies[i % customerPolicies.length]?.arn ?? '',
            },
          ]
        : [],
    passwordEnabled: i % 2 === 0,
    mfa: i % 4 === 0,
    accessKeys:
      i % 3 === 0
        ? []
        : [
            {
              id: `AKIA${String(i).padStart(16, '0')}`,
              lastRotated: isoDay(i * 7),
              ...(i % 6 ? { lastUsed: isoDay(700) } : {}),
            },
          ],
  }));
  return { roles, users, groups, policies: managed };
}

function generateBuckets(shape: AccountShape, rand: () => number): BucketData[] {
  const regions = shape.populatedRegions;
  return Array.from({ length: shape.buckets }, (_, i) => {
    const name = `synthetic-${TEAMS[i % TEAMS.length]}-${String(i).padStart(4, '0')}`;
    const bucket: BucketData = {
      name,
      // Interleaved, so the buckets of every region come up all through the (name-ordered) listing.
      region: regions[i % regions.length] ?? 'us-east-1',
      creationDate: `${isoDay(i).slice(0, 19)}.000Z`,
      policyIsPublic: i % 40 === 0,
      publicRead: i % 60 === 0,
      lifecycle: i % 3 === 0,
      tags: { owner: TEAMS[i % TEAMS.length] ?? 'web' },
    };
    if (i % 4 !== 0) bucket.publicAccessBlock = [true, true, true, true];
    if (i % 5 === 0)
      bucket.policy = {
        Version: '2012-10-17',
        Statement: [
          bucket.policyIsPublic
            ? { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }
            : {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
        ],
      };
    if (i % 2 === 0) bucket.ownership = 'BucketOwnerEnforced';
    if (rand() < 0.9) bucket.encryption = i % 7 === 0 ? 'aws:kms' : 'AES256';
    if (i % 3 !== 2) bucket.versioning = 'Enabled';
    if (i % 8 === 0) bucket.loggingTarget = 'synthetic-logs-0000';
    return bucket;
  });
}

/** Builds the whole account from its shape. Deterministic. */
export function generateAccount(shape: AccountShape = DEFAULT_SHAPE): AccountData {
  const rand = random(20260115);
  const regions = new Map<string, RegionData>();
  shape.enabledRegions.forEach((region) => {
    const index = shape.populatedRegions.indexOf(region);
    regions.set(region, index < 0 ? emptyRegion(region) : generateRegion(shape, region, index, rand));
  });
  return { shape, regions, ...generateIam(shape, rand), buckets: generateBuckets(shape, rand) };
}
