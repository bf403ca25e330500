/**
 * The fewest calls a scan of the synthetic account can make, as a plan: for every operation the collectors need,
 * in every scope, how many calls (the largest page AWS allows, at least one call to learn a list is empty), how
 * many of them form a chain (each page needs the previous page's token) and how many round trips must come first
 * (the region list, the lists a later call reads). The minimum is the plan's total; the lower bound on wall time is
 * computed from it (lower-bound.ts).
 */
import type { AccountCounts } from './account-counts.ts';

/** One operation in one scope. */
export interface CallGroup {
  /** SDK client name without `Client`, e.g. 'EC2'. */
  service: string;
  /** Operation, e.g. 'DescribeInstances'. */
  operation: string;
  /** The region the calls go to (us-east-1 for IAM and the S3 bucket list). */
  region: string;
  /** Calls. */
  calls: number;
  /** Calls that must go one after another (pages). */
  chain: number;
  /** Round trips that must finish before the first call can go. */
  after: number;
  /** Server token buckets the calls spread over evenly (S3 throttles per bucket); 1 otherwise. */
  spreadOver: number;
}

/** AWS's largest page per paginated operation. */
export const MAX_PAGE: Readonly<Record<string, number>> = {
  DescribeInstances: 1000,
  DescribeVolumes: 500,
  DescribeSecurityGroups: 1000,
  DescribeVpcs: 1000,
  DescribeSubnets: 1000,
  DescribeNatGateways: 1000,
  DescribeLoadBalancers: 400,
  DescribeTargetGroups: 400,
  DescribeDBInstances: 100,
  DescribeDBClusters: 100,
  DescribeLogGroups: 50,
  GetResources: 100,
  GetAccountAuthorizationDetails: 1000,
  ListBuckets: 10_000,
  GetMetricData: 500,
};

/** The per-bucket reads the rules need (public access block, policy status, policy, ACL, ownership, ...). */
export const BUCKET_READS = [
  'GetPublicAccessBlock',
  'GetBucketPolicyStatus',
  'GetBucketPolicy',
  'GetBucketAcl',
  'GetBucketOwnershipControls',
  'GetBucketEncryption',
  'GetBucketVersioning',
  'GetBucketLifecycleConfiguration',
  'GetBucketLogging',
] as const;

/** The formula, for the report. */
export const MINIMUM_FORMULA: readonly string[] = [
  '1 DescribeRegions',
  '+ per region and list operation: max(1, ceil(items / largest page))  [EC2 instances 1000, volumes 500, SGs/VPCs/',
  '  subnets/NAT 1000; ELBv2 400; RDS 100; log groups 50; tagged resources 100]',
  '+ per region: DescribeAddresses + GetEbsEncryptionByDefault (1 each, not paginated)',
  '+ per region: 1 DescribeTargetHealth per target group (no batch API)',
  '+ per region: ceil(metric series / 500) GetMetricData  [series: 3 per live instance, 2 per volume, 1 per NAT',
  '  gateway, ALB and DB instance; 14 daily points each fit one page]',
  '+ IAM: ceil((users + groups + roles + managed policies) / 1000) GetAccountAuthorizationDetails',
  '  + GenerateCredentialReport + GetCredentialReport + GetAccountPasswordPolicy + GetAccountSummary',
  '+ S3: ceil(buckets / 10000) ListBuckets (regions included) + 9 reads x buckets + 1 account Block Public Access',
];

function pages(items: number, operation: string): number {
  return Math.max(1, Math.ceil(items / (MAX_PAGE[operation] ?? 1)));
}

