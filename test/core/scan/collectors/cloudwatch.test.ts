import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cloudwatchCollector } from '../../../../core/scan/collectors/cloudwatch.ts';
import { loadBalancerDimension } from '../../../../core/scan/collectors/support/metrics-queries.ts';
import { dayIndex, metricWindow } from '../../../../core/scan/collectors/support/metrics-window.ts';
import type { RegionInventory } from '../../../../core/scan/inventory.ts';
import {
  type FakeAws,
  type FakeRequest,
  type FakeResponse,
  json,
  jsonError,
  startFakeAws,
} from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

/** The test clock: mid-morning, so the window must end at the start of the day, not at `now`. */
const NOW = new Date('2026-01-15T09:30:00Z');
const WINDOW_START_S = Date.UTC(2026, 0, 1) / 1000;
const WINDOW_END_S = Date.UTC(2026, 0, 15) / 1000;
const DAY_S = 86_400;

/** A query as the SDK sends it in the JSON 1.0 body. */
interface WireQuery {
  Id: string;
  MetricStat: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] };
    Period: number;
    Stat: string;
  };
  ReturnData: boolean;
}

function queriesOf(request: FakeRequest): WireQuery[] {
  return request.params.MetricDataQueries as WireQuery[];
}

/** A CloudWatch (query-compatible JSON 1.0) error: the code travels in x-amzn-query-error too. */
function cloudWatchError(code: string, type: string, message: string, status: number): FakeResponse {
  const error = jsonError(type, message, status);
  return { ...error, headers: { ...error.headers, 'x-amzn-query-error': `${code};Sender` } };
}

/**
 * Answers every query with datapoints on days 0..12 (day 13 missing, as for a resource created late or
 * stopped), value = day + 0.5, timestamps in epoch seconds as the JSON protocol sends them.
 */
function dailyResults(queries: readonly WireQuery[]) {
  return queries.map((query) => {
    const days = Array.from({ length: 13 }, (_, day) => day);
    return {
      Id: query.Id,
      Label: query.MetricStat.Metric.MetricName,
      Timestamps: days.map((day) => WINDOW_START_S + day * DAY_S),
      Values: days.map((day) => day + 0.5),
      StatusCode: 'Complete',
    };
  });
}

