/**
 * A CollectorContext for collector tests: clients come from `createClient` pointed at the fake AWS, and
 * `attempt`/`cover` record into a plain `coverage` array the test inspects. It mirrors what the scan engine
 * builds, without planning, rate limits or deadlines.
 *
 *   const { context, coverage } = collectorContext({ aws });
 *   const target = collectorTarget();
 *   await ec2Collector.collect(context, target);
 */

import { classifyAwsError } from '../../../../core/aws/aws-error.ts';
import type { ClientSettings } from '../../../../core/aws/client-factory.ts';
import { createClient } from '../../../../core/aws/client-factory.ts';
import { PERMISSIONS, type SdkClientName } from '../../../../core/connect/permissions.ts';
import type { CollectorContext, CollectorTarget } from '../../../../core/scan/collector.ts';
import type { CoverageEntry, CoverageStatus, ScanService } from '../../../../core/scan/inventory.ts';
import type { FakeAws } from '../../../helpers/fake-aws.ts';

/** Options of `collectorContext`. */
export interface CollectorContextOptions {
  /** The running fake AWS; its `settings` are the base of every client. */
  aws: FakeAws;
  /** Account id; default '111122223333'. */
  accountId?: string;
  /** The unit's region; default the fake's region (us-east-1). */
  region?: string;
  /** Every selected region; default `[region]`. */
  regions?: readonly string[];
  /** Service named in coverage entries; default inferred from the operation through the permission catalogue. */
  service?: ScanService;
  /** Attempts per call (retries included); default the fake's (1). Use 2-3 for throttling tests. */
  maxAttempts?: number;
  /** Extra client settings (e.g. `requestHandler`, `callCounter`). */
  settings?: Partial<ClientSettings>;
  /** The scan's clock; default 2026-01-15T00:00:00Z. */
  now?: Date;
  /** Whether Cost Explorer is asked for; default false. */
  includeCostExplorer?: boolean;
}

/** A context plus the coverage it records. */
export interface CollectorContextForTests {
  context: CollectorContext;
  /** Every coverage entry recorded by `attempt` and `cover`, in order. */
  coverage: CoverageEntry[];
  /** Every `extendDeadline` the collector asked for, in milliseconds. */
  extensions: number[];
}

const SERVICE_OF_CLIENT: Record<SdkClientName, ScanService | undefined> = {
  EC2: 'ec2',
  ElasticLoadBalancingV2: 'elbv2',
  S3: 's3',
  S3Control: 's3',
  RDS: 'rds',
  IAM: 'iam',
  CloudWatch: 'cloudwatch',
  CloudWatchLogs: 'logs',
  CostExplorer: 'ce',
  ResourceGroupsTaggingAPI: 'tagging',
  STS: undefined,
};

/** The scan service an operation belongs to, from the catalogue (operation names are unique across services). */
function serviceOf(operation: string): ScanService {
  const entry = PERMISSIONS.find((permission) => permission.operation === operation);
  const service = entry ? SERVICE_OF_CLIENT[entry.client] : undefined;
  if (!service)
    throw new Error(
      `context-for-tests: '${operation}' is not a scan operation in the catalogue; pass { service }`,
    );
  return service;
}

/** Builds a CollectorContext against the fake AWS that records coverage into an array. */
export function collectorContext(options: CollectorContextOptions): CollectorContextForTests {
  const { aws } = options;
  const accountId = options.accountId ?? '111122223333';
  const region = options.region ?? aws.settings.region;
  const regions = options.regions ?? [region];
  const settings: ClientSettings = {
    ...aws.settings,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...options.settings,
    region,
  };
  const coverage: CoverageEntry[] = [];
  const extensions: number[] = [];
  const controller = new AbortController();

  function record(operation: string, status: CoverageStatus, detail?: string, entryRegion?: string): void {
    const entry: CoverageEntry = {
      accountId,
      region: entryRegion ?? region,
      service: options.service ?? serviceOf(operation),
      operation,
      status,
    };
    if (detail !== undefined) entry.detail = detail;
    coverage.push(entry);
  }

  const context: CollectorContext = {
    accountId,
    region,
    regions,
    settings,
    signal: controller.signal,
    now: options.now ?? new Date('2026-01-15T00:00:00Z'),
    options: { includeCostExplorer: options.includeCostExplorer ?? false },
    client(ClientClass, clientRegion) {
      // The factory's structural bound is not expressible through the generic `client<C>` signature.
      const build = createClient as unknown as (Class: typeof ClientClass, s: ClientSettings) => never;
      return build(ClientClass, { ...settings, region: clientRegion ?? region });
    },
    async attempt(operation, run, attemptOptions) {
      try {
        const result = await run();
        record(operation, 'ok', undefined, attemptOptions?.region);
        return result;
      } catch (error) {
        const classified = classifyAwsError(error);
        const status: CoverageStatus =
          classified.kind === 'denied' ? 'denied' : classified.kind === 'unimplemented' ? 'skipped' : 'error';
        record(operation, status, `${classified.code}: ${classified.message}`, attemptOptions?.region);
        return undefined;
      }
    },
    cover(operation, status, detail, coverRegion) {
      record(operation, status, detail, coverRegion);
    },
    extendDeadline(ms) {
      extensions.push(ms);
    },
  };
  return { context, coverage, extensions };
}

/** An empty target for one account and region, as the scan engine hands it to a collector. */
export function collectorTarget(options: { accountId?: string; region?: string } = {}): CollectorTarget {
  const accountId = options.accountId ?? '111122223333';
  const region = options.region ?? 'us-east-1';
  const regional = {};
  return {
    account: { accountId, partition: 'aws', regions: [region], regional: { [region]: regional } },
    regional,
  };
}
