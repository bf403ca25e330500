/**
 * One account of a live scan: connect once, list the enabled regions when asked for all, run the account's
 * units in the scan's shared pool, and drop the session when they are done. Every failure becomes coverage.
 */
import type { ClientSettings, CredentialSource } from '../aws/client-factory.ts';
import { diagnoseAssumeFailure } from '../connect/diagnosis.ts';
import { AxiomError, describeError } from '../errors.ts';
import type { Collector } from './collector.ts';
import type { ConcurrencyLimit } from './concurrency-limit.ts';
import { homeRegionOf, listEnabledRegions } from './enabled-regions.ts';
import type { AccountInventory, CoverageEntry, ScanService } from './inventory.ts';
import { GLOBAL_REGION, planScan, type ScanUnit, START_ORDER } from './plan.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { coverageStatusOf, runUnit, type UnitEnvironment, type UnitOutcome } from './run-unit.ts';
import type { Sleep } from './scan-time.ts';

/** An account to scan. `Target` from connect/targets.ts is one. */
export interface ScanTarget {
  /** The account id. */
  accountId: string;
  /** Display name, e.g. 'prod'. */
  name?: string;
  /** The partition ('aws', 'aws-cn', 'aws-us-gov'); default 'aws'. */
  partition?: string;
  /** Its own regions, overriding the scan's. */
  regions?: readonly string[];
  /** The role assumed in it, named in connection failures. */
  roleArn?: string;
}

/** Credentials for one account, and a way to forget them. `Session` from connect/session.ts is one. */
export interface ScanSession {
  /** The credentials (a provider that refreshes, or static keys). */
  credentials: CredentialSource;
  /** Forgets the credentials; called once the account's units have finished. */
  drop(): void;
}

/** How a unit ended, as progress reports it: 'not-connected' when its account could not be reached. */
export type ProgressOutcome = UnitOutcome | 'not-connected';

/** What every account of a scan shares. */
export interface AccountScanShared<T extends ScanTarget> {
  /** Obtains the account's credentials. */
  connect: (target: T) => Promise<ScanSession>;
  /** The selected collectors, in planning order. */
  collectors: readonly Collector[];
  /** The services the scan covers (selected, Cost Explorer only when included). */
  services: readonly ScanService[];
  /** Regions for targets without their own; undefined for `--regions all`. */
  regions: readonly string[] | undefined;
  /** Home region override. */
  homeRegion: string | undefined;
  /** Client settings without region, credentials and hook. */
  settings: Omit<ClientSettings, 'region' | 'beforeSend' | 'credentials'>;
  /** The scan's rate limiter. */
  limiter: RateLimiter;
  /** The scan's start. */
  startedAt: Date;
  /** Whether Cost Explorer was asked for. */
  includeCostExplorer: boolean;
  /** Unit deadline in milliseconds. */
  deadlineMs: number;
  /** Waits. */
  sleep: Sleep;
  /** The pool every unit of every account runs in. */
  pool: ConcurrencyLimit;
  /** The scan's cancellation. */
  signal: AbortSignal | undefined;
  /** Receives coverage entries. */
  cover(entry: CoverageEntry): void;
  /** Told when units become known after `--regions all` is resolved. */
  planned(count: number): void;
  /** Told when a unit finishes. */
  finished(unit: ScanUnit, outcome: ProgressOutcome): void;
}

/** Why an account could not be reached, in plain language. */
function connectFailure(target: ScanTarget, error: unknown): string {
  if (target.roleArn === undefined)
    return `could not obtain credentials for account ${target.accountId}: ${describeError(error)}`;
  const diagnosis = diagnoseAssumeFailure(error, target.roleArn);
  return `could not connect to account ${target.accountId}: ${diagnosis.title}. ${diagnosis.explanation} Fix: ${diagnosis.fix}`;
}