function region(
  partial: Partial<Record<'instances' | 'nat' | 'albs' | 'dbs' | 'volumes', number>>,
): RegionInventory {
  const range = (count: number | undefined) => Array.from({ length: count ?? 0 }, (_, index) => index);
  return {
    ec2: {
      instances: range(partial.instances).map((index) => ({
        instanceId: `i-${String(index).padStart(17, '0')}`,
        instanceType: 't3.micro',
        state: 'running',
        securityGroupIds: [],
        tags: {},
      })),
      natGateways: range(partial.nat).map((index) => ({
        natGatewayId: `nat-${index}`,
        state: 'available',
        tags: {},
      })),
      volumes: range(partial.volumes).map((index) => ({
        volumeId: `vol-${index}`,
        volumeType: 'gp2',
        sizeGiB: 8,
        state: 'available',
        encrypted: false,
        attachedInstanceIds: [],
        tags: {},
      })),
    },
    elbv2: {
      loadBalancers: range(partial.albs).map((index) => ({
        loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-${index}/50dc6c495c0c918${index}`,
        loadBalancerName: `web-${index}`,
        type: 'application',
        scheme: 'internet-facing',
        securityGroupIds: [],
      })),
    },
    rds: {
      instances: range(partial.dbs).map((index) => ({
        dbInstanceIdentifier: `db-${index}`,
        dbInstanceArn: `arn:aws:rds:us-east-1:111122223333:db:db-${index}`,
        dbInstanceClass: 'db.t3.micro',
        engine: 'postgres',
        publiclyAccessible: false,
        storageEncrypted: true,
        backupRetentionPeriod: 7,
        deletionProtection: true,
        multiAz: false,
        tags: {},
      })),
    },
  };
}

async function collect(regional: RegionInventory, options: { maxAttempts?: number } = {}) {
  const { context, coverage } = collectorContext({ aws, now: NOW, ...options });
  const target = collectorTarget();
  Object.assign(target.regional, regional);
  await cloudwatchCollector.collect(context, target);
  return { metrics: target.regional.metrics, coverage };
}

const NULL_LAST_DAY = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, null];

describe('cloudwatchCollector', () => {
  it('asks for 14 daily datapoints per resource metric and files them as daily series with nulls', async () => {
    aws.on('CloudWatch', 'GetMetricData', (request) =>
      json({ MetricDataResults: dailyResults(queriesOf(request)), Messages: [] }),
    );
    const regional = region({ instances: 1, nat: 1, albs: 1, dbs: 1, volumes: 1 });
    // Another kind of load balancer and a terminated instance are not measured.
    regional.elbv2?.loadBalancers?.push({
      loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/net/nlb/1234',
      loadBalancerName: 'nlb',
      type: 'network',
      scheme: 'internal',
      securityGroupIds: [],
    });
    regional.ec2?.instances?.push({
      instanceId: 'i-gone',
      instanceType: 't3.micro',
      state: 'terminated',
      securityGroupIds: [],
      tags: {},
    });
    const { metrics, coverage } = await collect(regional);

    const [call] = aws.calls('CloudWatch', 'GetMetricData');
    expect(aws.calls('CloudWatch', 'GetMetricData')).toHaveLength(1);
    expect(call?.protocol).toBe('json');
    expect(call?.params).toMatchObject({
      StartTime: WINDOW_START_S,
      EndTime: WINDOW_END_S,
      ScanBy: 'TimestampAscending',
    });
    const queries = queriesOf(call as FakeRequest);
    expect(
      queries.map(
        (query) =>
          `${query.MetricStat.Metric.Namespace} ${query.MetricStat.Metric.MetricName} ${query.MetricStat.Stat} ` +
          `${query.MetricStat.Metric.Dimensions.map((dimension) => `${dimension.Name}=${dimension.Value}`).join()}`,
      ),
    ).toEqual([
      'AWS/EC2 CPUUtilization Average InstanceId=i-00000000000000000',
      'AWS/EC2 NetworkIn Sum InstanceId=i-00000000000000000',
      'AWS/EC2 NetworkOut Sum InstanceId=i-00000000000000000',
      'AWS/NATGateway BytesOutToDestination Sum NatGatewayId=nat-0',
      'AWS/ApplicationELB RequestCount Sum LoadBalancer=app/web-0/50dc6c495c0c9180',
      'AWS/RDS DatabaseConnections Maximum DBInstanceIdentifier=db-0',
      'AWS/EBS VolumeReadOps Sum VolumeId=vol-0',
      'AWS/EBS VolumeWriteOps Sum VolumeId=vol-0',
    ]);
    expect(queries.every((query) => query.MetricStat.Period === 86_400 && query.ReturnData)).toBe(true);
    expect(new Set(queries.map((query) => query.Id)).size).toBe(queries.length);

    expect(metrics?.windowStart).toBe('2026-01-01');
    expect(metrics?.days).toBe(14);
    expect(metrics?.series).toEqual({
      'i-00000000000000000': {
        'CPUUtilization:Average': NULL_LAST_DAY,
        'NetworkIn:Sum': NULL_LAST_DAY,
        'NetworkOut:Sum': NULL_LAST_DAY,
      },
      'nat-0': { 'BytesOutToDestination:Sum': NULL_LAST_DAY },
      'app/web-0/50dc6c495c0c9180': { 'RequestCount:Sum': NULL_LAST_DAY },
      'db-0': { 'DatabaseConnections:Maximum': NULL_LAST_DAY },
      'vol-0': { 'VolumeReadOps:Sum': NULL_LAST_DAY, 'VolumeWriteOps:Sum': NULL_LAST_DAY },
    });
    expect(coverage).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        service: 'cloudwatch',
        operation: 'GetMetricData',
        status: 'ok',
      },
    ]);
  });

  it('batches up to 500 queries per call and gives every queried series, data or not', async () => {
    aws.on('CloudWatch', 'GetMetricData', (request) => {
      // CloudWatch returns a result for every query; an idle resource's has no datapoints.
      const results = queriesOf(request).map((query) => ({
        Id: query.Id,
        Timestamps: [],
        Values: [],
        StatusCode: 'Complete',
      }));
      return json({ MetricDataResults: results, Messages: [] });
    });
    const { metrics } = await collect(region({ instances: 200, volumes: 60 }));
    const sizes = aws.calls('CloudWatch', 'GetMetricData').map((call) => queriesOf(call).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([500, 220]);
    expect(Object.keys(metrics?.series ?? {})).toHaveLength(260);
    expect(metrics?.series['vol-59']?.['VolumeWriteOps:Sum']).toEqual(new Array(14).fill(null));
  });

  it('follows NextToken with the same queries and merges the pages', async () => {
    aws.on('CloudWatch', 'GetMetricData', (request) => {
      const [first] = dailyResults(queriesOf(request));
      if (!first) throw new Error('no queries');
      if (request.params.NextToken === undefined)
        return json({
          MetricDataResults: [
            { ...first, Timestamps: first.Timestamps.slice(0, 5), Values: first.Values.slice(0, 5) },
          ],
          NextToken: 'page-2',
        });
      expect(queriesOf(request)).toHaveLength(3);
      return json({
        MetricDataResults: [
          { ...first, Timestamps: first.Timestamps.slice(5), Values: first.Values.slice(5) },
        ],
      });
    });
    const { metrics } = await collect(region({ instances: 1 }));
    expect(aws.calls('CloudWatch', 'GetMetricData').map((call) => call.params.NextToken)).toEqual([
      undefined,
      'page-2',
    ]);
    expect(metrics?.series['i-00000000000000000']?.['CPUUtilization:Average']).toEqual(NULL_LAST_DAY);
  });

  it('makes no call for a region without resources', async () => {
    const { metrics, coverage } = await collect(region({}));
    expect(aws.requests).toHaveLength(0);
    expect(metrics).toEqual({ windowStart: '2026-01-01', days: 14, series: {} });
    expect(coverage).toMatchObject([{ operation: 'GetMetricData', status: 'ok' }]);
  });

  it('makes no call when EC2, ELBv2 and RDS were not collected', async () => {
    const { coverage } = await collect({});
    expect(aws.requests).toHaveLength(0);
    expect(coverage).toHaveLength(1);
  });

  it('turns AccessDenied into coverage and leaves metrics absent', async () => {
    aws.on('CloudWatch', 'GetMetricData', () =>
      cloudWatchError(
        'AccessDenied',
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/axiom/s is not authorized to perform: cloudwatch:GetMetricData',
        403,
      ),
    );
    const { metrics, coverage } = await collect(region({ instances: 1 }));
    expect(metrics).toBeUndefined();
    expect(coverage).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        service: 'cloudwatch',
        operation: 'GetMetricData',
        status: 'denied',
        detail: expect.stringMatching(/^AccessDenied.*: User: .* \(denied for 1 of 1 batches\)$/),
      },
    ]);
  });

  it('keeps the batches that succeeded when one fails, and says how many failed', async () => {
    aws.on('CloudWatch', 'GetMetricData', (request) => {
      const queries = queriesOf(request);
      if (queries.some((query) => query.MetricStat.Metric.Namespace === 'AWS/EBS'))
        return cloudWatchError('InternalServiceError', 'InternalServiceFault', 'Internal error', 400);
      return json({ MetricDataResults: dailyResults(queries) });
    });
    // 500 instance queries fill the first batch; the volumes land in the second, which fails.
    const { metrics, coverage } = await collect(region({ instances: 167, volumes: 1 }));
    expect(metrics?.series['i-00000000000000000']).toBeDefined();
    expect(metrics?.series['vol-0']).toBeUndefined();
    expect(coverage).toMatchObject([
      {
        operation: 'GetMetricData',
        status: 'error',
        detail: expect.stringContaining('(failed for 1 of 2 batches)'),
      },
    ]);
  });

  it('retries a throttled call and succeeds', async () => {
    let throttled = false;
    aws.on('CloudWatch', 'GetMetricData', (request) => {
      if (!throttled) {
        throttled = true;
        return cloudWatchError('Throttling', 'ThrottlingException', 'Rate exceeded', 400);
      }
      return json({ MetricDataResults: dailyResults(queriesOf(request)) });
    });
    const { metrics, coverage } = await collect(region({ dbs: 1 }), { maxAttempts: 3 });
    expect(aws.calls('CloudWatch', 'GetMetricData')).toHaveLength(2);
    expect(metrics?.series['db-0']?.['DatabaseConnections:Maximum']).toEqual(NULL_LAST_DAY);
    expect(coverage).toMatchObject([{ operation: 'GetMetricData', status: 'ok' }]);
  });
});

describe('metric window', () => {
  it('ends at the start of the UTC day and spans 14 whole days', () => {
    const window = metricWindow(new Date('2026-03-01T23:59:59Z'));
    expect(window.start.toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(dayIndex(window, new Date('2026-02-15T00:00:00Z'))).toBe(0);
    expect(dayIndex(window, new Date('2026-02-28T00:00:00Z'))).toBe(13);
    expect(dayIndex(window, new Date('2026-03-01T00:00:00Z'))).toBeUndefined();
    expect(dayIndex(window, new Date('2026-02-14T23:00:00Z'))).toBeUndefined();
  });

  it('takes the ALB dimension from the ARN', () => {
    expect(
      loadBalancerDimension(
        'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/my-alb/50dc6c495c0c9188',
      ),
    ).toBe('app/my-alb/50dc6c495c0c9188');
    expect(loadBalancerDimension('not-an-arn')).toBeUndefined();
  });
});
