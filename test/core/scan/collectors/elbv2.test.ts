import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../../core/connect/permissions.ts';
import { elbv2Collector } from '../../../../core/scan/collectors/elbv2.ts';
import { type FakeAws, queryError, queryResponse, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const NAMESPACE = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
const ARN_PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:111122223333';

/** One `LoadBalancers` member, shaped like the DescribeLoadBalancers example in the ELBv2 API reference. */
function loadBalancerMember(name: string, type = 'application', scheme = 'internet-facing'): string {
  const kind = type === 'application' ? 'app' : 'net';
  return `<member>
    <LoadBalancerArn>${ARN_PREFIX}:loadbalancer/${kind}/${name}/50dc6c495c0c9188</LoadBalancerArn>
    <Scheme>${scheme}</Scheme>
    <LoadBalancerName>${name}</LoadBalancerName>
    <VpcId>vpc-3ac0fb5f</VpcId>
    <CanonicalHostedZoneId>Z35SXDOTRQ7X7K</CanonicalHostedZoneId>
    <CreatedTime>2025-03-25T21:26:12.920Z</CreatedTime>
    <AvailabilityZones>
      <member><SubnetId>subnet-8360a9e7</SubnetId><ZoneName>us-east-1a</ZoneName></member>
      <member><SubnetId>subnet-b7d581c0</SubnetId><ZoneName>us-east-1b</ZoneName></member>
    </AvailabilityZones>
    ${type === 'application' ? '<SecurityGroups><member>sg-5943793c</member></SecurityGroups>' : ''}
    <DNSName>${name}-424835706.us-east-1.elb.amazonaws.com</DNSName>
    <State><Code>active</Code></State>
    <Type>${type}</Type>
    <IpAddressType>ipv4</IpAddressType>
  </member>`;
}

/** One `TargetGroups` member, as DescribeTargetGroups sends it. */
function targetGroupMember(name: string, loadBalancer?: string): string {
  const lbs = loadBalancer
    ? `<LoadBalancerArns><member>${ARN_PREFIX}:loadbalancer/app/${loadBalancer}/50dc6c495c0c9188</member></LoadBalancerArns>`
    : '<LoadBalancerArns/>';
  return `<member>
    <TargetGroupArn>${ARN_PREFIX}:targetgroup/${name}/73e2d6bc24d8a067</TargetGroupArn>
    <TargetGroupName>${name}</TargetGroupName>
    <Protocol>HTTP</Protocol><Port>80</Port><VpcId>vpc-3ac0fb5f</VpcId>
    <HealthCheckProtocol>HTTP</HealthCheckProtocol><HealthCheckPort>traffic-port</HealthCheckPort>
    <HealthCheckEnabled>true</HealthCheckEnabled><HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds>
    <HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds><HealthyThresholdCount>5</HealthyThresholdCount>
    <UnhealthyThresholdCount>2</UnhealthyThresholdCount><HealthCheckPath>/</HealthCheckPath>
    <Matcher><HttpCode>200</HttpCode></Matcher>
    ${lbs}
    <TargetType>instance</TargetType>
  </member>`;
}

function targetHealthMember(instanceId: string, state: string): string {
  return `<member><HealthCheckPort>80</HealthCheckPort><TargetHealth><State>${state}</State></TargetHealth>
    <Target><Port>80</Port><Id>${instanceId}</Id></Target></member>`;
}

function loadBalancersPage(members: string[], nextMarker?: string) {
  const marker = nextMarker ? `<NextMarker>${nextMarker}</NextMarker>` : '';
  return queryResponse(
    'DescribeLoadBalancers',
    `<LoadBalancers>${members.join('')}</LoadBalancers>${marker}`,
    NAMESPACE,
  );
}

function targetGroupsPage(members: string[], nextMarker?: string) {
  const marker = nextMarker ? `<NextMarker>${nextMarker}</NextMarker>` : '';
  return queryResponse(
    'DescribeTargetGroups',
    `<TargetGroups>${members.join('')}</TargetGroups>${marker}`,
    NAMESPACE,
  );
}

function targetHealthResponse(members: string[]) {
  return queryResponse(
    'DescribeTargetHealth',
    `<TargetHealthDescriptions>${members.join('')}</TargetHealthDescriptions>`,
    NAMESPACE,
  );
}

/** Target health per target group name, looked up from the requested ARN. */
function serveTargetHealth(byGroup: Record<string, string[]>): void {
  aws.on('ElasticLoadBalancingV2', 'DescribeTargetHealth', (request) => {
    const arn = String(request.params.TargetGroupArn);
    const name = arn.split('/')[1] ?? '';
    return targetHealthResponse(byGroup[name] ?? []);
  });
}

describe('elbv2Collector', () => {
  it('declares exactly the ELBv2 operations it calls, each in the permission catalogue', () => {
    expect(elbv2Collector.operations.map((entry) => entry.operation).sort()).toEqual([
      'DescribeLoadBalancers',
      'DescribeTargetGroups',
      'DescribeTargetHealth',
    ]);
    for (const entry of elbv2Collector.operations) {
      expect(PERMISSIONS.some((p) => p.client === entry.client && p.operation === entry.operation)).toBe(
        true,
      );
    }
  });

  it('collects load balancers and target groups across NextMarker pages, with health counted by state', async () => {
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', (request) =>
      request.params.Marker === 'lb-page-2'
        ? loadBalancersPage([loadBalancerMember('internal-nlb', 'network', 'internal')])
        : loadBalancersPage([loadBalancerMember('web-alb')], 'lb-page-2'),
    );
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', (request) =>
      request.params.Marker === 'tg-page-2'
        ? targetGroupsPage([targetGroupMember('orphan-tg')])
        : targetGroupsPage([targetGroupMember('web-tg', 'web-alb')], 'tg-page-2'),
    );
    serveTargetHealth({
      'web-tg': [
        targetHealthMember('i-01', 'healthy'),
        targetHealthMember('i-02', 'healthy'),
        targetHealthMember('i-03', 'unhealthy'),
      ],
    });
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    expect(target.regional.elbv2).toEqual({
      loadBalancers: [
        {
          loadBalancerArn: `${ARN_PREFIX}:loadbalancer/app/web-alb/50dc6c495c0c9188`,
          loadBalancerName: 'web-alb',
          type: 'application',
          scheme: 'internet-facing',
          state: 'active',
          createdTime: '2025-03-25T21:26:12.920Z',
          vpcId: 'vpc-3ac0fb5f',
          securityGroupIds: ['sg-5943793c'],
        },
        {
          loadBalancerArn: `${ARN_PREFIX}:loadbalancer/net/internal-nlb/50dc6c495c0c9188`,
          loadBalancerName: 'internal-nlb',
          type: 'network',
          scheme: 'internal',
          state: 'active',
          createdTime: '2025-03-25T21:26:12.920Z',
          vpcId: 'vpc-3ac0fb5f',
          securityGroupIds: [],
        },
      ],
      targetGroups: [
        {
          targetGroupArn: `${ARN_PREFIX}:targetgroup/web-tg/73e2d6bc24d8a067`,
          targetGroupName: 'web-tg',
          loadBalancerArns: [`${ARN_PREFIX}:loadbalancer/app/web-alb/50dc6c495c0c9188`],
          targetHealth: { healthy: 2, unhealthy: 1 },
        },
        {
          targetGroupArn: `${ARN_PREFIX}:targetgroup/orphan-tg/73e2d6bc24d8a067`,
          targetGroupName: 'orphan-tg',
          loadBalancerArns: [],
          targetHealth: {},
        },
      ],
    });
    const lbCalls = aws.calls('ElasticLoadBalancingV2', 'DescribeLoadBalancers');
    expect(lbCalls.map((call) => call.params)).toEqual([
      { PageSize: '400' },
      { PageSize: '400', Marker: 'lb-page-2' },
    ]);
    const tgCalls = aws.calls('ElasticLoadBalancingV2', 'DescribeTargetGroups');
    expect(tgCalls.map((call) => call.params)).toEqual([
      { PageSize: '400' },
      { PageSize: '400', Marker: 'tg-page-2' },
    ]);
    expect(
      aws
        .calls('ElasticLoadBalancingV2', 'DescribeTargetHealth')
        .map((call) => call.params.TargetGroupArn)
        .sort(),
    ).toEqual([
      `${ARN_PREFIX}:targetgroup/orphan-tg/73e2d6bc24d8a067`,
      `${ARN_PREFIX}:targetgroup/web-tg/73e2d6bc24d8a067`,
    ]);
    expect(coverage.map((entry) => [entry.operation, entry.status]).sort()).toEqual([
      ['DescribeLoadBalancers', 'ok'],
      ['DescribeTargetGroups', 'ok'],
      ['DescribeTargetHealth', 'ok'],
    ]);
    expect(coverage.every((entry) => entry.service === 'elbv2')).toBe(true);
  });

  it('skips a target group deleted between listing and health check, without a coverage gap', async () => {
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () => loadBalancersPage([]));
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () =>
      targetGroupsPage([targetGroupMember('gone-tg'), targetGroupMember('live-tg')]),
    );
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetHealth', (request) =>
      String(request.params.TargetGroupArn).includes('gone-tg')
        ? queryError('TargetGroupNotFound', 'One or more target groups not found', 400)
        : targetHealthResponse([targetHealthMember('i-09', 'draining')]),
    );
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    const groups = target.regional.elbv2?.targetGroups;
    expect(groups?.map((group) => [group.targetGroupName, group.targetHealth])).toEqual([
      ['gone-tg', undefined],
      ['live-tg', { draining: 1 }],
    ]);
    expect(coverage.find((entry) => entry.operation === 'DescribeTargetHealth')?.status).toBe('ok');
  });

  it('records a denied DescribeTargetHealth once and stops asking, keeping the listings', async () => {
    const names = Array.from({ length: 30 }, (_, index) => `tg-${index}`);
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () =>
      loadBalancersPage([loadBalancerMember('web-alb')]),
    );
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () =>
      targetGroupsPage(names.map((name) => targetGroupMember(name, 'web-alb'))),
    );
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetHealth', () =>
      queryError(
        'AccessDenied',
        'User: arn:aws:sts::111122223333:assumed-role/axiom/scan is not authorized to perform: elasticloadbalancing:DescribeTargetHealth because no identity-based policy allows the elasticloadbalancing:DescribeTargetHealth action',
        403,
      ),
    );
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    expect(target.regional.elbv2?.loadBalancers).toHaveLength(1);
    expect(target.regional.elbv2?.targetGroups).toHaveLength(30);
    expect(target.regional.elbv2?.targetGroups?.every((group) => group.targetHealth === undefined)).toBe(
      true,
    );
    expect(coverage.filter((entry) => entry.operation === 'DescribeTargetHealth')).toEqual([
      expect.objectContaining({ status: 'denied', detail: expect.stringContaining('AccessDenied') }),
    ]);
    expect(aws.calls('ElasticLoadBalancingV2', 'DescribeTargetHealth').length).toBeLessThan(names.length);
  });

  it('records a denied DescribeLoadBalancers and still collects target groups', async () => {
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () =>
      queryError(
        'AccessDenied',
        'User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers',
        403,
      ),
    );
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () =>
      targetGroupsPage([targetGroupMember('web-tg')]),
    );
    serveTargetHealth({ 'web-tg': [targetHealthMember('i-01', 'healthy')] });
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    expect(target.regional.elbv2?.loadBalancers).toBeUndefined();
    expect(target.regional.elbv2?.targetGroups?.[0]?.targetHealth).toEqual({ healthy: 1 });
    expect(coverage.map((entry) => [entry.operation, entry.status]).sort()).toEqual([
      ['DescribeLoadBalancers', 'denied'],
      ['DescribeTargetGroups', 'ok'],
      ['DescribeTargetHealth', 'ok'],
    ]);
  });

  it('retries Throttling (HTTP 400) and then collects', async () => {
    let calls = 0;
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () => {
      calls += 1;
      return calls === 1
        ? queryError('Throttling', 'Rate exceeded', 400)
        : loadBalancersPage([loadBalancerMember('web-alb')]);
    });
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () => targetGroupsPage([]));
    const { context, coverage } = collectorContext({ aws, maxAttempts: 3 });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    expect(aws.calls('ElasticLoadBalancingV2', 'DescribeLoadBalancers')).toHaveLength(2);
    expect(target.regional.elbv2?.loadBalancers?.map((lb) => lb.loadBalancerName)).toEqual(['web-alb']);
    expect(coverage.find((entry) => entry.operation === 'DescribeLoadBalancers')?.status).toBe('ok');
  });

  it('costs one call per listing in an empty region and no health call', async () => {
    aws.on('ElasticLoadBalancingV2', 'DescribeLoadBalancers', () => loadBalancersPage([]));
    aws.on('ElasticLoadBalancingV2', 'DescribeTargetGroups', () => targetGroupsPage([]));
    const { context, coverage } = collectorContext({ aws });
    const target = collectorTarget();
    await elbv2Collector.collect(context, target);

    expect(aws.requests.map((request) => request.operation).sort()).toEqual([
      'DescribeLoadBalancers',
      'DescribeTargetGroups',
    ]);
    expect(target.regional.elbv2).toEqual({ loadBalancers: [], targetGroups: [] });
    expect(coverage.map((entry) => entry.operation).sort()).toEqual([
      'DescribeLoadBalancers',
      'DescribeTargetGroups',
    ]);
  });
});
