import type { ClientSettings, SdkClientClass } from '../aws/client-factory.ts';
import type { SdkClientName } from '../connect/permissions.ts';
import type { AccountInventory, CoverageStatus, RegionInventory, ScanService } from './inventory.ts';

/** An SDK client as collectors use it: built by the factory, so the guard, counter and limiter apply. */
export interface ScanClient {
  send: (command: never, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;
}

/** What one collector run may use. Built by the scan engine per unit (account x region x service). */
export interface CollectorContext {
  /** The account being scanned. */
  accountId: string;
  /** The region of this unit, or the account's home region for global services. */
  region: string;
  /** Every region selected for this account (global collectors such as S3 use it to file buckets). */
  regions: readonly string[];
  /** Builds a client for `region` (default: this unit's) with the unit's credentials and limits. */
  client<C>(ClientClass: SdkClientClass<C>, region?: string): C;
  /** Settings the clients are built from (for collectors that need another client shape). */
  settings: ClientSettings;
  /**
   * Runs one AWS operation (with all its pages) and records a coverage entry: 'ok' on success; 'denied',
   * 'error' or 'skipped' (unimplemented) on failure, which returns undefined instead of throwing.
   */
  attempt<T>(operation: string, run: () => Promise<T>, options?: { region?: string }): Promise<T | undefined>;
  /** Records a coverage entry directly (e.g. a skipped operation). */
  cover(operation: string, status: CoverageStatus, detail?: string, region?: string): void;
  /** Aborts when the unit's deadline passes; pass it to `send` as `abortSignal`. */
  signal: AbortSignal;
  /**
   * Moves the unit's deadline `ms` later, for a collector that learns its size as it goes (S3, once it has listed
   * the buckets): the scan's unit deadline is sized for ordinary units, and must not cut a large account's short.
   */
  extendDeadline(ms: number): void;
  /** The scan's clock. */
  now: Date;
  /** Scan options that collectors honour. */
  options: { includeCostExplorer: boolean };
}

/** Where a collector writes: the account's global slots or one region's slot. */
export interface CollectorTarget {
  account: AccountInventory;
  /** The region slot (for regional collectors). */
  regional: RegionInventory;
}

/** An SDK operation a collector may call, for the catalogue test. */
export interface CollectorOperation {
  client: SdkClientName;
  operation: string;
}

/** One collector per AWS service: a plain object, listed in collectors/index.ts. */
export interface Collector {
  service: ScanService;
  /** 'global' runs once per account (IAM, S3, Cost Explorer); 'regional' once per account and region. */
  scope: 'global' | 'regional';
  /** Every SDK operation it may call; each must be in the permission catalogue. */
  operations: readonly CollectorOperation[];
  /** Collects into `target`; AWS failures go to coverage through `context.attempt`, never thrown. */
  collect(context: CollectorContext, target: CollectorTarget): Promise<void>;
}
