/**
 * What the benchmark knows of the synthetic account: items per region and list operation, buckets, IAM entities.
 * The fake AWS computes them from the account it serves and sends them to the benchmark, which derives the minimum
 * number of calls and the lower bound on wall time from them (call-plan.ts, lower-bound.ts).
 */
import type { AccountData } from './synthetic-account.ts';

/** Items per region and list operation: what the minimum-call formula and the lower bound are computed from. */
export interface RegionCounts {
  region: string;
  instances: number;
  volumes: number;
  securityGroups: number;
  vpcs: number;
  subnets: number;
  natGateways: number;
  loadBalancers: number;
  targetGroups: number;
  dbInstances: number;
  dbClusters: number;
  logGroups: number;
  tagged: number;
  /** CloudWatch series the collectors ask for (see metricQueries): the GetMetricData batching input. */
  metricQueries: number;
  /** Series a per-entity scanner asks GetMetricStatistics for, one call each (the same series). */
  metricSeries: number;
  /** Buckets in this region. */
  buckets: number;
}

/** The counts the benchmark needs, sent by the fake AWS to the benchmark process. */
export interface AccountCounts {
  accountId: string;
  enabledRegions: string[];
  regions: RegionCounts[];
  buckets: number;
  roles: number;
  users: number;
  groups: number;
  /** Managed policies GetAccountAuthorizationDetails lists (customer managed + attached AWS managed). */
  managedPolicies: number;
  customerPolicies: number;
  awsPolicies: number;
  /** Inline policies of roles, users and groups (a per-entity scanner reads each one). */
  roleInlinePolicies: number;
  userInlinePolicies: number;
  groupInlinePolicies: number;
}

/** The counts of an account. */
export function countAccount(account: AccountData): AccountCounts {
  const regions = [...account.regions.values()].map((data): RegionCounts => {
    const live = data.instances.filter((instance) => instance.state !== 'terminated').length;
    const queries =
      live * 3 +
      data.natGateways.length +
      data.loadBalancers.length +
      data.dbInstances.length +
      data.volumes.length * 2;
    return {
      region: data.region,
      instances: data.instances.length,
      volumes: data.volumes.length,
      securityGroups: data.securityGroups.length,
      vpcs: data.vpcs.length,
      subnets: data.subnets.length,
      natGateways: data.natGateways.length,
      loadBalancers: data.loadBalancers.length,
      targetGroups: data.targetGroups.length,
      dbInstances: data.dbInstances.length,
      dbClusters: data.dbClusters.length,
      logGroups: data.logGroups.length,
      tagged: data.tagged.length,
      metricQueries: queries,
      metricSeries: queries,
      buckets: account.buckets.filter((bucket) => bucket.region === data.region).length,
    };
  });
  const inline = (list: readonly { inline: readonly unknown[] }[]) =>
    list.reduce((sum, item) => sum + item.inline.length, 0);
  return {
    accountId: account.shape.accountId,
    enabledRegions: [...account.shape.enabledRegions],
    regions,
    buckets: account.buckets.length,
    roles: account.roles.length,
    users: account.users.length,
    groups: account.groups.length,
    managedPolicies: account.policies.length,
    customerPolicies: account.policies.filter((policy) => !policy.awsManaged).length,
    awsPolicies: account.policies.filter((policy) => policy.awsManaged).length,
    roleInlinePolicies: inline(account.roles),
    userInlinePolicies: inline(account.users),
    groupInlinePolicies: inline(account.groups),
  };
}