/** The minimal plan for an account. */
export function minimalPlan(counts: AccountCounts): CallGroup[] {
  const plan: CallGroup[] = [];
  const add = (group: Omit<CallGroup, 'spreadOver'> & { spreadOver?: number }) => {
    if (group.calls > 0) plan.push({ spreadOver: 1, ...group });
  };
  const home = 'us-east-1';
  add({ service: 'EC2', operation: 'DescribeRegions', region: home, calls: 1, chain: 1, after: 0 });
  for (const r of counts.regions) {
    const region = r.region;
    const list = (service: string, operation: string, items: number) => {
      const n = pages(items, operation);
      add({ service, operation, region, calls: n, chain: n, after: 1 });
      return n;
    };
    const instancePages = list('EC2', 'DescribeInstances', r.instances);
    const volumePages = list('EC2', 'DescribeVolumes', r.volumes);
    list('EC2', 'DescribeSecurityGroups', r.securityGroups);
    list('EC2', 'DescribeVpcs', r.vpcs);
    list('EC2', 'DescribeSubnets', r.subnets);
    const natPages = list('EC2', 'DescribeNatGateways', r.natGateways);
    add({ service: 'EC2', operation: 'DescribeAddresses', region, calls: 1, chain: 1, after: 1 });
    add({ service: 'EC2', operation: 'GetEbsEncryptionByDefault', region, calls: 1, chain: 1, after: 1 });
    const balancerPages = list('ElasticLoadBalancingV2', 'DescribeLoadBalancers', r.loadBalancers);
    const groupPages = list('ElasticLoadBalancingV2', 'DescribeTargetGroups', r.targetGroups);
    add({
      service: 'ElasticLoadBalancingV2',
      operation: 'DescribeTargetHealth',
      region,
      calls: r.targetGroups,
      chain: 1,
      after: 1 + groupPages,
    });
    const dbPages = list('RDS', 'DescribeDBInstances', r.dbInstances);
    list('RDS', 'DescribeDBClusters', r.dbClusters);
    list('CloudWatchLogs', 'DescribeLogGroups', r.logGroups);
    list('ResourceGroupsTaggingAPI', 'GetResources', r.tagged);
    add({
      service: 'CloudWatch',
      operation: 'GetMetricData',
      region,
      calls: Math.ceil(r.metricQueries / (MAX_PAGE.GetMetricData ?? 500)),
      chain: 1,
      after: 1 + Math.max(instancePages, volumePages, natPages, balancerPages, dbPages),
    });
  }
  const iamItems = counts.users + counts.groups + counts.roles + counts.managedPolicies;
  const iamPages = pages(iamItems, 'GetAccountAuthorizationDetails');
  add({
    service: 'IAM',
    operation: 'GetAccountAuthorizationDetails',
    region: home,
    calls: iamPages,
    chain: iamPages,
    after: 0,
  });
  add({ service: 'IAM', operation: 'GenerateCredentialReport', region: home, calls: 1, chain: 1, after: 0 });
  add({ service: 'IAM', operation: 'GetCredentialReport', region: home, calls: 1, chain: 1, after: 1 });
  add({ service: 'IAM', operation: 'GetAccountPasswordPolicy', region: home, calls: 1, chain: 1, after: 0 });
  add({ service: 'IAM', operation: 'GetAccountSummary', region: home, calls: 1, chain: 1, after: 0 });
  const listPages = pages(counts.buckets, 'ListBuckets');
  add({
    service: 'S3',
    operation: 'ListBuckets',
    region: home,
    calls: listPages,
    chain: listPages,
    after: 0,
  });
  add({
    service: 'S3Control',
    operation: 'GetPublicAccessBlock',
    region: home,
    calls: 1,
    chain: 1,
    after: 0,
  });
  for (const r of counts.regions)
    for (const operation of BUCKET_READS)
      add({
        service: 'S3',
        operation,
        region: r.region,
        calls: r.buckets,
        chain: 1,
        after: listPages,
        spreadOver: r.buckets,
      });
  return plan;
}

/**
 * The per-entity scanner's calls (per-entity-scanner.ts) as a plan, for its own lower bound: EC2 pages of 100, IAM
 * lists of 100 then one call per entity, 14 reads per bucket, one GetMetricStatistics per series. Calls that could
 * all go at once (the per-entity reads) are counted as such: the bound is what the strategy allows, not what the
 * scanner's concurrency makes of it.
 */
