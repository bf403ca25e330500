import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CostExplorerClient, GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { type ClientSettings, createClient } from '../aws/client-factory.ts';
import type { SdkClientName } from './permissions.ts';

/** What a probe needs: client settings for the probed account and its id. */
export interface ProbeContext {
  /** Settings for regional clients (region = the first selected region). */
  settings: ClientSettings;
  /** The account id the role belongs to. */
  accountId: string;
  /** The clock, for Cost Explorer and CloudWatch time windows. */
  now: Date;
}

/** One cheap read per service: the seeds' "one Get/List call per granted service". */
export interface ServiceProbe {
  /** The SDK client probed. */
  client: SdkClientName;
  /** The catalogue action the probe exercises. */
  action: string;
  /** Whether the probe costs money (Cost Explorer bills each request) and so runs only when asked. */
  billed?: boolean;
  /**
   * True when it reads account settings rather than listing resources: its count is never zero in a real account
   * (IAM's summary always lists every quota), so it says nothing about whether the account is empty.
   */
  accountSettings?: boolean;
  /** Runs the read; returns how many items it saw (for "no permission vs no resources"). */
  run(context: ProbeContext): Promise<number>;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The probes, one per service in the permission catalogue except STS (checked first, separately). */
export const SERVICE_PROBES: readonly ServiceProbe[] = [
  {
    client: 'EC2',
    action: 'ec2:DescribeInstances',
    async run({ settings }) {
      const out = await createClient(EC2Client, settings).send(
        new DescribeInstancesCommand({ MaxResults: 5 }),
      );
      return (out.Reservations ?? []).reduce(
        (sum, reservation) => sum + (reservation.Instances?.length ?? 0),
        0,
      );
    },
  },
  {
    client: 'ElasticLoadBalancingV2',
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    async run({ settings }) {
      const client = createClient(ElasticLoadBalancingV2Client, settings);
      const out = await client.send(new DescribeLoadBalancersCommand({ PageSize: 1 }));
      return out.LoadBalancers?.length ?? 0;
    },
  },
  {
    client: 'S3',
    action: 's3:ListAllMyBuckets',
    async run({ settings }) {
      const out = await createClient(S3Client, settings).send(new ListBucketsCommand({ MaxBuckets: 1 }));
      return out.Buckets?.length ?? 0;
    },
  },
  {
    client: 'S3Control',
    action: 's3:GetAccountPublicAccessBlock',
    accountSettings: true,
    async run({ settings, accountId }) {
      const client = createClient(S3ControlClient, settings);
      try {
        await client.send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
        return 1;
      } catch (error) {
        // No account-level block configured is a successful read with nothing in it.
        if ((error as { name?: unknown }).name === 'NoSuchPublicAccessBlockConfiguration') return 0;
        throw error;
      }
    },
  },
  {
    client: 'RDS',
    action: 'rds:DescribeDBInstances',
    async run({ settings }) {
      const out = await createClient(RDSClient, settings).send(
        new DescribeDBInstancesCommand({ MaxRecords: 20 }),
      );
      return out.DBInstances?.length ?? 0;
    },
  },
  {
    client: 'IAM',
    action: 'iam:GetAccountSummary',
    accountSettings: true,
    async run({ settings }) {
      const out = await createClient(IAMClient, settings).send(new GetAccountSummaryCommand({}));
      return Object.keys(out.SummaryMap ?? {}).length;
    },
  },
  {
    client: 'CloudWatch',
    action: 'cloudwatch:GetMetricData',
    async run({ settings, now }) {
      const out = await createClient(CloudWatchClient, settings).send(
        new GetMetricDataCommand({
          StartTime: new Date(now.getTime() - 3_600_000),
          EndTime: now,
          MetricDataQueries: [
            {
              Id: 'probe',
              MetricStat: {
                Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' },
                Period: 3600,
                Stat: 'Average',
              },
            },
          ],
        }),
      );
      return out.MetricDataResults?.[0]?.Values?.length ?? 0;
    },
  },
  {
    client: 'CloudWatchLogs',
    action: 'logs:DescribeLogGroups',
    async run({ settings }) {
      const out = await createClient(CloudWatchLogsClient, settings).send(
        new DescribeLogGroupsCommand({ limit: 1 }),
      );
      return out.logGroups?.length ?? 0;
    },
  },
  {
    client: 'CostExplorer',
    action: 'ce:GetCostAndUsage',
    billed: true,
    async run({ settings, now }) {
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      // Cost Explorer is served from us-east-1 only.
      const client = createClient(CostExplorerClient, { ...settings, region: 'us-east-1' });
      const out = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: isoDay(start), End: isoDay(end) },
          Granularity: 'MONTHLY',
          Metrics: ['UnblendedCost'],
        }),
      );
      return out.ResultsByTime?.length ?? 0;
    },
  },
  {
    client: 'ResourceGroupsTaggingAPI',
    action: 'tag:GetResources',
    async run({ settings }) {
      const client = createClient(ResourceGroupsTaggingAPIClient, settings);
      const out = await client.send(new GetResourcesCommand({ ResourcesPerPage: 1 }));
      return out.ResourceTagMappingList?.length ?? 0;
    },
  },
];
