/**
 * The live scan: each account is connected once, its regions listed when asked for all, its units run with
 * bounded concurrency, rate limits and a deadline each (scan-account.ts, run-unit.ts), and the results
 * assembled into the inventory. AWS failures (a role that cannot be assumed, a denied or throttled call, a
 * unit past its deadline) become coverage entries, never exceptions; only a caller's mistake (bad options, an
 * account listed twice) throws, and it does so before any account is contacted.
 */
import { CallCounter } from '../aws/call-counter.ts';
import type { ClientSettings } from '../aws/client-factory.ts';
import { parseEndpointOverride } from '../aws/endpoint-override.ts';
import { AxiomError } from '../errors.ts';
import type { Collector } from './collector.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import {
  type CoverageEntry,
  INVENTORY_SCHEMA_VERSION,
  type Inventory,
  SCAN_SERVICES,
  type ScanService,
} from './inventory.ts';
import { GLOBAL_REGION, planScan, type ScanUnit, selectCollectors } from './plan.ts';
import { RateLimiter } from './rate-limiter.ts';
import { type RateLimitOverrides, resolveRateLimits } from './rate-limits.ts';
import { type ProgressOutcome, type ScanSession, type ScanTarget, scanAccount } from './scan-account.ts';
import { type ScanClock, type Sleep, systemClock, systemSleep } from './scan-time.ts';

/**
 * Default number of units in flight at once. Most units are chains of round trips that hold a slot while they
 * wait (paginated lists, S3's bucket reads), and the rate limiter protects each account, region and API whatever
 * the count. At 8, short units queued behind long chains while the event loop sat idle (bench:scan: idle for 15%
 * of the scan at 30 ms per call, 7% at 16; at 100 ms per call 16 took 7% off the wall time); beyond 16 the bench
 * gained nothing.
 */
export const DEFAULT_SCAN_CONCURRENCY = 16;
/** Default time a unit may run before it is stopped: two minutes. */
export const DEFAULT_UNIT_DEADLINE_MS = 120_000;

/** One step of progress: a unit finished. */
export interface ScanProgress {
  /** Units finished so far. */
  done: number;
  /**
   * Units planned so far. It grows while accounts scanned with `--regions all` have their regions listed, since
   * their regional units are only known then.
   */
  total: number;
  /** The unit that finished. */
  unit: ScanUnit;
  /** How it ended. */
  outcome: ProgressOutcome;
}

/** What `runScan` needs. I/O comes in through `connect`, the clock, the sleep and the settings. */
export interface RunScanOptions<T extends ScanTarget> {
  /** The accounts, in the order the inventory lists them. */
  targets: readonly T[];
  /** Obtains credentials for an account (assume its role, or the ambient chain); may throw. */
  connect: (target: T) => Promise<ScanSession>;
  /** The collectors (`ALL_COLLECTORS` in production). */
  collectors: readonly Collector[];
  /** Regions for targets that carry none, or 'all' for every region enabled in each account. */
  regions: readonly string[] | 'all';
  /** Services to scan; omitted means all. */
  services?: readonly ScanService[];
  /** Also read Cost Explorer, which AWS bills per request. Default false: the 'ce' service is left out. */
  includeCostExplorer?: boolean;
  /** Units in flight at once, across accounts. Default DEFAULT_SCAN_CONCURRENCY (16). */
  concurrency?: number;
  /** Accounts connected at once (each holds live credentials until its units finish). Default `concurrency`. */
  accountConcurrency?: number;
  /** Milliseconds a unit may run before it is stopped and recorded as an error. Default 120 000. */
  unitDeadlineMs?: number;
  /** Endpoint override (AWS_ENDPOINT_URL). */
  endpoint?: string;
  /** Maximum attempts per call, retries included. Default the factory's. */
  maxAttempts?: number;
  /** Test hook passed to every client (see ClientSettings.requestHandler). */
  requestHandler?: unknown;
  /** Axiom's version, for the User-Agent and the inventory's `tool`. */
  axiomVersion?: string;
  /** Region for global services and region listing; default the partition's (us-east-1 for 'aws'). */
  homeRegion?: string;
  /** Rate limit overrides per API family. */
  rateLimits?: RateLimitOverrides;
  /** The clock. */
  clock?: ScanClock;
  /** Waits (rate limits, deadlines). */
  sleep?: Sleep;
  /** Called after each unit. */
  onProgress?: (progress: ScanProgress) => void;
  /** Call statistics; the inventory's stats come from it. Default a fresh counter. */
  callCounter?: CallCounter;
  /**
   * Cancels the scan: no more roles are assumed and no unit starts, running units are stopped (their requests
   * aborted), sessions are dropped, and then `runScan` rejects with an AxiomError 'scan_cancelled' (a partial
   * inventory is never returned as if it were whole).
   */
  signal?: AbortSignal;
}

