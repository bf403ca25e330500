import {
  type LoadBalancer as AwsLoadBalancer,
  type TargetGroup as AwsTargetGroup,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { classifyAwsError } from '../../aws/aws-error.ts';
import type { Collector, CollectorContext } from '../collector.ts';
import type { Elbv2RegionInventory, LoadBalancer, TargetGroup } from '../inventory.ts';
import { allPages } from './support/all-pages.ts';
import { isoTime } from './support/iso-time.ts';
import { mapConcurrent } from './support/map-concurrent.ts';
import { optionalFields } from './support/optional-fields.ts';

/** The largest page ELBv2 allows (PageSize): the fewest calls per region. */
const PAGE_SIZE = 400;
/** Target health is one call per target group; this many in flight keeps a big region quick but polite. */
const HEALTH_CONCURRENCY = 8;

function toLoadBalancer(raw: AwsLoadBalancer): LoadBalancer {
  return {
    loadBalancerArn: raw.LoadBalancerArn ?? '',
    loadBalancerName: raw.LoadBalancerName ?? '',
    type: raw.Type ?? 'application',
    scheme: raw.Scheme ?? 'internet-facing',
    securityGroupIds: [...(raw.SecurityGroups ?? [])],
    ...optionalFields({ state: raw.State?.Code, createdTime: isoTime(raw.CreatedTime), vpcId: raw.VpcId }),
  };
}

function toTargetGroup(raw: AwsTargetGroup): TargetGroup {
  return {
    targetGroupArn: raw.TargetGroupArn ?? '',
    targetGroupName: raw.TargetGroupName ?? '',
    loadBalancerArns: [...(raw.LoadBalancerArns ?? [])],
  };
}

/**
 * Counts one target group's targets by health state (`{}` when it has none). Undefined when the group vanished
 * between listing and this call: that is churn, not a coverage gap.
 */
async function targetHealth(
  client: ElasticLoadBalancingV2Client,
  targetGroupArn: string,
  signal: AbortSignal,
): Promise<Record<string, number> | undefined> {
  try {
    const output = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), {
      abortSignal: signal,
    });
    const counts: Record<string, number> = {};
    for (const description of output.TargetHealthDescriptions ?? []) {
      const state = description.TargetHealth?.State ?? 'unknown';
      counts[state] = (counts[state] ?? 0) + 1;
    }
    return counts;
  } catch (error) {
    if (classifyAwsError(error).kind === 'not-found') return undefined;
    throw error;
  }
}

async function collectElbv2(context: CollectorContext, elbv2: Elbv2RegionInventory): Promise<void> {
  const client = context.client(ElasticLoadBalancingV2Client);
  const send = { abortSignal: context.signal };
  const pager = { client, stopOnSameToken: true };
  const [loadBalancers, targetGroups] = await Promise.all([
    context.attempt('DescribeLoadBalancers', () =>
      allPages(
        paginateDescribeLoadBalancers(pager, { PageSize: PAGE_SIZE }, send),
        (page) => page.LoadBalancers,
      ),
    ),
    context.attempt('DescribeTargetGroups', () =>
      allPages(
        paginateDescribeTargetGroups(pager, { PageSize: PAGE_SIZE }, send),
        (page) => page.TargetGroups,
      ),
    ),
  ]);
  if (loadBalancers) elbv2.loadBalancers = loadBalancers.map(toLoadBalancer);
  if (!targetGroups) return;
  const groups = targetGroups.map(toTargetGroup);
  elbv2.targetGroups = groups;
  // No target groups, no health to ask for: an empty region stays at one call per listing.
  if (groups.length === 0) return;
  // One coverage entry for the region's health checks: a denial stops them all and leaves every count absent.
  const health = await context.attempt('DescribeTargetHealth', () =>
    mapConcurrent(groups, HEALTH_CONCURRENCY, (group) =>
      targetHealth(client, group.targetGroupArn, context.signal),
    ),
  );
  if (!health) return;
  groups.forEach((group, index) => {
    const counts = health[index];
    if (counts) group.targetHealth = counts;
  });
}

/**
 * ELBv2 in one region: load balancers, target groups, and each target group's targets counted by health state
 * (the only per-resource call, and skipped when there are no target groups).
 */
export const elbv2Collector: Collector = {
  service: 'elbv2',
  scope: 'regional',
  operations: [
    { client: 'ElasticLoadBalancingV2', operation: 'DescribeLoadBalancers' },
    { client: 'ElasticLoadBalancingV2', operation: 'DescribeTargetGroups' },
    { client: 'ElasticLoadBalancingV2', operation: 'DescribeTargetHealth' },
  ],
  async collect(context, target) {
    target.regional.elbv2 ??= {};
    await collectElbv2(context, target.regional.elbv2);
  },
};
