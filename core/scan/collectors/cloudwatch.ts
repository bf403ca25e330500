import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { Collector, CollectorContext } from '../collector.ts';
import type { DailySeries, MetricsRegionInventory } from '../inventory.ts';
import { mapConcurrent } from './support/map-concurrent.ts';
import { type MetricQuery, metricQueries } from './support/metrics-queries.ts';
import {
  dayIndex,
  METRIC_PERIOD_SECONDS,
  type MetricWindow,
  metricWindow,
} from './support/metrics-window.ts';
import { OperationTally } from './support/s3-operation-tally.ts';

/** GetMetricData's limit of queries per request. */
export const QUERIES_PER_CALL = 500;
/** Batches in flight at once: well under CloudWatch's GetMetricData rate (50 per second by default). */
const BATCH_CONCURRENCY = 4;

/** Splits `items` into slices of at most `size`. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Every result of one batch, following NextToken (which continues the same queries) to the end. */
async function fetchBatch(
  context: CollectorContext,
  client: CloudWatchClient,
  batch: readonly MetricQuery[],
  window: MetricWindow,
): Promise<MetricDataResult[]> {
  const MetricDataQueries = batch.map((query, index) => ({
    // Ids are per request, must start with a lower-case letter, and map back to the query by position.
    Id: `m${index}`,
    MetricStat: {
      Metric: { Namespace: query.namespace, MetricName: query.metricName, Dimensions: [query.dimension] },
      Period: METRIC_PERIOD_SECONDS,
      Stat: query.stat,
    },
    ReturnData: true,
  }));
  const results: MetricDataResult[] = [];
  let token: string | undefined;
  do {
    const page: GetMetricDataCommandOutput = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries,
        StartTime: window.start,
        EndTime: window.end,
        ScanBy: 'TimestampAscending',
        ...(token === undefined ? {} : { NextToken: token }),
      }),
      { abortSignal: context.signal },
    );
    results.push(...(page.MetricDataResults ?? []));
    token = page.NextToken || undefined;
  } while (token !== undefined);
  return results;
}

/** Files one batch's results: every query gets a series (all null when CloudWatch had no datapoints). */
function fileResults(
  metrics: MetricsRegionInventory,
  batch: readonly MetricQuery[],
  results: readonly MetricDataResult[],
  window: MetricWindow,
): void {
  const seriesOf = new Map<string, DailySeries>();
  batch.forEach((query, index) => {
    const series: DailySeries = new Array<number | null>(window.days).fill(null);
    metrics.series[query.resourceId] ??= {};
    const byMetric = metrics.series[query.resourceId];
    if (byMetric) byMetric[query.key] = series;
    seriesOf.set(`m${index}`, series);
  });
  for (const result of results) {
    const series = result.Id === undefined ? undefined : seriesOf.get(result.Id);
    if (!series) continue;
    const values = result.Values ?? [];
    (result.Timestamps ?? []).forEach((timestamp, position) => {
      const day = dayIndex(window, timestamp);
      const value = values[position];
      if (day !== undefined && value !== undefined) series[day] = value;
    });
  }
}

/**
 * CloudWatch metrics for one region, after EC2, ELBv2 and RDS filled the region: 14 daily datapoints per
 * series (CPU and network per instance, NAT gateway bytes out, ALB requests, RDS peak connections, EBS read and
 * write ops), up to 500 series per GetMetricData call. A region with none of these resources costs no call.
 * A series present in the inventory was fetched (all nulls: no datapoints); one absent was not (see coverage).
 */
export const cloudwatchCollector: Collector = {
  service: 'cloudwatch',
  scope: 'regional',
  operations: [{ client: 'CloudWatch', operation: 'GetMetricData' }],
  async collect(context, target) {
    const window = metricWindow(context.now);
    const metrics: MetricsRegionInventory = {
      windowStart: window.start.toISOString().slice(0, 10),
      days: window.days,
      series: {},
    };
    const queries = metricQueries(target.regional);
    if (queries.length === 0) {
      context.cover(
        'GetMetricData',
        'ok',
        'no call needed: no instances, NAT gateways, load balancers, databases or volumes here',
      );
      target.regional.metrics = metrics;
      return;
    }
    const client = context.client(CloudWatchClient);
    const tally = new OperationTally('batches');
    let fetched = 0;
    await mapConcurrent(chunk(queries, QUERIES_PER_CALL), BATCH_CONCURRENCY, async (batch) => {
      const result = await tally.run('GetMetricData', () => fetchBatch(context, client, batch, window));
      if (!result.ok) return;
      fileResults(metrics, batch, result.value, window);
      fetched += 1;
    });
    tally.report(context);
    if (fetched > 0) target.regional.metrics = metrics;
  },
};
