/**
 * Runs one unit: builds the collector's context (clients through the factory with the unit's credentials and
 * rate limits, coverage recording, the deadline's abort signal), stages its writes, and turns whatever happens
 * (AWS failures, a collector bug, the deadline) into coverage entries. Never throws.
 */
import { classifyAwsError } from '../aws/aws-error.ts';
import { type ClientSettings, createClient, type SdkClientClass } from '../aws/client-factory.ts';
import { AxiomError, describeError } from '../errors.ts';
import type { CollectorContext } from './collector.ts';
import type { AccountInventory, CoverageEntry, CoverageStatus } from './inventory.ts';
import { GLOBAL_REGION, type ScanUnit } from './plan.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Sleep } from './scan-time.ts';
import { stageTarget } from './staged-target.ts';

/** What every unit of an account shares. */
export interface UnitEnvironment {
  /** The account's inventory, written through staging. */
  account: AccountInventory;
  /** The account's regions. */
  regions: readonly string[];
  /** Where global units' clients go (IAM, S3's bucket list, Cost Explorer). */
  homeRegion: string;
  /** Client settings without region and hook: credentials, endpoint, attempts, counter, User-Agent. */
  settings: Omit<ClientSettings, 'region' | 'beforeSend'>;
  /** The scan's rate limiter. */
  limiter: RateLimiter;
  /** The scan's start, the collectors' `now`. */
  now: Date;
  /** Whether Cost Explorer was asked for. */
  includeCostExplorer: boolean;
  /** Milliseconds a unit may run before it is stopped. */
  deadlineMs: number;
  /** Waits (the deadline's timer). */
  sleep: Sleep;
  /** The scan's cancellation: once aborted, units not started are skipped and running ones stopped. */
  signal?: AbortSignal;
}

/** How a unit ended. */
export type UnitOutcome =
  /** The collector returned (some operations may still have been denied or failed: see coverage). */
  | 'done'
  /** The collector threw: a bug in Axiom, recorded as an 'error' entry for the whole service. */
  | 'failed'
  /** The deadline passed; what was collected by then is kept. */
  | 'deadline'
  /** The scan was cancelled before the unit finished (or started). */
  | 'cancelled';

/** What a unit produced besides its inventory writes. */
export interface UnitResult {
  outcome: UnitOutcome;
  /** Its coverage entries, in the order recorded. */
  coverage: CoverageEntry[];
}

/** The status a failed operation gets in coverage. */
export function coverageStatusOf(error: unknown): { status: CoverageStatus; detail: string } {
  const failure = classifyAwsError(error);
  const status: CoverageStatus =
    failure.kind === 'denied' ? 'denied' : failure.kind === 'unimplemented' ? 'skipped' : 'error';
  return { status, detail: failure.message ? `${failure.code}: ${failure.message}` : failure.code };
}

