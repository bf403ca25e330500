import type { LoadBalancer, MetricsRegionInventory, TargetGroup } from '../../scan/inventory.ts';
import { regionalScope } from '../ec2/support-scope.ts';
import { BASE_PRICES, monthlyFromHourly } from '../prices.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { monthlyEstimate } from '../support/estimate.ts';
import { dailySeries, existedForLastDays, lastNDates, lastNDays, valueOrZero } from '../support/metrics.ts';
import { loadBalancerMetricId } from './support-metric-id.ts';

/** Trusted Advisor's idle load balancer test: fewer than 100 requests a day on each of the last 7 days. */
const QUIET_DAYS = 7;
const MIN_DAILY_REQUESTS = 100;
const DAY_MS = 86_400_000;

/**
 * The daily request-like counter per load balancer type: ALBs count requests; NLBs have no request count, so
 * new flows stand in for it; gateway load balancers have neither and are judged on target health alone.
 */
const REQUEST_METRIC: Readonly<Record<string, { metric: string; noun: string }>> = {
  application: { metric: 'RequestCount:Sum', noun: 'requests' },
  network: { metric: 'NewFlowCount:Sum', noun: 'new flows' },
};

/** What the request counter says about the last 7 days, or undefined when it was not measured. */
function requestTraffic(metrics: MetricsRegionInventory | undefined, balancer: LoadBalancer) {
  const counter = REQUEST_METRIC[balancer.type];
  const id = loadBalancerMetricId(balancer.loadBalancerArn);
  if (!counter || !metrics || !id) return undefined;
  const series =
    dailySeries(metrics, id, counter.metric) ??
    dailySeries(metrics, balancer.loadBalancerArn, counter.metric);
  if (!series) return undefined;
  // ELB publishes request metrics only while requests flow, so a day without a datapoint had none.
  const days = lastNDays(series, QUIET_DAYS).map(valueOrZero);
  const dates = lastNDates(metrics, days.length);
  return {
    ...counter,
    daily: days.map((count, index) => ({ date: dates[index], count })),
    max: Math.max(0, ...days),
    quiet: days.length >= QUIET_DAYS && days.every((count) => count < MIN_DAILY_REQUESTS),
  };
}

/** Target health across the balancer's target groups; `known` is false when any group's health is missing. */
function targetHealth(groups: readonly TargetGroup[]) {
  const states: Record<string, number> = {};
  let known = true;
  for (const group of groups) {
    if (!group.targetHealth) {
      known = false;
      continue;
    }
    for (const [state, count] of Object.entries(group.targetHealth))
      states[state] = (states[state] ?? 0) + count;
  }
  return { known, states, healthy: states.healthy ?? 0 };
}

/**
 * A load balancer that is idle by Trusted Advisor's criteria: no healthy targets, or fewer than 100 requests
 * (new flows for an NLB) a day for the last 7 days. Two cases are spared: an ALB with no target groups that is
 * not shown quiet (redirect and fixed-response listeners need no targets), and one whose only non-healthy
 * targets are 'unavailable' (a Lambda target group with health checks off reports that). Balancers younger
 * than 7 days are skipped.
 */
export const loadBalancerIdle = {
  id: 'aws.elbv2.load-balancer-idle',
  service: 'elbv2',
  category: 'cost',
  severity: 'low',
  title: 'Load balancer idle',
  rationale:
    'A load balancer is billed every hour it exists. One with nothing healthy behind it, or with almost no ' +
    "traffic for a week, serves no one (Trusted Advisor's Idle Load Balancers criteria).",
  remediation:
    'Check its DNS name is no longer referenced (Route 53 records, CNAMEs, clients), then delete it: `aws elbv2 ' +
    'delete-load-balancer --load-balancer-arn <arn>` (turn off deletion protection first if set) and delete its ' +
    "target groups. If it should be serving, fix the targets' health checks instead.",
  scope: 'regional',
  requires: [
    { service: 'elbv2', operation: 'DescribeLoadBalancers' },
    { service: 'elbv2', operation: 'DescribeTargetGroups' },
    { service: 'elbv2', operation: 'DescribeTargetHealth' },
    { service: 'cloudwatch', operation: 'GetMetricData' },
  ],
  evaluate(scope, context) {
    const regional = regionalScope(scope);
    const elbv2 = regional?.inventory.elbv2;
    if (!regional || !elbv2?.loadBalancers || !elbv2.targetGroups) return [];
    const metrics = regional.inventory.metrics;
    const graceStart = context.now.getTime() - QUIET_DAYS * DAY_MS;
    const hits: RuleHit[] = [];
    for (const balancer of elbv2.loadBalancers) {
      if (balancer.state !== undefined && balancer.state !== 'active' && balancer.state !== 'active_impaired')
        continue;
      if (balancer.createdTime !== undefined && Date.parse(balancer.createdTime) > graceStart) continue;
      if (metrics && !existedForLastDays(metrics, balancer.createdTime, QUIET_DAYS)) continue;
      const groups = elbv2.targetGroups.filter((group) =>
        group.loadBalancerArns.includes(balancer.loadBalancerArn),
      );
      const health = targetHealth(groups);
      const traffic = requestTraffic(metrics, balancer);
      const reasons: string[] = [];
      if (traffic?.quiet)
        reasons.push(
          `it had fewer than ${MIN_DAILY_REQUESTS} ${traffic.noun} on each of the last ${QUIET_DAYS} days (at most ${traffic.max})`,
        );
      if (groups.length === 0) {
        // Only an ALB answers without targets (redirect and fixed-response actions): spare one not shown quiet.
        const mayServeWithoutTargets = balancer.type === 'application' && !traffic?.quiet;
        if (!mayServeWithoutTargets) reasons.push('it has no target groups');
      } else if (health.known && health.healthy === 0 && (health.states.unavailable ?? 0) === 0) {
        const states = Object.entries(health.states).map(([state, count]) => `${count} ${state}`);
        reasons.push(
          `none of its ${groups.length} target group${groups.length === 1 ? '' : 's'} has a healthy target ` +
            `(${states.length > 0 ? states.join(', ') : 'no targets registered'})`,
        );
      }
      if (reasons.length === 0) continue;
      const hourly =
        BASE_PRICES.loadBalancerPerHour[balancer.type] ??
        BASE_PRICES.loadBalancerPerHour.application ??
        0.0225;
      const monthly = monthlyFromHourly(hourly, regional.region);
      hits.push({
        resource: {
          type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          id: balancer.loadBalancerName,
          arn: balancer.loadBalancerArn,
        },
        message:
          `Load balancer ${balancer.loadBalancerName} (${balancer.type}, ${balancer.scheme}) looks idle: ` +
          `${reasons.join('; ')}. Its hourly charge is ${monthlyEstimate(monthly)}, capacity units excluded.`,
        evidence: {
          loadBalancerArn: balancer.loadBalancerArn,
          type: balancer.type,
          scheme: balancer.scheme,
          state: balancer.state,
          createdTime: balancer.createdTime,
          targetGroups: groups.map((group) => ({
            targetGroupName: group.targetGroupName,
            targetHealth: group.targetHealth,
          })),
          ...(traffic ? { requestMetric: traffic.metric, dailyRequests: traffic.daily } : {}),
        },
        estimatedMonthlySavingsUsd: monthly,
      });
    }
    return hits;
  },
} satisfies Rule;
