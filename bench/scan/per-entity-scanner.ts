/**
 * The benchmark's yardstick: a scanner that reads the same account the way common open-source scanners do, one
 * call per entity. IAM through ListRoles/ListUsers/ListGroups/ListPolicies then GetRole, ListAttachedRolePolicies,
 * ListRolePolicies and GetRolePolicy per role (and the like per user, group and policy); 14 reads per S3 bucket
 * (GetBucketLocation first, then 13 configuration reads in the bucket's region); describe calls with small pages
 * (100); one GetMetricStatistics call per resource and metric; ListTagsForResource per database. It uses plain SDK
 * clients (Axiom's read-only guard would refuse GetRole and friends) with adaptive retries, up to `concurrency`
 * entities in flight per fan-out, and no client-side rate limit, and goes through the same fake AWS.
 */
import { CloudWatchClient, GetMetricStatisticsCommand, type Statistic } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeAddressesCommand,
  DescribeRegionsCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetGroupPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  paginateListGroups,
  paginateListPolicies,
  paginateListRoles,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import {
  ListTagsForResourceCommand,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { type CallCounter, callCounting } from '../../core/aws/call-counter.ts';
import { createClient } from '../../core/aws/client-factory.ts';
import { mapConcurrent } from '../../core/scan/collectors/support/map-concurrent.ts';

/** How the per-entity scan runs. */
export interface PerEntityOptions {
  /** The fake AWS. */
  endpoint: string;
  /** The account (for the account-level S3 read). */
  accountId: string;
  /** Counts logical calls and HTTP attempts, like Axiom's. */
  counter: CallCounter;
  /** Entities in flight per fan-out (per region and service, and for IAM and S3). */
  concurrency: number;
  /** Attempts per call, retries included (adaptive mode). */
  maxAttempts: number;
}

/** What it read, to check it did the same work, and what failed. */
export interface PerEntityResult {
  /** Items read, by kind. */
  items: Record<string, number>;
  /** Calls that failed after their retries (not counting S3's "not configured" answers), by error code. */
  failures: Record<string, number>;
}

/** EC2 describe page size: the small page many scanners use. */
const PAGE = 100;
/** The window and period Axiom's metrics use: 14 daily datapoints. */
const DAYS = 14;

/** The metric series per resource kind (the same series Axiom's GetMetricData batches ask for). */
const METRICS: Record<string, [string, string, string, Statistic][]> = {
  instance: [
    ['AWS/EC2', 'InstanceId', 'CPUUtilization', 'Average'],
    ['AWS/EC2', 'InstanceId', 'NetworkIn', 'Sum'],
    ['AWS/EC2', 'InstanceId', 'NetworkOut', 'Sum'],
  ],
  natGateway: [['AWS/NATGateway', 'NatGatewayId', 'BytesOutToDestination', 'Sum']],
  loadBalancer: [['AWS/ApplicationELB', 'LoadBalancer', 'RequestCount', 'Sum']],
  dbInstance: [['AWS/RDS', 'DBInstanceIdentifier', 'DatabaseConnections', 'Maximum']],
  volume: [
    ['AWS/EBS', 'VolumeId', 'VolumeReadOps', 'Sum'],
    ['AWS/EBS', 'VolumeId', 'VolumeWriteOps', 'Sum'],
  ],
};

/** S3's answers for a setting a bucket does not have: values, not failures. */
const NOT_CONFIGURED = new Set([
  'NoSuchPublicAccessBlockConfiguration',
  'NoSuchBucketPolicy',
  'OwnershipControlsNotFoundError',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchLifecycleConfiguration',
  'NoSuchTagSet',
  'NoSuchWebsiteConfiguration',
  'NoSuchCORSConfiguration',
  'ReplicationConfigurationNotFoundError',
]);

interface Sendable {
  send(command: never): Promise<unknown>;
  middlewareStack: { use(pluggable: unknown): void };
  destroy(): void;
}

/** Runs the per-entity scan over every enabled region; never throws for AWS errors (it counts them). */
export async function runPerEntityScan(options: PerEntityOptions): Promise<PerEntityResult> {
  const items: Record<string, number> = {};
  const failures: Record<string, number> = {};
  const clients: Sendable[] = [];
  const add = (kind: string, count = 1) => {
    items[kind] = (items[kind] ?? 0) + count;
  };

  function client<C>(Class: new (config: Record<string, unknown>) => C, region: string): C {
    const built = new Class({
      region,
      endpoint: options.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIABENCHBASELINE000', secretAccessKey: 'bench' },
      retryMode: 'adaptive',
      maxAttempts: options.maxAttempts,
    });
    const sendable = built as unknown as Sendable;
    sendable.middlewareStack.use(callCounting(options.counter));
    clients.push(sendable);
    return built;
  }

  /** Runs one call; a failure is counted (S3 "not configured" is a value) and yields undefined. */
  async function call<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      const code = (error as { name?: string }).name ?? 'Error';
      if (!NOT_CONFIGURED.has(code)) failures[code] = (failures[code] ?? 0) + 1;
      return undefined;
    }
  }

  async function drain<P>(pages: AsyncIterable<P>, each: (page: P) => void): Promise<void> {
    await call(async () => {
      for await (const page of pages) each(page);
    });
  }

  const each = <T>(list: readonly T[], run: (item: T) => Promise<unknown>) =>
    mapConcurrent(list, options.concurrency, run);

  async function scanIam(): Promise<void> {
    const iam = client(IAMClient, 'us-east-1');
    const roles: string[] = [];
    const users: string[] = [];
    const groups: string[] = [];
    const policies: { arn: string; version: string }[] = [];
    await Promise.all([
      drain(paginateListRoles({ client: iam }, {}), (page) =>
        roles.push(...(page.Roles ?? []).map((role) => role.RoleName ?? '')),
      ),
      drain(paginateListUsers({ client: iam }, {}), (page) =>
        users.push(...(page.Users ?? []).map((user) => user.UserName ?? '')),
      ),
      drain(paginateListGroups({ client: iam }, {}), (page) =>
        groups.push(...(page.Groups ?? []).map((group) => group.GroupName ?? '')),
      ),
      drain(paginateListPolicies({ client: iam }, { Scope: 'Local' }), (page) =>
        policies.push(
          ...(page.Policies ?? []).map((policy) => ({
            arn: policy.Arn ?? '',
            version: policy.DefaultVersionId ?? 'v1',
          })),
        ),
      ),
      drain(paginateListPolicies({ client: iam }, { Scope: 'AWS', OnlyAttached: true }), (page) =>
        policies.push(
          ...(page.Policies ?? []).map((policy) => ({
            arn: policy.Arn ?? '',
            version: policy.DefaultVersionId ?? 'v1',
          })),
        ),
      ),
      call(async () => {
        await iam.send(new GenerateCredentialReportCommand({}));
        await iam.send(new GetCredentialReportCommand({}));
      }),
      call(() => iam.send(new GetAccountPasswordPolicyCommand({}))),
      call(() => iam.send(new GetAccountSummaryCommand({}))),
    ]);
    add('iam roles', roles.length);
    add('iam users', users.length);
    add('iam groups', groups.length);
    add('iam managed policies', policies.length);
    await Promise.all([
      each(roles, async (RoleName) => {
        await call(() => iam.send(new GetRoleCommand({ RoleName })));
        await call(() => iam.send(new ListAttachedRolePoliciesCommand({ RoleName })));
        const inline = await call(() => iam.send(new ListRolePoliciesCommand({ RoleName })));
        for (const PolicyName of inline?.PolicyNames ?? []) {
          await call(() => iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })));
          add('iam inline policies');
        }
      }),
      each(users, async (UserName) => {
        await call(() => iam.send(new ListAttachedUserPoliciesCommand({ UserName })));
        const inline = await call(() => iam.send(new ListUserPoliciesCommand({ UserName })));
        for (const PolicyName of inline?.PolicyNames ?? []) {
          await call(() => iam.send(new GetUserPolicyCommand({ UserName, PolicyName })));
          add('iam inline policies');
        }
        await call(() => iam.send(new ListGroupsForUserCommand({ UserName })));
        await call(() => iam.send(new ListAccessKeysCommand({ UserName })));
        await call(() => iam.send(new ListMFADevicesCommand({ UserName })));
      }),
      each(groups, async (GroupName) => {
        await call(() => iam.send(new ListAttachedGroupPoliciesCommand({ GroupName })));
        const inline = await call(() => iam.send(new ListGroupPoliciesCommand({ GroupName })));
        for (const PolicyName of inline?.PolicyNames ?? []) {
          await call(() => iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName })));
          add('iam inline policies');
        }
      }),
      each(policies, (policy) =>
        call(() =>
          iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.arn, VersionId: policy.version })),
        ),
      ),
    ]);
  }

  async function scanS3(): Promise<void> {
    const home = client(S3Client, 'us-east-1');
    const control = createClient(S3ControlClient, {
      region: 'us-east-1',
      endpoint: options.endpoint,
      credentials: { accessKeyId: 'AKIABENCHBASELINE000', secretAccessKey: 'bench' },
      maxAttempts: options.maxAttempts,
      callCounter: options.counter,
    });
    clients.push(control as unknown as Sendable);
    const regional = new Map<string, S3Client>();
    const [list] = await Promise.all([
      call(() => home.send(new ListBucketsCommand({}))),
      call(() => control.send(new GetAccountPublicAccessBlockCommand({ AccountId: options.accountId }))),
    ]);
    const buckets = (list?.Buckets ?? []).map((bucket) => bucket.Name ?? '');
    add('s3 buckets', buckets.length);
    await each(buckets, async (Bucket) => {
      const location = await call(() => home.send(new GetBucketLocationCommand({ Bucket })));
      const region = location?.LocationConstraint || 'us-east-1';
      let s3 = regional.get(region);
      if (!s3) {
        s3 = client(S3Client, region);
        regional.set(region, s3);
      }
      const reads = [
        new GetBucketAclCommand({ Bucket }),
        new GetBucketPolicyCommand({ Bucket }),
        new GetBucketPolicyStatusCommand({ Bucket }),
        new GetPublicAccessBlockCommand({ Bucket }),
        new GetBucketOwnershipControlsCommand({ Bucket }),
        new GetBucketEncryptionCommand({ Bucket }),
        new GetBucketVersioningCommand({ Bucket }),
        new GetBucketLifecycleConfigurationCommand({ Bucket }),
        new GetBucketLoggingCommand({ Bucket }),
        new GetBucketTaggingCommand({ Bucket }),
        new GetBucketWebsiteCommand({ Bucket }),
        new GetBucketCorsCommand({ Bucket }),
        new GetBucketReplicationCommand({ Bucket }),
      ];
      const regionalClient = s3 as unknown as Sendable;
      for (const command of reads) await call(() => regionalClient.send(command as never));
    });
  }

  async function scanRegion(region: string): Promise<void> {
    const ec2 = client(EC2Client, region);
    const elb = client(ElasticLoadBalancingV2Client, region);
    const rds = client(RDSClient, region);
    const logs = client(CloudWatchLogsClient, region);
    const cloudwatch = client(CloudWatchClient, region);
    const series: { kind: string; id: string }[] = [];
    const targetGroups: string[] = [];
    const databases: string[] = [];
    await Promise.all([
      drain(paginateDescribeInstances({ client: ec2 }, { MaxResults: PAGE }), (page) => {
        for (const reservation of page.Reservations ?? [])
          for (const instance of reservation.Instances ?? []) {
            add('ec2 instances');
            if (instance.State?.Name !== 'terminated')
              series.push({ kind: 'instance', id: instance.InstanceId ?? '' });
          }
      }),
      drain(paginateDescribeVolumes({ client: ec2 }, { MaxResults: PAGE }), (page) => {
        for (const volume of page.Volumes ?? []) {
          add('ec2 volumes');
          series.push({ kind: 'volume', id: volume.VolumeId ?? '' });
        }
      }),
      drain(paginateDescribeSecurityGroups({ client: ec2 }, { MaxResults: PAGE }), (page) =>
        add('ec2 security groups', page.SecurityGroups?.length ?? 0),
      ),
      drain(paginateDescribeVpcs({ client: ec2 }, { MaxResults: PAGE }), (page) =>
        add('ec2 vpcs', page.Vpcs?.length ?? 0),
      ),
      drain(paginateDescribeSubnets({ client: ec2 }, { MaxResults: PAGE }), (page) =>
        add('ec2 subnets', page.Subnets?.length ?? 0),
      ),
      drain(paginateDescribeNatGateways({ client: ec2 }, { MaxResults: PAGE }), (page) => {
        for (const gateway of page.NatGateways ?? [])
          series.push({ kind: 'natGateway', id: gateway.NatGatewayId ?? '' });
      }),
      call(() => ec2.send(new DescribeAddressesCommand({}))),
      call(() => ec2.send(new GetEbsEncryptionByDefaultCommand({}))),
      drain(paginateDescribeLoadBalancers({ client: elb }, {}), (page) => {
        for (const balancer of page.LoadBalancers ?? []) {
          const dimension = (balancer.LoadBalancerArn ?? '').split(':loadbalancer/')[1];
          if (dimension) series.push({ kind: 'loadBalancer', id: dimension });
        }
      }),
      drain(paginateDescribeTargetGroups({ client: elb }, {}), (page) =>
        targetGroups.push(...(page.TargetGroups ?? []).map((group) => group.TargetGroupArn ?? '')),
      ),
      drain(paginateDescribeDBInstances({ client: rds }, {}), (page) => {
        for (const db of page.DBInstances ?? []) {
          databases.push(db.DBInstanceArn ?? '');
          series.push({ kind: 'dbInstance', id: db.DBInstanceIdentifier ?? '' });
        }
      }),
      drain(paginateDescribeDBClusters({ client: rds }, {}), () => {}),
      drain(paginateDescribeLogGroups({ client: logs }, {}), (page) =>
        add('log groups', page.logGroups?.length ?? 0),
      ),
    ]);
    const end = new Date(Date.UTC(2026, 0, 15));
    const start = new Date(end.getTime() - DAYS * 86_400_000);
    await Promise.all([
      each(targetGroups, (TargetGroupArn) =>
        call(() => elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }))),
      ),
      each(databases, (ResourceName) =>
        call(() => rds.send(new ListTagsForResourceCommand({ ResourceName }))),
      ),
      each(
        series.flatMap((resource) =>
          (METRICS[resource.kind] ?? []).map((metric) => ({ id: resource.id, metric })),
        ),
        async ({ id, metric: [Namespace, name, MetricName, statistic] }) => {
          const output = await call(() =>
            cloudwatch.send(
              new GetMetricStatisticsCommand({
                Namespace,
                MetricName,
                Dimensions: [{ Name: name, Value: id }],
                StartTime: start,
                EndTime: end,
                Period: 86_400,
                Statistics: [statistic],
              }),
            ),
          );
          if (output) add('metric series');
        },
      ),
    ]);
  }

  try {
    const ec2 = client(EC2Client, 'us-east-1');
    const listed = await call(() => ec2.send(new DescribeRegionsCommand({})));
    const regions = (listed?.Regions ?? []).flatMap((region) =>
      region.RegionName ? [region.RegionName] : [],
    );
    await Promise.all([scanIam(), scanS3(), ...regions.map(scanRegion)]);
  } finally {
    for (const built of clients) built.destroy();
  }
  return { items, failures };
}