export function perEntityPlan(counts: AccountCounts): CallGroup[] {
  const plan: CallGroup[] = [];
  const add = (group: Omit<CallGroup, 'spreadOver'> & { spreadOver?: number }) => {
    if (group.calls > 0) plan.push({ spreadOver: 1, ...group });
  };
  const home = 'us-east-1';
  const pagesOf = (items: number, size: number) => Math.max(1, Math.ceil(items / size));
  add({ service: 'EC2', operation: 'DescribeRegions', region: home, calls: 1, chain: 1, after: 0 });
  for (const r of counts.regions) {
    const region = r.region;
    const list = (service: string, operation: string, items: number, size: number) => {
      const n = pagesOf(items, size);
      add({ service, operation, region, calls: n, chain: n, after: 1 });
      return n;
    };
    const describes = Math.max(
      list('EC2', 'DescribeInstances', r.instances, 100),
      list('EC2', 'DescribeVolumes', r.volumes, 100),
      list('EC2', 'DescribeNatGateways', r.natGateways, 100),
      list('ElasticLoadBalancingV2', 'DescribeLoadBalancers', r.loadBalancers, 400),
      list('RDS', 'DescribeDBInstances', r.dbInstances, 100),
    );
    list('EC2', 'DescribeSecurityGroups', r.securityGroups, 100);
    list('EC2', 'DescribeVpcs', r.vpcs, 100);
    list('EC2', 'DescribeSubnets', r.subnets, 100);
    add({ service: 'EC2', operation: 'DescribeAddresses', region, calls: 1, chain: 1, after: 1 });
    add({ service: 'EC2', operation: 'GetEbsEncryptionByDefault', region, calls: 1, chain: 1, after: 1 });
    const groupPages = list('ElasticLoadBalancingV2', 'DescribeTargetGroups', r.targetGroups, 400);
    add({
      service: 'ElasticLoadBalancingV2',
      operation: 'DescribeTargetHealth',
      region,
      calls: r.targetGroups,
      chain: 1,
      after: 1 + groupPages,
    });
    list('RDS', 'DescribeDBClusters', r.dbClusters, 100);
    add({
      service: 'RDS',
      operation: 'ListTagsForResource',
      region,
      calls: r.dbInstances,
      chain: 1,
      after: 2,
    });
    list('CloudWatchLogs', 'DescribeLogGroups', r.logGroups, 50);
    add({
      service: 'CloudWatch',
      operation: 'GetMetricStatistics',
      region,
      calls: r.metricSeries,
      chain: 1,
      after: 1 + describes,
    });
  }
  const iam = (operation: string, calls: number, after: number, chain = 1) =>
    add({ service: 'IAM', operation, region: home, calls, chain, after });
  iam('ListRoles', pagesOf(counts.roles, 100), 0, pagesOf(counts.roles, 100));
  for (const operation of ['GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies'])
    iam(operation, counts.roles, 1);
  iam('GetRolePolicy', counts.roleInlinePolicies, 2);
  iam('ListUsers', pagesOf(counts.users, 100), 0, pagesOf(counts.users, 100));
  for (const operation of [
    'ListAttachedUserPolicies',
    'ListUserPolicies',
    'ListGroupsForUser',
    'ListAccessKeys',
    'ListMFADevices',
  ])
    iam(operation, counts.users, 1);
  iam('GetUserPolicy', counts.userInlinePolicies, 2);
  iam('ListGroups', pagesOf(counts.groups, 100), 0, pagesOf(counts.groups, 100));
  for (const operation of ['ListAttachedGroupPolicies', 'ListGroupPolicies'])
    iam(operation, counts.groups, 1);
  iam('GetGroupPolicy', counts.groupInlinePolicies, 2);
  iam('ListPolicies', pagesOf(counts.customerPolicies, 100) + pagesOf(counts.awsPolicies, 100), 0);
  iam('GetPolicyVersion', counts.managedPolicies, 1);
  iam('GenerateCredentialReport', 1, 0);
  iam('GetCredentialReport', 1, 1);
  iam('GetAccountPasswordPolicy', 1, 0);
  iam('GetAccountSummary', 1, 0);
  add({ service: 'S3', operation: 'ListBuckets', region: home, calls: 1, chain: 1, after: 0 });
  add({
    service: 'S3Control',
    operation: 'GetPublicAccessBlock',
    region: home,
    calls: 1,
    chain: 1,
    after: 0,
  });
  add({
    service: 'S3',
    operation: 'GetBucketLocation',
    region: home,
    calls: counts.buckets,
    chain: 1,
    after: 1,
    spreadOver: counts.buckets,
  });
  for (const r of counts.regions)
    for (const operation of [
      ...BUCKET_READS,
      'GetBucketTagging',
      'GetBucketWebsite',
      'GetBucketCors',
      'GetBucketReplication',
    ])
      add({
        service: 'S3',
        operation,
        region: r.region,
        calls: r.buckets,
        chain: 1,
        after: 2,
        spreadOver: r.buckets,
      });
  return plan;
}

/** Calls per 'Service:Operation' in a plan. */
export function callsByOperation(plan: readonly CallGroup[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const group of plan) {
    const name = `${group.service}:${group.operation}`;
    totals[name] = (totals[name] ?? 0) + group.calls;
  }
  return totals;
}