function wholeNumber(name: string, value: number): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new AxiomError(
    'invalid_scan_options',
    `Could not start the scan: ${name} must be a positive whole number, not ${value}.`,
    { hint: `Check the value given for ${name}.` },
  );
}

/** The services a scan covers: those asked for, Cost Explorer only when it is included. */
function effectiveServices(
  services: readonly ScanService[] | undefined,
  includeCostExplorer: boolean,
): ScanService[] {
  const asked = services ?? SCAN_SERVICES;
  return SCAN_SERVICES.filter(
    (service) => asked.includes(service) && (service !== 'ce' || includeCostExplorer),
  );
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Coverage order: account, the global scope before regions, service order, then operation. */
function compareCoverage(a: CoverageEntry, b: CoverageEntry): number {
  const region = (entry: CoverageEntry): string => (entry.region === GLOBAL_REGION ? '' : entry.region);
  return (
    byText(a.accountId, b.accountId) ||
    byText(region(a), region(b)) ||
    SCAN_SERVICES.indexOf(a.service) - SCAN_SERVICES.indexOf(b.service) ||
    byText(a.operation, b.operation)
  );
}

/** Runs a live scan and returns its inventory; see the file comment. */
export async function runScan<T extends ScanTarget>(options: RunScanOptions<T>): Promise<Inventory> {
  const clock = options.clock ?? systemClock;
  const concurrency = wholeNumber('concurrency', options.concurrency ?? DEFAULT_SCAN_CONCURRENCY);
  const accountConcurrency = wholeNumber('accountConcurrency', options.accountConcurrency ?? concurrency);
  const deadlineMs = wholeNumber('unitDeadlineMs', options.unitDeadlineMs ?? DEFAULT_UNIT_DEADLINE_MS);
  const includeCostExplorer = options.includeCostExplorer === true;
  const services = effectiveServices(options.services, includeCostExplorer);
  const collectors = selectCollectors(options.collectors, services);
  const regions = options.regions === 'all' ? undefined : options.regions;
  const counter = options.callCounter ?? new CallCounter();
  const sleep = options.sleep ?? systemSleep;
  const limiter = new RateLimiter({ limits: resolveRateLimits(options.rateLimits), clock, sleep });

  // Planned up front, so a caller's mistake throws before any account is contacted and progress knows its
  // total (the regional units of `--regions all` accounts are added once their regions are listed).
  let total = planScan({
    targets: options.targets.map((target) => ({
      accountId: target.accountId,
      regions: target.regions ?? regions ?? [],
    })),
    regions: [],
    collectors,
  }).length;
  let done = 0;
  let progressFailure: { error: unknown } | undefined;
  const coverage: CoverageEntry[] = [];
  const settings: Omit<ClientSettings, 'region' | 'beforeSend' | 'credentials'> = { callCounter: counter };
  // Checked here, where a bad value is the caller's mistake, rather than inside every unit's first client.
  if (options.endpoint !== undefined) {
    parseEndpointOverride(options.endpoint);
    settings.endpoint = options.endpoint;
  }
  if (options.maxAttempts !== undefined)
    settings.maxAttempts = wholeNumber('maxAttempts', options.maxAttempts);
  if (options.requestHandler !== undefined) settings.requestHandler = options.requestHandler;
  if (options.axiomVersion !== undefined) settings.axiomVersion = options.axiomVersion;

  const startedAt = clock();
  const accountsLimit = createConcurrencyLimit(accountConcurrency);
  const shared = {
    connect: options.connect,
    collectors,
    services,
    regions,
    homeRegion: options.homeRegion,
    settings,
    limiter,
    startedAt,
    includeCostExplorer,
    deadlineMs,
    sleep,
    pool: createConcurrencyLimit(concurrency),
    signal: options.signal,
    cover: (entry: CoverageEntry) => coverage.push(entry),
    planned: (count: number) => {
      total += count;
    },
    finished: (unit: ScanUnit, outcome: ProgressOutcome) => {
      done += 1;
      if (options.onProgress === undefined || progressFailure !== undefined) return;
      try {
        options.onProgress({ done, total, unit, outcome });
      } catch (error) {
        // A failing progress display must not leave sessions undropped: it is rethrown when the scan is over.
        progressFailure = { error };
      }
    },
  };
  const accounts = await Promise.all(
    options.targets.map((target) => accountsLimit.run(() => scanAccount(target, shared))),
  );
  const finishedAt = clock();
  if (progressFailure !== undefined) throw progressFailure.error;
  if (options.signal?.aborted)
    throw new AxiomError(
      'scan_cancelled',
      'The scan was cancelled before it finished; no inventory was made.',
      {
        cause: options.signal.reason,
      },
    );
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    tool: { name: 'axiom', version: options.axiomVersion ?? 'unknown' },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    accounts,
    coverage: coverage.sort(compareCoverage),
    stats: {
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      apiCalls: { total: counter.totalCalls, byOperation: counter.snapshot() },
    },
  };
}
