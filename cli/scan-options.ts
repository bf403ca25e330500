/**
 * `axiom scan`'s flags, parsed once into a typed object before anything is read or any AWS call is made, so
 * every usage mistake is one clear line and exit 2.
 */
import {
  PARTITIONS,
  parseEndpointOverride,
  parseScanServices,
  parseSeverity,
  regionProblem,
  type ScanService,
  type SeverityThreshold,
} from '../core/index.ts';
import type { AwsEnvironment } from './aws-env.ts';
import { listOption, type OptionValues, stringOption } from './command.ts';
import { UsageError } from './context.ts';
import { SCAN_FORMATS, type ScanFormat } from './scan-render.ts';
import { type LiveTarget, readTargets, roleTarget } from './scan-targets.ts';

/** Most units in flight `--concurrency` accepts: beyond it only throttling grows. */
export const MAX_SCAN_CONCURRENCY = 64;

/** What a live scan reaches and reads. */
export interface LiveScanOptions {
  /** A live scan. */
  kind: 'live';
  /** The role targets, or undefined for the ambient credentials' own account. */
  targets: LiveTarget[] | undefined;
  /** Regions for targets without their own, or 'all' for every enabled region. */
  regions: string[] | 'all';
  /** `--services`; undefined means all. */
  services: ScanService[] | undefined;
  /** `--include-cost`: read Cost Explorer (billed per request). */
  includeCost: boolean;
  /** `--concurrency`. */
  concurrency: number | undefined;
  /** `--save-inventory FILE`. */
  saveInventory: string | undefined;
}

/** An offline re-run of the rules on a saved inventory. */
export interface OfflineScanOptions {
  /** Offline. */
  kind: 'inventory';
  /** `--inventory FILE`. */
  file: string;
}

/** Every `axiom scan` option, checked. */
export interface ScanOptions {
  /** Live or offline. */
  source: LiveScanOptions | OfflineScanOptions;
  /** `--format`. */
  format: ScanFormat;
  /** `--output FILE`; undefined writes to stdout. */
  output: string | undefined;
  /** `--fail-on`; undefined defers to the config file, then 'high'. */
  failOn: SeverityThreshold | undefined;
  /** `--config FILE`; undefined looks for .axiom.yml in the working directory. */
  config: string | undefined;
}

/** Flags that only a live scan uses, refused with `--inventory`. */
const LIVE_ONLY = [
  'role-arn',
  'external-id',
  'targets',
  'regions',
  'services',
  'include-cost',
  'concurrency',
  'save-inventory',
] as const;

function parseFormat(values: OptionValues): ScanFormat {
  const format = stringOption(values, 'format') ?? 'text';
  const known = SCAN_FORMATS.find((candidate) => candidate === format);
  if (known === undefined)
    throw new UsageError(`--format must be one of ${SCAN_FORMATS.join(', ')}, not '${format}'`);
  return known;
}

function parseFailOn(values: OptionValues): SeverityThreshold | undefined {
  const value = stringOption(values, 'fail-on');
  if (value === undefined) return undefined;
  try {
    return parseSeverity(value);
  } catch {
    throw new UsageError(
      `--fail-on must be critical, high, medium, low, info or none, not '${value}' ('none' never fails on findings)`,
    );
  }
}

function parseConcurrency(values: OptionValues): number | undefined {
  const value = stringOption(values, 'concurrency');
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > MAX_SCAN_CONCURRENCY)
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_SCAN_CONCURRENCY}, not '${value}'`,
    );
  return number;
}

function parseServices(values: OptionValues, includeCost: boolean): ScanService[] | undefined {
  const value = stringOption(values, 'services');
  if (value === undefined) return undefined;
  const parsed = parseScanServices(value);
  if (!parsed.ok) throw new UsageError(`--services: ${parsed.errors.join('; ')}`);
  if (parsed.services.includes('ce') && !includeCost)
    throw new UsageError(
      '--services ce needs --include-cost: AWS bills each Cost Explorer request, so it is read only when asked for',
    );
  return parsed.services;
}

/** The targets' regions: 'all', or a list checked against each target's partition. */
function parseRegions(
  values: OptionValues,
  aws: AwsEnvironment,
  targets: LiveTarget[] | undefined,
): string[] | 'all' {
  const given = stringOption(values, 'regions');
  if (given?.trim().toLowerCase() === 'all') return 'all';
  const envProblem = regionProblem(aws.region);
  if (given === undefined && envProblem !== undefined)
    throw new UsageError(`${aws.regionVariable ?? 'the default region'}: ${envProblem}`);
  const regions = listOption(values, 'regions') ?? [aws.region];
  if (regions.length === 0)
    throw new UsageError("--regions is empty: give regions like us-east-1,eu-west-1, or 'all'");
  const partitions = new Set(
    (targets ?? []).flatMap((target) => PARTITIONS.filter((partition) => partition === target.partition)),
  );
  for (const region of regions) {
    const problems =
      partitions.size === 0
        ? [regionProblem(region)]
        : [...partitions].map((partition) => regionProblem(region, partition));
    const problem = problems.find((item) => item !== undefined);
    if (problem !== undefined) throw new UsageError(`--regions: ${problem}`);
  }
  return [...new Set(regions)];
}

function parseLive(values: OptionValues, aws: AwsEnvironment, cwd: string): LiveScanOptions {
  const roleArn = stringOption(values, 'role-arn');
  const externalId = stringOption(values, 'external-id');
  const targetList = stringOption(values, 'targets');
  if (roleArn !== undefined && targetList !== undefined)
    throw new UsageError('give either --role-arn (one account) or --targets (a list of accounts), not both');
  if (externalId !== undefined && roleArn === undefined)
    throw new UsageError(
      targetList === undefined
        ? '--external-id goes with --role-arn: the role whose trust policy requires it'
        : '--external-id goes with --role-arn; in a --targets list, give each role its "external_id"',
    );
  if (aws.endpoint !== undefined) {
    try {
      parseEndpointOverride(aws.endpoint);
    } catch {
      throw new UsageError(
        `AWS_ENDPOINT_URL '${aws.endpoint}' is not an absolute http(s) URL such as http://127.0.0.1:4566`,
      );
    }
  }
  const targets =
    roleArn !== undefined
      ? [roleTarget(roleArn, externalId)]
      : targetList !== undefined
        ? readTargets(targetList, cwd)
        : undefined;
  const includeCost = values['include-cost'] === true;
  return {
    kind: 'live',
    targets,
    regions: parseRegions(values, aws, targets),
    services: parseServices(values, includeCost),
    includeCost,
    concurrency: parseConcurrency(values),
    saveInventory: stringOption(values, 'save-inventory'),
  };
}

/** Parses and checks every flag (see the file comment); throws UsageError for the first mistake. */
export function parseScanOptions(values: OptionValues, aws: AwsEnvironment, cwd: string): ScanOptions {
  const format = parseFormat(values);
  const failOn = parseFailOn(values);
  const inventory = stringOption(values, 'inventory');
  const common = {
    format,
    failOn,
    output: stringOption(values, 'output'),
    config: stringOption(values, 'config'),
  };
  if (inventory === undefined) return { ...common, source: parseLive(values, aws, cwd) };
  const live = LIVE_ONLY.find((name) => values[name] !== undefined);
  if (live !== undefined)
    throw new UsageError(
      `--${live} is for live scans; --inventory re-runs the rules on a saved scan without calling AWS`,
    );
  return { ...common, source: { kind: 'inventory', file: inventory } };
}
