/**
 * How AWS throttles the APIs the benchmark calls, as token buckets the fake AWS enforces (answering each service's
 * real throttling error when a bucket is empty) and the benchmark's lower bound is computed from. Figures are AWS's
 * published defaults where AWS publishes them; `source` says which, and which are assumptions.
 */

/** One kind of token bucket. */
export interface AwsThrottle {
  /** Tokens added per second. */
  perSecond: number;
  /** Bucket size. */
  burst: number;
  /** What one bucket covers: the account, the account in one region, or one S3 bucket. */
  scope: 'account' | 'region' | 'bucket';
  /** One bucket per API operation, or one shared by the whole service. */
  perOperation: boolean;
  /** Where the figure comes from. */
  source: string;
}

/** By service ('EC2') or operation ('CloudWatch:GetMetricData'), the operation's entry winning. */
export const AWS_THROTTLES: Readonly<Record<string, AwsThrottle>> = {
  EC2: {
    perSecond: 20,
    burst: 100,
    scope: 'region',
    perOperation: true,
    source:
      'EC2 API request throttling: non-mutating actions, bucket 100, refill 20/s, per API, account and region',
  },
  ElasticLoadBalancingV2: {
    perSecond: 10,
    burst: 40,
    scope: 'region',
    perOperation: false,
    source: 'ELB API request throttling: Describe* bucket 40, refill 10/s per account and region',
  },
  RDS: {
    perSecond: 12,
    burst: 300,
    scope: 'region',
    perOperation: false,
    source: 'RDS API request throttling: 300 in a burst, 12/s sustained per account and region',
  },
  IAM: {
    perSecond: 20,
    burst: 40,
    scope: 'account',
    perOperation: true,
    source:
      'not published: AWS says IAM keeps token buckets per API and account, not adjustable; 20/s (burst 40) assumed',
  },
  S3: {
    perSecond: 5500,
    burst: 5500,
    scope: 'bucket',
    perOperation: false,
    source: 'S3 performance guidelines: 5,500 GET/HEAD per second per prefix (per bucket here)',
  },
  S3Control: {
    perSecond: 10,
    burst: 20,
    scope: 'account',
    perOperation: false,
    source: 'not published; 10/s assumed (one call per scan)',
  },
  'CloudWatch:GetMetricData': {
    perSecond: 50,
    burst: 50,
    scope: 'region',
    perOperation: true,
    source: 'CloudWatch quota: GetMetricData 50 TPS per account and region',
  },
  'CloudWatch:GetMetricStatistics': {
    perSecond: 400,
    burst: 400,
    scope: 'region',
    perOperation: true,
    source: 'CloudWatch quota: GetMetricStatistics 400 TPS per account and region',
  },
  CloudWatchLogs: {
    perSecond: 10,
    burst: 10,
    scope: 'region',
    perOperation: true,
    source: 'CloudWatch Logs quota: DescribeLogGroups 10 TPS per account and region',
  },
  ResourceGroupsTaggingAPI: {
    perSecond: 10,
    burst: 20,
    scope: 'region',
    perOperation: true,
    source: 'not published; 10/s (burst 20) assumed',
  },
};

/** The throttle of `service`:`operation`. */
export function throttleOf(service: string, operation: string): AwsThrottle {
  const throttle = AWS_THROTTLES[`${service}:${operation}`] ?? AWS_THROTTLES[service];
  if (throttle === undefined) throw new Error(`bench: no AWS throttle modelled for ${service}:${operation}`);
  return throttle;
}

/** The name of the bucket a call draws from. */
export function throttleKey(service: string, operation: string, region: string, bucket?: string): string {
  const throttle = throttleOf(service, operation);
  const scope =
    throttle.scope === 'account' ? '*' : throttle.scope === 'bucket' ? `bucket/${bucket ?? '*'}` : region;
  const api = throttle.perOperation ? operation : '*';
  const group = AWS_THROTTLES[`${service}:${operation}`] ? `${service}:${operation}` : service;
  return `${group}/${scope}/${api}`;
}
