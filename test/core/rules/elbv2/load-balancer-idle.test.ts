import { describe, expect, it } from 'vitest';
import { loadBalancerIdle } from '../../../../core/rules/elbv2/load-balancer-idle.ts';
import { loadBalancerMetricId } from '../../../../core/rules/elbv2/support-metric-id.ts';
import type { LoadBalancer, TargetGroup } from '../../../../core/scan/inventory.ts';
import { inventoryFor, TEST_ACCOUNT, testRule } from '../../../helpers/rule-harness.ts';
import { denied, flat, metrics, steps } from '../ec2/fixtures.ts';

const ARN_PREFIX = `arn:aws:elasticloadbalancing:us-east-1:${TEST_ACCOUNT}`;

function balancer(
  kind: 'app' | 'net' | 'gwy',
  name: string,
  overrides: Partial<LoadBalancer> = {},
): LoadBalancer {
  const type = { app: 'application', net: 'network', gwy: 'gateway' }[kind];
  return {
    loadBalancerArn: `${ARN_PREFIX}:loadbalancer/${kind}/${name}/50dc6c495c0c9188`,
    loadBalancerName: name,
    type,
    scheme: 'internet-facing',
    state: 'active',
    createdTime: '2025-04-10T10:00:00.000Z',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    securityGroupIds: kind === 'app' ? ['sg-0d00000000000web1'] : [],
    ...overrides,
  };
}

function targetGroup(name: string, lb: LoadBalancer, targetHealth?: Record<string, number>): TargetGroup {
  return {
    targetGroupArn: `${ARN_PREFIX}:targetgroup/${name}/73e2d6bc24d8a067`,
    targetGroupName: name,
    loadBalancerArns: [lb.loadBalancerArn],
    ...(targetHealth ? { targetHealth } : {}),
  };
}

/** The metrics key of a balancer (its CloudWatch LoadBalancer dimension). */
function key(lb: LoadBalancer): string {
  return loadBalancerMetricId(lb.loadBalancerArn) ?? lb.loadBalancerArn;
}

const REQUESTS = 'RequestCount:Sum';

const quiet = balancer('app', 'old-campaign');
const unhealthy = balancer('app', 'broken-api');
const busy = balancer('app', 'storefront');
const redirect = balancer('app', 'http-to-https');
const emptyNlb = balancer('net', 'mqtt-ingest');
const lambdaAlb = balancer('app', 'lambda-api');
const young = balancer('app', 'launching-soon', { createdTime: '2026-11-21T10:00:00.000Z' });
const unknownHealth = balancer('app', 'half-known');
const unmeasuredRedirect = balancer('app', 'unmeasured-redirect');

testRule(loadBalancerIdle, [
  {
    name: 'under 100 requests on each of the last 7 days, though busy before: idle',
    inventory: inventoryFor({
      region: {
        elbv2: { loadBalancers: [quiet], targetGroups: [targetGroup('campaign', quiet, { healthy: 2 })] },
        metrics: metrics({ [key(quiet)]: { [REQUESTS]: steps(25_000, 40, 7) } }),
      },
    }),
    // $0.0225 x 730
    expected: [
      {
        resourceId: 'old-campaign',
        severity: 'low',
        savings: 16.43,
        message: 'fewer than 100 requests on each of the last 7 days (at most 40)',
      },
    ],
  },
  {
    name: 'no healthy target in any group, even with traffic: idle',
    inventory: inventoryFor({
      region: {
        elbv2: {
          loadBalancers: [unhealthy],
          targetGroups: [
            targetGroup('api-blue', unhealthy, { unhealthy: 3 }),
            targetGroup('api-green', unhealthy, {}),
          ],
        },
        metrics: metrics({ [key(unhealthy)]: { [REQUESTS]: flat(5_000) } }),
      },
    }),
    expected: [
      { resourceId: 'broken-api', message: 'none of its 2 target groups has a healthy target (3 unhealthy)' },
    ],
  },
  {
    name: 'an NLB without target groups: idle, at the NLB hourly price',
    inventory: inventoryFor({
      region: { elbv2: { loadBalancers: [emptyNlb], targetGroups: [] }, metrics: metrics({}) },
    }),
    expected: [{ resourceId: 'mqtt-ingest', savings: 16.43, message: 'it has no target groups' }],
  },
  {
    name: 'near misses: busy, redirect-only with traffic, Lambda targets, young, unknown health, unmeasured ALB',
    inventory: inventoryFor({
      region: {
        elbv2: {
          loadBalancers: [busy, redirect, lambdaAlb, young, unknownHealth, unmeasuredRedirect],
          targetGroups: [
            targetGroup('storefront', busy, { healthy: 4, unhealthy: 1 }),
            targetGroup('lambda', lambdaAlb, { unavailable: 1 }),
            targetGroup('soon', young, {}),
            targetGroup('known', unknownHealth, { unhealthy: 2 }),
            targetGroup('vanished', unknownHealth),
          ],
        },
        metrics: metrics({
          // One day at 100 requests breaks the quiet streak.
          [key(busy)]: { [REQUESTS]: [...steps(null, 20, 7).slice(0, 13), 100] },
          [key(redirect)]: { [REQUESTS]: flat(30_000) },
          [key(lambdaAlb)]: { [REQUESTS]: flat(800) },
          [key(young)]: { [REQUESTS]: flat(null) },
          [key(unknownHealth)]: { [REQUESTS]: flat(700) },
        }),
      },
    }),
    expected: [],
  },
  {
    name: 'not evaluated when CloudWatch GetMetricData is denied',
    inventory: inventoryFor({
      region: { elbv2: { loadBalancers: [quiet], targetGroups: [] } },
      coverage: [denied('cloudwatch', 'GetMetricData')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
  {
    name: 'not evaluated when DescribeTargetHealth is denied',
    inventory: inventoryFor({
      region: {
        elbv2: { loadBalancers: [quiet], targetGroups: [targetGroup('campaign', quiet)] },
        metrics: metrics({}),
      },
      coverage: [denied('elbv2', 'DescribeTargetHealth')],
    }),
    expected: [],
    notEvaluatedIn: 'us-east-1',
  },
]);

describe('loadBalancerMetricId', () => {
  it("is the ARN's part after loadbalancer/, as CloudWatch's LoadBalancer dimension", () => {
    expect(loadBalancerMetricId(`${ARN_PREFIX}:loadbalancer/app/my-alb/50dc6c495c0c9188`)).toBe(
      'app/my-alb/50dc6c495c0c9188',
    );
    expect(loadBalancerMetricId(`${ARN_PREFIX}:targetgroup/tg/73e2d6bc24d8a067`)).toBeUndefined();
  });
});
