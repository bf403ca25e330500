/**
 * The live scan as the Action runs it: core's scan engine over this job's accounts, then the rules. Accounts
 * that cannot be reached and reads that are denied come back as coverage gaps, so the report says what it
 * could not see; the step fails only when no account at all could be reached.
 */
import {
  ALL_COLLECTORS,
  ALL_RULES,
  AxiomError,
  type CoverageEntry,
  type CoverageGap,
  evaluateRules,
  type Finding,
  type IamCatalog,
  type NotEvaluated,
  type ReportTarget,
  runScan,
  type ScanService,
} from '../core/index.ts';
import type { AccessTarget, ScanAccess } from './aws-access.ts';

/** What the live scan needs. */
export interface LiveScanOptions {
  /** The accounts and how to connect to them. */
  access: ScanAccess;
  /** Regions, or 'all'. */
  regions: readonly string[] | 'all';
  /** Services; absent means all. */
  services?: readonly ScanService[];
  /** The environment's AWS endpoint override. */
  endpoint?: string;
  /** Attempts per AWS call. */
  maxAttempts?: number;
  /** Axiom's version, for the User-Agent. */
  version: string;
  /** The IAM catalogue the rules use. */
  catalog: IamCatalog;
  /** The clock. */
  clock: () => Date;
  /** Progress lines for the log. */
  log: (line: string) => void;
}

/** What the live scan found. */
export interface LiveScanResult {
  /** The rules' findings (suppressions not yet applied). */
  findings: Finding[];
  /** Reads that were denied, failed or skipped, and accounts that could not be reached. */
  coverage: CoverageGap[];
  /** Rules that could not be evaluated somewhere, for the log. */
  notEvaluated: NotEvaluated[];
  /** The accounts, as the report names them. */
  targets: ReportTarget[];
  /** Accounts that could not be reached. */
  unreachable: number;
  /** AWS calls made. */
  apiCalls: number;
  /** Milliseconds the scan took. */
  durationMs: number;
}

function coverageGap(entry: CoverageEntry): CoverageGap {
  return {
    account: entry.accountId,
    region: entry.region,
    service: entry.service,
    operation: entry.operation,
    status: entry.status === 'ok' ? 'error' : entry.status,
    detail: entry.detail ?? '',
  };
}

function describeTarget(target: AccessTarget, regions: readonly string[]): ReportTarget {
  const named = target.name && target.name !== target.accountId ? ` (${target.name})` : '';
  const report: ReportTarget = {
    description: `AWS account ${target.accountId}${named}`,
    accountId: target.accountId,
  };
  if (regions.length > 0) report.regions = [...regions];
  return report;
}

/** Scans this job's accounts and evaluates the rules; see the module comment. */
export async function runLiveScan(options: LiveScanOptions): Promise<LiveScanResult> {
  const { access } = options;
  const unreachable = new Set<string>();
  let lastLogged = 0;
  const services = options.services;
  const inventory = await runScan<AccessTarget>({
    targets: access.targets,
    async connect(target) {
      try {
        return await access.connect(target);
      } catch (error) {
        unreachable.add(target.accountId);
        throw error;
      }
    },
    collectors: ALL_COLLECTORS,
    regions: options.regions,
    ...(services === undefined ? {} : { services, includeCostExplorer: services.includes('ce') }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    axiomVersion: options.version,
    clock: options.clock,
    onProgress(progress) {
      // A line every tenth of the way, not one per unit: hundreds of accounts make thousands of units.
      const tenth = Math.floor((progress.done * 10) / Math.max(progress.total, 1));
      if (tenth > lastLogged || progress.done === progress.total) {
        lastLogged = tenth;
        options.log(`Live scan: ${progress.done} of ${progress.total} units done`);
      }
    },
  });
  access.dropAll();
  if (access.targets.length > 0 && unreachable.size === access.targets.length) {
    const detail = inventory.coverage.find(
      (entry) => entry.operation === '*' && entry.status === 'error',
    )?.detail;
    throw new AxiomError(
      'scan_no_account_reached',
      `Could not reach any of the ${access.targets.length} account(s) to scan${detail ? `: ${detail}` : '.'}`,
      {
        hint: "Check each role's trust policy; `axiom onboard --format trust --github-repo OWNER/REPO` prints one.",
      },
    );
  }
  const evaluation = evaluateRules(inventory, ALL_RULES, { now: options.clock(), catalog: options.catalog });
  const byAccount = new Map(inventory.accounts.map((account) => [account.accountId, account.regions]));
  return {
    findings: evaluation.findings,
    coverage: inventory.coverage.filter((entry) => entry.status !== 'ok').map(coverageGap),
    notEvaluated: evaluation.notEvaluated,
    targets: access.targets.map((target) => describeTarget(target, byAccount.get(target.accountId) ?? [])),
    unreachable: unreachable.size,
    apiCalls: inventory.stats.apiCalls.total,
    durationMs: inventory.stats.durationMs,
  };
}
