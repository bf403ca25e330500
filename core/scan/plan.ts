/**
 * Planning: a scan of accounts x regions x services becomes units, each one collector run in one scope (an
 * account for global collectors, an account and region for regional ones). Units are what the engine bounds
 * concurrency over, gives deadlines to and reports progress on.
 */
import { AxiomError } from '../errors.ts';
import type { Collector } from './collector.ts';
import { SCAN_SERVICES, type ScanService } from './inventory.ts';

/** The region of a global unit, as coverage entries name it. */
export const GLOBAL_REGION = 'global';

/**
 * Collectors that read what others collected in the same account and region, and so run after them: CloudWatch
 * asks for the metrics of the instances, load balancers and databases found there.
 */
export const RUNS_AFTER: Readonly<Partial<Record<ScanService, readonly ScanService[]>>> = {
  cloudwatch: ['ec2', 'elbv2', 'rds'],
};

/**
 * The order units are started in within an account (the plan itself keeps SCAN_SERVICES order), service by
 * service across all regions, since which regions hold resources is unknown until they are read. Longest first:
 * S3 (nine calls per bucket), then the tagging API (one page of 100 resources after another: the longest chain of
 * round trips in a populated region), then CloudWatch's inputs (EC2, ELBv2, RDS), log groups, and CloudWatch,
 * which waits for its inputs and then goes ahead of units still waiting for a slot (scan-account.ts). In plan
 * order, regions went one by one alphabetically, so us-east-1, often the busiest, started last and its
 * rate-limited and paginated units made the scan's tail (bench:scan).
 */
export const START_ORDER: readonly ScanService[] = [
  's3',
  'iam',
  'tagging',
  'ec2',
  'elbv2',
  'rds',
  'logs',
  'cloudwatch',
  'ce',
];

/** One collector run in one scope. */
export interface ScanUnit {
  /** Unique within a scan: `account/region/service`, region 'global' for global units. */
  id: string;
  /** The account. */
  accountId: string;
  /** The region, or 'global' for global collectors. */
  region: string;
  /** The collector's service. */
  service: ScanService;
  /** The collector that runs. */
  collector: Collector;
  /** Ids of the units (same account and region) that must finish first. */
  after: string[];
}

/** An account to plan for. */
export interface PlanTarget {
  /** The account. */
  accountId: string;
  /** Its own regions; without them the scan's `regions` apply. */
  regions?: readonly string[];
}

/** What `planScan` needs; regions are already resolved (`--regions all` is listed per account first). */
export interface PlanScanOptions {
  /** The accounts, in order. */
  targets: readonly PlanTarget[];
  /** Regions for targets that carry none. */
  regions: readonly string[];
  /** Services to scan (`--services`); omitted means every service that has a collector. */
  services?: readonly ScanService[];
  /** The collectors available. */
  collectors: readonly Collector[];
}

/** Position of each service in SCAN_SERVICES: units are planned in that order. */
const ORDER = new Map(SCAN_SERVICES.map((service, index) => [service, index]));

/** The unit id of `service` in `region` of `accountId`. */
export function unitId(accountId: string, region: string, service: ScanService): string {
  return `${accountId}/${region}/${service}`;
}

/** The selected collectors, one per service, in planning order. */
export function selectCollectors(
  collectors: readonly Collector[],
  services?: readonly ScanService[],
): Collector[] {
  const seen = new Set<ScanService>();
  for (const collector of collectors) {
    if (seen.has(collector.service))
      throw new AxiomError(
        'duplicate_collector',
        `Could not plan the scan: two collectors are registered for '${collector.service}'.`,
        { hint: 'This is a bug in Axiom: list each collector once.' },
      );
    seen.add(collector.service);
  }
  const wanted = services === undefined ? undefined : new Set(services);
  return collectors
    .filter((collector) => wanted === undefined || wanted.has(collector.service))
    .sort((a, b) => (ORDER.get(a.service) ?? 0) - (ORDER.get(b.service) ?? 0));
}

/** The regions of a target: its own, else the scan's; each once, in order. */
export function regionsOf(target: PlanTarget, regions: readonly string[]): string[] {
  return [...new Set(target.regions ?? regions)];
}

/**
 * Plans the units: per account, one unit per global collector, then per region one per regional collector,
 * with CloudWatch after EC2, ELBv2 and RDS of its region. Throws an AxiomError when an account is listed twice
 * or a service has two collectors (a caller's bug, not an AWS failure).
 */
export function planScan(options: PlanScanOptions): ScanUnit[] {
  const collectors = selectCollectors(options.collectors, options.services);
  const accounts = new Set<string>();
  const units: ScanUnit[] = [];
  for (const target of options.targets) {
    if (accounts.has(target.accountId))
      throw new AxiomError(
        'duplicate_scan_target',
        `Could not plan the scan: account ${target.accountId} is listed twice.`,
        { hint: 'List each account once in the targets.' },
      );
    accounts.add(target.accountId);
    for (const collector of collectors) {
      if (collector.scope !== 'global') continue;
      units.push(unit(target.accountId, GLOBAL_REGION, collector, []));
    }
    const regional = collectors.filter((collector) => collector.scope === 'regional');
    const present = new Set(regional.map((collector) => collector.service));
    for (const region of regionsOf(target, options.regions)) {
      for (const collector of regional) {
        const after = (RUNS_AFTER[collector.service] ?? [])
          .filter((service) => present.has(service))
          .map((service) => unitId(target.accountId, region, service));
        units.push(unit(target.accountId, region, collector, after));
      }
    }
  }
  return units;
}

function unit(accountId: string, region: string, collector: Collector, after: string[]): ScanUnit {
  return {
    id: unitId(accountId, region, collector.service),
    accountId,
    region,
    service: collector.service,
    collector,
    after,
  };
}
