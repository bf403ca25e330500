/**
 * The scan's request rates, in one table: a token bucket per account, region (or account alone, for APIs AWS
 * throttles account-wide) and API family. AWS throttles with token buckets of its own, and the customer's
 * automation draws from the same buckets, so Axiom stays well under them: a throttled customer deployment is
 * worse than a slower scan. Every figure can be overridden per scan.
 */
import { AxiomError } from '../errors.ts';

/** A group of operations AWS throttles together; Axiom keeps one bucket per family and scope. */
export type ApiFamily =
  | 'ec2'
  | 'elbv2'
  | 'rds'
  | 'iam'
  | 's3'
  | 's3-control'
  | 'cloudwatch'
  | 'logs'
  | 'ce'
  | 'tagging'
  | 'sts'
  | 'other';

/** One token bucket's shape. */
export interface RateLimit {
  /** Tokens added per second: the sustained call rate. */
  perSecond: number;
  /** Bucket size: calls that may go at once after a quiet spell. */
  burst: number;
  /** 'region': one bucket per account and region; 'account': one per account (global APIs). */
  scope: 'region' | 'account';
}

/** Overrides for some families, some fields. */
export type RateLimitOverrides = Partial<Record<ApiFamily, Partial<RateLimit>>>;

/** The defaults, each well under what AWS allows. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ApiFamily, RateLimit>> = {
  // AWS refills EC2's bucket of non-mutating actions (Describe*) at 20/s per account and region (100 burst).
  ec2: { perSecond: 10, burst: 20, scope: 'region' },
  // AWS: Describe* bucket of 40, refilled at 10/s per account and region; Axiom takes half of each. A burst of 20
  // covers a region's list pages plus one DescribeTargetHealth per target group for a few dozen groups, which at
  // burst 10 waited out a rate-limited tail at the end of every populated region (bench:scan).
  elbv2: { perSecond: 5, burst: 20, scope: 'region' },
  rds: { perSecond: 5, burst: 10, scope: 'region' },
  // IAM is one global endpoint per account, with lower limits than the regional services.
  iam: { perSecond: 5, burst: 10, scope: 'account' },
  // Bucket-level GETs: S3 throttles per bucket prefix (5,500 GETs/s each) and a scan reads each bucket 9 times (at
  // most 9 calls in flight per bucket), so this cap is politeness, not protection. At 50/s it was the whole scan
  // time (bench:scan, 300 buckets: 2,700 reads, 17 s of a 17 s scan); at 500/s per region (burst 500) a region
  // holding 100 buckets (900 reads) still had to wait 0.8 s for tokens, which stretched the S3 unit, the scan's
  // longest, to the end of the scan. 1,000/s per region is under a fifth of what one bucket accepts.
  s3: { perSecond: 1000, burst: 1000, scope: 'region' },
  's3-control': { perSecond: 5, burst: 5, scope: 'region' },
  // GetMetricData: AWS allows 50/s per account and region; each call carries up to 500 queries.
  cloudwatch: { perSecond: 10, burst: 10, scope: 'region' },
  // DescribeLogGroups: AWS allows 10/s per account and region.
  logs: { perSecond: 5, burst: 5, scope: 'region' },
  // Cost Explorer has one endpoint and bills every request: never more than one a second.
  ce: { perSecond: 1, burst: 1, scope: 'account' },
  // GetResources: AWS publishes no figure (bench:scan assumes 10/s, burst 20). Its pages of 100 are read one after
  // another, so the burst is what a region's chain of pages meets: 10 covers 1,000 tagged resources per region
  // without waiting, where burst 5 added a second-long tail per populated region.
  tagging: { perSecond: 5, burst: 10, scope: 'region' },
  sts: { perSecond: 5, burst: 5, scope: 'region' },
  other: { perSecond: 5, burst: 5, scope: 'region' },
};

/** SDK client name (without `Client`) to the family its operations belong to. */
const FAMILY_OF_CLIENT: Readonly<Record<string, ApiFamily>> = {
  EC2: 'ec2',
  ElasticLoadBalancingV2: 'elbv2',
  RDS: 'rds',
  IAM: 'iam',
  S3: 's3',
  S3Control: 's3-control',
  CloudWatch: 'cloudwatch',
  CloudWatchLogs: 'logs',
  CostExplorer: 'ce',
  ResourceGroupsTaggingAPI: 'tagging',
  STS: 'sts',
};

/** The family of an operation named as the client factory names it, e.g. 'EC2:DescribeInstances' -> 'ec2'. */
export function apiFamilyOf(operation: string): ApiFamily {
  const client = operation.slice(0, operation.indexOf(':'));
  return FAMILY_OF_CLIENT[client] ?? 'other';
}

/** The defaults with `overrides` applied; throws an AxiomError for a rate or burst that is not positive. */
export function resolveRateLimits(overrides: RateLimitOverrides = {}): Record<ApiFamily, RateLimit> {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const [family, override] of Object.entries(overrides) as [ApiFamily, Partial<RateLimit>][]) {
    const base = DEFAULT_RATE_LIMITS[family];
    if (base === undefined)
      throw new AxiomError(
        'invalid_rate_limit',
        `Could not set the rate limit of '${family}': no such API family.`,
        {
          hint: `Use one of ${Object.keys(DEFAULT_RATE_LIMITS).join(', ')}.`,
        },
      );
    const limit = { ...base, ...override };
    if (
      !(limit.perSecond > 0 && Number.isFinite(limit.perSecond)) ||
      !(limit.burst >= 1 && Number.isFinite(limit.burst))
    )
      throw new AxiomError(
        'invalid_rate_limit',
        `Could not set the rate limit of '${family}': perSecond must be above 0 and burst at least 1 (got ${limit.perSecond}/s, burst ${limit.burst}).`,
        { hint: 'Fix the rate limit override.' },
      );
    limits[family] = limit;
  }
  return limits;
}
