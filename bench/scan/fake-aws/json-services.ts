/**
 * The JSON-protocol services for the benchmark's fake AWS: CloudWatch (JSON 1.0, query-compatible: GetMetricData
 * with up to 500 queries a call, and GetMetricStatistics for per-entity scanners), CloudWatch Logs and the tagging
 * API (JSON 1.1), with their real page-size bounds. Timestamps travel as epoch seconds.
 */
import type { AccountData } from '../synthetic-account.ts';
import { json, jsonError, page, pageSize, type Reply, type WireRequest } from './wire.ts';

const DAY_S = 86_400;

/** A metric query as the SDK sends it. */
interface WireQuery {
  Id?: string;
  MetricStat?: { Metric?: { MetricName?: string }; Period?: number; Stat?: string };
}

/** Daily datapoints between `start` and `end` (epoch seconds), a deterministic value per day. */
function series(start: number, end: number, seed: number): { timestamps: number[]; values: number[] } {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let time = start, day = 0; time < end; time += DAY_S, day += 1) {
    timestamps.push(time);
    values.push(((seed * 31 + day * 17) % 97) + 0.5);
  }
  return { timestamps, values };
}

function seconds(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) / 1000 : 0;
}

/** Answers one CloudWatch request. */
export function answerCloudWatch(request: WireRequest): Reply {
  const { operation, params } = request;
  const start = seconds(params.StartTime);
  const end = seconds(params.EndTime);
  if (operation === 'GetMetricData') {
    const queries = Array.isArray(params.MetricDataQueries) ? (params.MetricDataQueries as WireQuery[]) : [];
    if (queries.length > 500)
      return jsonError(
        'InvalidParameterValueException',
        'The collection MetricDataQueries must not have a size greater than 500.',
        400,
        'InvalidParameterValue',
      );
    return json({
      MetricDataResults: queries.map((query, index) => {
        const points = series(start, end, index);
        return {
          Id: query.Id,
          Label: query.MetricStat?.Metric?.MetricName,
          Timestamps: points.timestamps,
          Values: points.values,
          StatusCode: 'Complete',
        };
      }),
      Messages: [],
    });
  }
  if (operation === 'GetMetricStatistics') {
    const statistic = Array.isArray(params.Statistics) ? String(params.Statistics[0]) : 'Average';
    const points = series(start, end, String(params.MetricName).length);
    return json({
      Label: params.MetricName,
      Datapoints: points.timestamps.map((timestamp, index) => ({
        Timestamp: timestamp,
        [statistic]: points.values[index],
        Unit: 'None',
      })),
    });
  }
  return jsonError(
    'UnknownOperationException',
    `bench fake AWS does not serve CloudWatch ${operation}`,
    400,
    'UnknownOperation',
  );
}

/** Answers one CloudWatch Logs request. */
export function answerLogs(request: WireRequest, account: AccountData): Reply {
  const region = account.regions.get(request.region);
  if (request.operation !== 'DescribeLogGroups' || !region)
    return jsonError('UnknownOperationException', `bench fake AWS does not serve Logs ${request.operation}`);
  const size = pageSize(request.params.limit, 50);
  if (size > 50)
    return jsonError(
      'InvalidParameterException',
      "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  const slice = page(region.logGroups, request.params.nextToken, size);
  return json({
    logGroups: slice.items.map((group) => ({
      logGroupName: group.name,
      creationTime: group.creationTime,
      ...(group.retentionInDays === undefined ? {} : { retentionInDays: group.retentionInDays }),
      metricFilterCount: 0,
      arn: `${group.arn}:*`,
      logGroupArn: group.arn,
      storedBytes: group.storedBytes,
      logGroupClass: 'STANDARD',
    })),
    ...(slice.next === undefined ? {} : { nextToken: slice.next }),
  });
}

/** Answers one tagging API request. */
export function answerTagging(request: WireRequest, account: AccountData): Reply {
  const region = account.regions.get(request.region);
  if (request.operation !== 'GetResources' || !region)
    return jsonError(
      'UnknownOperationException',
      `bench fake AWS does not serve tagging ${request.operation}`,
    );
  const size = pageSize(request.params.ResourcesPerPage, 50);
  if (size > 100)
    return jsonError('InvalidParameterException', 'ResourcesPerPage must be between 1 and 100.');
  const slice = page(region.tagged, request.params.PaginationToken, size);
  return json({
    PaginationToken: slice.next ?? '',
    ResourceTagMappingList: slice.items.map((resource) => ({
      ResourceARN: resource.arn,
      Tags: Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  });
}
