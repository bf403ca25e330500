/**
 * Small collectors for scan-engine tests: each records what it saw and writes a marker into its slot, with
 * optional hooks to hold it open, fail an operation or throw.
 */
import type { Collector, CollectorContext, CollectorTarget } from '../../../core/scan/collector.ts';
import type { ScanService } from '../../../core/scan/inventory.ts';

/** What a fake collector did in one unit. */
export interface FakeRun {
  service: ScanService;
  accountId: string;
  /** The context's region. */
  region: string;
  regions: readonly string[];
  /** EC2 instance ids visible when it started (CloudWatch reads what EC2 collected). */
  instancesSeen: string[];
}

/** Options of `fakeCollector`. */
export interface FakeCollectorOptions {
  /** Runs inside `collect` after the run is recorded, before the marker is written. */
  during?: (context: CollectorContext, target: CollectorTarget) => Promise<void>;
  /** Shared log of runs. */
  log?: FakeRun[];
}

/**
 * A collector for `service` that writes a marker: EC2 one instance named after the region, IAM one user,
 * others an empty collection in their slot.
 */
export function fakeCollector(
  service: ScanService,
  scope: 'global' | 'regional',
  options: FakeCollectorOptions = {},
): Collector {
  return {
    service,
    scope,
    operations: [],
    async collect(context, target) {
      options.log?.push({
        service,
        accountId: context.accountId,
        region: context.region,
        regions: context.regions,
        instancesSeen: (target.regional.ec2?.instances ?? []).map((instance) => instance.instanceId),
      });
      await options.during?.(context, target);
      write(service, context, target);
      context.cover(`Fake${service}`, 'ok');
    },
  };
}

function write(service: ScanService, context: CollectorContext, target: CollectorTarget): void {
  switch (service) {
    case 'ec2':
      target.regional.ec2 = {
        instances: [
          {
            instanceId: `i-${context.region}`,
            instanceType: 't3.micro',
            state: 'running',
            securityGroupIds: [],
            tags: {},
          },
        ],
      };
      return;
    case 'iam':
      target.account.iam = {
        users: [
          {
            userName: 'alice',
            arn: `arn:aws:iam::${context.accountId}:user/alice`,
            inlinePolicies: [],
            attachedPolicyArns: [],
            groups: [],
            tags: {},
          },
        ],
      };
      return;
    case 's3':
      target.account.s3 = { buckets: [] };
      return;
    case 'ce':
      target.account.costs = { unit: 'USD', months: [] };
      return;
    case 'elbv2':
      target.regional.elbv2 = { loadBalancers: [] };
      return;
    case 'rds':
      target.regional.rds = { instances: [] };
      return;
    case 'logs':
      target.regional.logs = { logGroups: [] };
      return;
    case 'cloudwatch':
      target.regional.metrics = {
        windowStart: '2026-01-01',
        days: 14,
        series: Object.fromEntries(
          (target.regional.ec2?.instances ?? []).map((instance) => [
            instance.instanceId,
            { 'CPUUtilization:Average': [1] },
          ]),
        ),
      };
      return;
    case 'tagging':
      target.regional.tagging = { resources: {} };
      return;
  }
}

/** One fake collector per service, with AWS's scopes. */
export function fakeCollectors(options: FakeCollectorOptions = {}): Collector[] {
  const global: ScanService[] = ['iam', 's3', 'ce'];
  const regional: ScanService[] = ['ec2', 'elbv2', 'rds', 'logs', 'cloudwatch', 'tagging'];
  return [
    ...global.map((service) => fakeCollector(service, 'global', options)),
    ...regional.map((service) => fakeCollector(service, 'regional', options)),
  ];
}

/** A promise with its resolver, for holding a collector open until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