/** Runs `unit` with its deadline; see the file comment. */
export async function runUnit(unit: ScanUnit, env: UnitEnvironment): Promise<UnitResult> {
  const { account } = env;
  if (env.signal?.aborted)
    return {
      outcome: 'cancelled',
      coverage: [
        {
          accountId: account.accountId,
          region: unit.region,
          service: unit.service,
          operation: '*',
          status: 'skipped',
          detail: 'not scanned: the scan was cancelled before this unit started',
        },
      ],
    };
  const global = unit.region === GLOBAL_REGION;
  const clientRegion = global ? env.homeRegion : unit.region;
  const controller = new AbortController();
  const coverage: CoverageEntry[] = [];
  // Once sealed, a collector still running past its deadline can neither record coverage nor reach the
  // inventory (its writes stay in the staging copies), and its calls fail before they are sent.
  let sealed = false;
  const staged = stageTarget(account, global ? undefined : unit.region);
  const clients = new Map<string, unknown>();

  function record(operation: string, status: CoverageStatus, detail?: string, region?: string): void {
    if (sealed) return;
    const entry: CoverageEntry = {
      accountId: account.accountId,
      region: region ?? unit.region,
      service: unit.service,
      operation,
      status,
    };
    if (detail !== undefined) entry.detail = detail;
    coverage.push(entry);
  }

  function settingsFor(region: string): ClientSettings {
    return {
      ...env.settings,
      region,
      beforeSend: (operation, signal) =>
        env.limiter.take(
          { accountId: account.accountId, region, operation },
          signal === undefined || signal === controller.signal
            ? controller.signal
            : AbortSignal.any([signal, controller.signal]),
        ),
    };
  }

  // Time granted by `extendDeadline` not yet added to the deadline's timer, and all time granted so far.
  let pendingMs = 0;
  let grantedMs = 0;
  const context: CollectorContext = {
    accountId: account.accountId,
    region: clientRegion,
    regions: env.regions,
    settings: settingsFor(clientRegion),
    signal: controller.signal,
    now: new Date(env.now.getTime()),
    options: { includeCostExplorer: env.includeCostExplorer },
    client<C>(ClientClass: SdkClientClass<C>, region?: string): C {
      const where = region ?? clientRegion;
      const key = `${ClientClass.name}@${where}`;
      let client = clients.get(key);
      if (client === undefined) {
        // The factory's structural bound on C cannot be stated through the contract's unconstrained `client<C>`.
        const build = createClient as unknown as (Class: SdkClientClass<C>, settings: ClientSettings) => C;
        client = build(ClientClass, settingsFor(where));
        clients.set(key, client);
      }
      return client as C;
    },
    async attempt(operation, run, options) {
      try {
        const result = await run();
        record(operation, 'ok', undefined, options?.region);
        return result;
      } catch (error) {
        const { status, detail } = coverageStatusOf(error);
        record(operation, status, detail, options?.region);
        return undefined;
      }
    },
    cover(operation, status, detail, region) {
      record(operation, status, detail, region);
    },
    extendDeadline(ms) {
      if (sealed || !(Number.isFinite(ms) && ms > 0)) return;
      pendingMs += ms;
      grantedMs += ms;
    },
  };

  const timer = new AbortController();
  // A sleep that fails for any other reason than its cancellation below sets no deadline rather than an instant one.
  const deadline = (async () => {
    // When the timer runs out, time granted meanwhile is waited for in turn before the unit is stopped.
    let wait = env.deadlineMs;
    for (;;) {
      await env.sleep(wait, timer.signal);
      if (pendingMs <= 0) return 'deadline' as const;
      wait = pendingMs;
      pendingMs = 0;
    }
  })().catch(() => new Promise<never>(() => {}));
  const cancelled = new Promise<'cancelled'>((resolve) =>
    // Removed with the deadline timer, so a long-lived scan signal does not collect one listener per unit.
    env.signal?.addEventListener('abort', () => resolve('cancelled'), { once: true, signal: timer.signal }),
  );
  const work = Promise.resolve()
    .then(() => unit.collector.collect(context, staged.target))
    .then(
      () => ({ error: undefined }),
      (error: unknown) => ({ error: error ?? new Error('collector failed') }),
    );
  const first = await Promise.race([work, deadline, cancelled]);
  timer.abort();

  let outcome: UnitOutcome;
  const seconds = Math.round((env.deadlineMs + grantedMs) / 100) / 10;
  if (first === 'deadline' || first === 'cancelled') {
    outcome = first;
    staged.commit(true);
    record(
      '*',
      'error',
      first === 'deadline'
        ? `deadline exceeded: the ${unit.service} scan did not finish within ${seconds} s and was stopped; what it had collected by then is kept`
        : `cancelled: the scan was stopped before the ${unit.service} scan finished; what it had collected by then is kept`,
    );
    sealed = true;
    controller.abort(
      first === 'deadline'
        ? new AxiomError(
            'scan_unit_deadline',
            `Stopped the ${unit.service} scan of account ${account.accountId} in ${unit.region}: it did not finish within ${seconds} s.`,
            { hint: 'Raise the unit deadline, or scan fewer regions or services at once.' },
          )
        : new AxiomError('scan_cancelled', 'The scan was cancelled.'),
    );
  } else {
    staged.commit(false);
    outcome = first.error === undefined ? 'done' : 'failed';
    if (first.error !== undefined)
      record(
        '*',
        'error',
        `internal error in Axiom's ${unit.service} collector (please report it): ${describeError(first.error)}`,
      );
    sealed = true;
    controller.abort(
      new AxiomError('scan_unit_finished', `The ${unit.service} scan unit had already finished.`),
    );
  }
  for (const client of clients.values()) (client as { destroy?: () => void }).destroy?.();
  return { outcome, coverage };
}
