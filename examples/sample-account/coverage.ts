/**
 * What the recorded scan could and could not read, and the calls it made: every operation of every collector
 * in every scope, 'ok' but for two gaps (CloudWatch Logs denied by an SCP in us-west-2, the tagging API
 * throttled past its retries in eu-west-1), with call counts that follow from the resources found.
 */
import type { CoverageEntry, Inventory, OperationCallStats, ScanService } from '../../core/index.ts';
import { ACCOUNT, REGIONS } from './ids.ts';

/** Per-bucket reads, as the S3 collector records them. */
const BUCKET_OPERATIONS = [
  'GetPublicAccessBlock',
  'GetBucketPolicyStatus',
  'GetBucketPolicy',
  'GetBucketAcl',
  'GetBucketOwnershipControls',
  'GetBucketEncryption',
  'GetBucketVersioning',
  'GetBucketLifecycleConfiguration',
  'GetBucketLogging',
];

/** Coverage service to the SDK client name the call counter uses. */
const CLIENT: Record<ScanService, string> = {
  iam: 'IAM',
  s3: 'S3',
  ec2: 'EC2',
  elbv2: 'ElasticLoadBalancingV2',
  rds: 'RDS',
  logs: 'CloudWatchLogs',
  cloudwatch: 'CloudWatch',
  tagging: 'ResourceGroupsTaggingAPI',
  ce: 'CostExplorer',
};

const ORDER: readonly ScanService[] = [
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

const SCP_DENIAL =
  `AccessDeniedException: User: arn:aws:sts::${ACCOUNT}:assumed-role/axiom-readonly/axiom-scan-0.1.0 is not ` +
  `authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:us-west-2:${ACCOUNT}:log-group::log-stream: ` +
  'with an explicit deny in a service control policy';

/** The coverage and call statistics of the sample scan, for an account holding `accounts[0]`. */
export function sampleCoverage(inventory: Pick<Inventory, 'accounts'>): {
  coverage: CoverageEntry[];
  byOperation: Record<string, OperationCallStats>;
} {
  const account = inventory.accounts[0];
  if (!account) throw new Error('the sample has one account');
  const coverage: CoverageEntry[] = [];
  const calls = new Map<string, OperationCallStats>([['STS:AssumeRole', { calls: 1, attempts: 1 }]]);
  const call = (service: ScanService, operation: string, count = 1, attempts = count): void => {
    const client = operation === 'GetAccountPublicAccessBlock' ? 'S3Control' : CLIENT[service];
    const name = `${client}:${operation === 'GetAccountPublicAccessBlock' ? 'GetPublicAccessBlock' : operation}`;
    const stats = calls.get(name) ?? { calls: 0, attempts: 0 };
    calls.set(name, { calls: stats.calls + count, attempts: stats.attempts + attempts });
  };
  const cover = (region: string, service: ScanService, operation: string, detail?: string): void => {
    const status = detail === undefined ? 'ok' : detail.startsWith('AccessDenied') ? 'denied' : 'error';
    coverage.push({
      accountId: ACCOUNT,
      region,
      service,
      operation,
      status,
      ...(detail === undefined ? {} : { detail }),
    });
  };

  for (const operation of [
    'GetAccountAuthorizationDetails',
    'GenerateCredentialReport',
    'GetCredentialReport',
    'GetAccountPasswordPolicy',
    'GetAccountSummary',
  ]) {
    cover('global', 'iam', operation);
    call('iam', operation);
  }
  const buckets = account.s3?.buckets?.length ?? 0;
  cover('global', 's3', 'ListBuckets');
  call('s3', 'ListBuckets');
  cover('global', 's3', 'GetAccountPublicAccessBlock');
  call('s3', 'GetAccountPublicAccessBlock');
  for (const operation of BUCKET_OPERATIONS) {
    cover('global', 's3', operation);
    call('s3', operation, buckets);
  }
  cover('global', 'ce', 'GetCostAndUsage');
  call('ce', 'GetCostAndUsage');

  for (const region of REGIONS) {
    const slot = account.regional[region];
    for (const operation of [
      'DescribeInstances',
      'DescribeVolumes',
      'DescribeSecurityGroups',
      'DescribeVpcs',
      'DescribeSubnets',
      'DescribeNatGateways',
      'DescribeAddresses',
      'GetEbsEncryptionByDefault',
    ]) {
      cover(region, 'ec2', operation);
      call('ec2', operation);
    }
    for (const operation of ['DescribeLoadBalancers', 'DescribeTargetGroups']) {
      cover(region, 'elbv2', operation);
      call('elbv2', operation);
    }
    // One health call per target group; none at all in a region without target groups.
    const groups = slot?.elbv2?.targetGroups?.length ?? 0;
    if (groups > 0) {
      cover(region, 'elbv2', 'DescribeTargetHealth');
      call('elbv2', 'DescribeTargetHealth', groups);
    }
    for (const operation of ['DescribeDBInstances', 'DescribeDBClusters']) {
      cover(region, 'rds', operation);
      call('rds', operation);
    }
    cover(region, 'logs', 'DescribeLogGroups', region === 'us-west-2' ? SCP_DENIAL : undefined);
    call('logs', 'DescribeLogGroups');
    cover(region, 'cloudwatch', 'GetMetricData');
    call('cloudwatch', 'GetMetricData');
    if (region === 'eu-west-1') {
      cover(region, 'tagging', 'GetResources', 'ThrottlingException: Rate exceeded');
      call('tagging', 'GetResources', 1, 5);
    } else {
      cover(region, 'tagging', 'GetResources');
      call('tagging', 'GetResources');
    }
  }

  const scope = (entry: CoverageEntry): string => (entry.region === 'global' ? '' : entry.region);
  coverage.sort(
    (a, b) =>
      scope(a).localeCompare(scope(b)) ||
      ORDER.indexOf(a.service) - ORDER.indexOf(b.service) ||
      (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0),
  );
  const byOperation = Object.fromEntries([...calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { coverage, byOperation };
}