/** Scans one account; see the file comment. Never throws for AWS failures. */
export async function scanAccount<T extends ScanTarget>(
  target: T,
  shared: AccountScanShared<T>,
): Promise<AccountInventory> {
  const { accountId } = target;
  const homeRegion = shared.homeRegion ?? homeRegionOf(target.partition);
  const known = target.regions ?? shared.regions;
  const account: AccountInventory = {
    accountId,
    partition: target.partition ?? 'aws',
    regions: known === undefined ? [] : [...new Set(known)],
    services: [...shared.services],
    regional: {},
  };
  if (target.name !== undefined) account.name = target.name;
  const plan = (): ScanUnit[] =>
    planScan({
      targets: [{ accountId, regions: account.regions }],
      regions: [],
      collectors: shared.collectors,
    });

  let session: ScanSession;
  try {
    // A cancelled scan assumes no more roles: connecting is itself a call to AWS.
    if (shared.signal?.aborted) throw new AxiomError('scan_cancelled', 'the scan was cancelled');
    session = await shared.connect(target);
  } catch (error) {
    const detail = shared.signal?.aborted
      ? 'not scanned: the scan was cancelled before this account was connected'
      : connectFailure(target, error);
    const status = shared.signal?.aborted ? 'skipped' : 'error';
    for (const unit of plan()) {
      shared.cover({
        accountId,
        region: unit.region,
        service: unit.service,
        operation: '*',
        status,
        detail,
      });
      shared.finished(unit, 'not-connected');
    }
    // The regions were never listed: one entry per regional service stands for all of them ('*').
    if (known === undefined)
      for (const collector of shared.collectors.filter((item) => item.scope === 'regional'))
        shared.cover({
          accountId,
          region: '*',
          service: collector.service,
          operation: '*',
          status,
          detail,
        });
    coverMissingCollectors(account, shared);
    return account;
  }

  try {
    const settings = { ...shared.settings, credentials: session.credentials };
    if (known === undefined && shared.collectors.some((collector) => collector.scope === 'regional')) {
      account.regions = await enabledRegions(accountId, homeRegion, settings, shared);
      shared.planned(plan().filter((unit) => unit.region !== GLOBAL_REGION).length);
    }
    coverMissingCollectors(account, shared);
    // Region slots in the account's region order, whichever region's units happen to start first.
    if (shared.collectors.some((collector) => collector.scope === 'regional'))
      for (const region of account.regions) account.regional[region] ??= {};
    const environment: UnitEnvironment = {
      account,
      regions: account.regions,
      homeRegion,
      settings,
      limiter: shared.limiter,
      now: shared.startedAt,
      includeCostExplorer: shared.includeCostExplorer,
      deadlineMs: shared.deadlineMs,
      sleep: shared.sleep,
      ...(shared.signal === undefined ? {} : { signal: shared.signal }),
    };
    await runUnits(plan(), environment, shared);
  } finally {
    session.drop();
  }
  return account;
}

/** A service asked for that has no collector (a partial build) is a gap in every scope, not a silent pass. */
function coverMissingCollectors<T extends ScanTarget>(
  account: AccountInventory,
  shared: AccountScanShared<T>,
): void {
  for (const service of shared.services) {
    if (shared.collectors.some((collector) => collector.service === service)) continue;
    for (const region of [GLOBAL_REGION, ...account.regions])
      shared.cover({
        accountId: account.accountId,
        region,
        service,
        operation: '*',
        status: 'skipped',
        detail: `this build of Axiom has no ${service} collector`,
      });
  }
}

/** ec2:DescribeRegions for `--regions all`; when it fails, coverage says so and the home region is scanned. */
async function enabledRegions<T extends ScanTarget>(
  accountId: string,
  homeRegion: string,
  settings: Omit<ClientSettings, 'region'>,
  shared: AccountScanShared<T>,
): Promise<string[]> {
  const entry = { accountId, region: GLOBAL_REGION, service: 'ec2' as const, operation: 'DescribeRegions' };
  try {
    const regions = await listEnabledRegions({
      ...settings,
      region: homeRegion,
      beforeSend: (operation, signal) =>
        shared.limiter.take({ accountId, region: homeRegion, operation }, signal),
    });
    shared.cover({ ...entry, status: 'ok' });
    return regions;
  } catch (error) {
    const { status, detail } = coverageStatusOf(error);
    shared.cover({
      ...entry,
      status,
      detail: `${detail} (could not list the enabled regions, so only ${homeRegion} was scanned)`,
    });
    return [homeRegion];
  }
}

/** Where a unit starts: by START_ORDER's service rank, then in plan order (stable sort). */
function startRank(unit: ScanUnit): number {
  const rank = START_ORDER.indexOf(unit.service);
  return rank === -1 ? START_ORDER.length : rank;
}

/**
 * Runs an account's units in the shared pool, started in START_ORDER; a unit waits for those it runs after
 * without holding a slot, and once they are done it goes ahead of units still waiting (it is the end of a chain).
 */
async function runUnits<T extends ScanTarget>(
  plan: readonly ScanUnit[],
  environment: UnitEnvironment,
  shared: AccountScanShared<T>,
): Promise<void> {
  const byId = new Map(plan.map((unit) => [unit.id, unit]));
  const started = new Map<string, Promise<void>>();
  const start = (unit: ScanUnit): Promise<void> => {
    let promise = started.get(unit.id);
    if (promise === undefined) {
      const before = unit.after.flatMap((id) => {
        const dependency = byId.get(id);
        return dependency ? [start(dependency)] : [];
      });
      const run = () =>
        shared.pool.run(
          async () => {
            const result = await runUnit(unit, environment);
            for (const entry of result.coverage) shared.cover(entry);
            shared.finished(unit, result.outcome);
          },
          before.length > 0 ? 1 : 0,
        );
      promise = before.length > 0 ? Promise.all(before).then(run) : run();
      started.set(unit.id, promise);
    }
    return promise;
  };
  const order = [...plan].sort((a, b) => startRank(a) - startRank(b));
  await Promise.all(order.map(start));
}
