/**
 * A small, dated on-demand price table for cost estimates. Figures are AWS list prices for us-east-1 as
 * published on the date below; other regions apply a multiplier. Every saving computed from it is labelled an
 * estimate: it ignores discounts, Savings Plans, Reserved Instances and free tiers.
 */

/** When the prices were taken from AWS's public price pages. */
export const PRICES_AS_OF = '2026-11-01';

/** Hours in an average month (AWS's own convention: 730). */
export const HOURS_PER_MONTH = 730;

/** us-east-1 list prices. */
export const BASE_PRICES = {
  /** EBS, USD per GiB-month, by volume type. */
  ebsPerGiBMonth: {
    gp2: 0.1,
    gp3: 0.08,
    io1: 0.125,
    io2: 0.125,
    st1: 0.045,
    sc1: 0.015,
    standard: 0.05,
  } as Record<string, number>,
  /** A public IPv4 address (Elastic IP), in use or idle, USD per hour. */
  publicIpv4PerHour: 0.005,
  /** NAT gateway, USD per hour (data processing excluded). */
  natGatewayPerHour: 0.045,
  /** Application / network load balancer, USD per hour (LCU charges excluded). */
  loadBalancerPerHour: { application: 0.0225, network: 0.0225, gateway: 0.0125 } as Record<string, number>,
  /** Linux on-demand EC2, USD per hour, for common types; unknown types fall back to the size heuristic. */
  ec2PerHour: {
    't3.micro': 0.0104,
    't3.small': 0.0208,
    't3.medium': 0.0416,
    't3.large': 0.0832,
    't3.xlarge': 0.1664,
    'm5.large': 0.096,
    'm5.xlarge': 0.192,
    'm5.2xlarge': 0.384,
    'm6i.large': 0.096,
    'm6i.xlarge': 0.192,
    'm7i.large': 0.1008,
    'c5.large': 0.085,
    'c5.xlarge': 0.17,
    'c6i.large': 0.085,
    'r5.large': 0.126,
    'r5.xlarge': 0.252,
    'r6i.large': 0.126,
  } as Record<string, number>,
  /** Single-AZ RDS (MySQL/PostgreSQL) on-demand, USD per hour, for common classes. */
  rdsPerHour: {
    'db.t3.micro': 0.017,
    'db.t3.small': 0.034,
    'db.t3.medium': 0.068,
    'db.t3.large': 0.136,
    'db.m5.large': 0.171,
    'db.m5.xlarge': 0.342,
    'db.m6g.large': 0.152,
    'db.r5.large': 0.25,
    'db.r6g.large': 0.215,
  } as Record<string, number>,
};

/** Price multiplier relative to us-east-1 (rounded; AWS's regional list prices differ by service, this is an estimate). */
const REGION_MULTIPLIER: Record<string, number> = {
  'us-east-1': 1,
  'us-east-2': 1,
  'us-west-2': 1,
  'us-west-1': 1.12,
  'ca-central-1': 1.08,
  'eu-west-1': 1.08,
  'eu-west-2': 1.12,
  'eu-west-3': 1.12,
  'eu-central-1': 1.14,
  'eu-north-1': 1.04,
  'ap-southeast-1': 1.2,
  'ap-southeast-2': 1.2,
  'ap-northeast-1': 1.22,
  'ap-northeast-2': 1.18,
  'ap-south-1': 1.05,
  'sa-east-1': 1.5,
};

/** The multiplier for `region` (1.15 for regions not in the table: a cautious middle). */
export function regionMultiplier(region: string): number {
  return REGION_MULTIPLIER[region] ?? 1.15;
}

/** Monthly cost in `region` of something priced per hour in us-east-1. */
export function monthlyFromHourly(hourlyUsEast1: number, region: string): number {
  return hourlyUsEast1 * HOURS_PER_MONTH * regionMultiplier(region);
}

/** Hourly us-east-1 price of an instance type, or undefined when the table does not know it. */
export function ec2HourlyPrice(instanceType: string): number | undefined {
  return BASE_PRICES.ec2PerHour[instanceType];
}

/** Hourly us-east-1 price of a DB instance class, or undefined when the table does not know it. */
export function rdsHourlyPrice(instanceClass: string): number | undefined {
  return BASE_PRICES.rdsPerHour[instanceClass];
}

/** Monthly cost of `sizeGiB` of EBS `volumeType` in `region`. */
export function ebsMonthlyCost(volumeType: string, sizeGiB: number, region: string): number {
  const perGiB = BASE_PRICES.ebsPerGiBMonth[volumeType] ?? BASE_PRICES.ebsPerGiBMonth.gp3 ?? 0.08;
  return perGiB * sizeGiB * regionMultiplier(region);
}

/**
 * EBS provisioned performance, us-east-1 list prices, USD per month (source: the Amazon EBS pricing page,
 * https://aws.amazon.com/ebs/pricing/, US East (N. Virginia), same date as PRICES_AS_OF). Added for the EC2
 * volume rules: an idle io1/io2 volume or a gp3 volume with extra IOPS costs more than its storage.
 */
export const EBS_PERFORMANCE_PRICES = {
  /** gp3: IOPS included in the storage price. */
  gp3IncludedIops: 3000,
  /** gp3: throughput (MiB/s) included in the storage price. */
  gp3IncludedThroughputMiBps: 125,
  /** gp3: each provisioned IOPS above the included 3,000, per month. */
  gp3PerIopsMonth: 0.005,
  /** gp3: each provisioned MiB/s above the included 125, per month. */
  gp3PerThroughputMiBpsMonth: 0.04,
  /** io1: each provisioned IOPS, per month. */
  io1PerIopsMonth: 0.065,
  /** io2: provisioned IOPS are tiered; each tier's price applies to the IOPS up to its `upTo` (inclusive). */
  io2IopsTiers: [
    { upTo: 32_000, perIopsMonth: 0.065 },
    { upTo: 64_000, perIopsMonth: 0.0455 },
    { upTo: Number.POSITIVE_INFINITY, perIopsMonth: 0.03185 },
  ] as readonly { upTo: number; perIopsMonth: number }[],
};

/**
 * CloudWatch Logs, us-east-1 list prices (source: the Amazon CloudWatch pricing page,
 * https://aws.amazon.com/cloudwatch/pricing/, "Logs" tab, US East (N. Virginia), same date as PRICES_AS_OF).
 * Added for the log retention rule. Storage ("Store (Archival)") is billed on the compressed size per GB-month;
 * the rule counts a GB as 2^30 bytes of `storedBytes`, which keeps the figure on the low side.
 */
export const LOGS_PRICES = {
  /** Log storage (archival), USD per GB-month, both log classes. */
  storagePerGBMonth: 0.03,
};
