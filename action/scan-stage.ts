/**
 * The live scan stage: this job's slice of the targets (with `shard`), connected to and scanned. A role that
 * cannot be assumed is a failure with its diagnosis; an unreachable target among others is a coverage gap.
 */
import { describeError, type IamCatalog, isAxiomError, sanitizeSessionName } from '../core/index.ts';
import { prepareScanAccess, type ScanAccess } from './aws-access.ts';
import type { ActionInputs } from './inputs.ts';
import { type LiveScanResult, runLiveScan } from './live-scan.ts';
import type { RunContext } from './run-context.ts';
import { shardSlice } from './shard.ts';
import type { Toolkit } from './toolkit.ts';

/** What the scan stage needs. */
export interface ScanStageOptions {
  /** The inputs. */
  inputs: ActionInputs;
  /** The run. */
  run: RunContext;
  /** The runner. */
  toolkit: Toolkit;
  /** The IAM catalogue for the rules. */
  catalog: IamCatalog;
  /** Axiom's version. */
  version: string;
  /** The clock. */
  clock: () => Date;
  /** Waits between OIDC retries. */
  sleep: (ms: number) => Promise<void>;
  /** Jitter. */
  random: () => number;
}

/** The scan's result, nothing when this job has no account to scan, or the failure message. */
export type ScanStageResult =
  | { status: 'scanned'; live: LiveScanResult }
  | { status: 'nothing-to-scan' }
  | { status: 'error'; message: string };

/** Connects and scans this job's accounts. */
export async function runScanStage(options: ScanStageOptions): Promise<ScanStageResult> {
  const { inputs, run, toolkit } = options;
  const shard = inputs.shard;
  const targets = inputs.targets && shard ? shardSlice(inputs.targets, shard) : inputs.targets;
  // A single role is a list of one: it belongs to the first shard.
  const emptySlice = targets ? targets.length === 0 : shard !== undefined && shard.index > 1;
  if (emptySlice) {
    toolkit.info(`Shard ${shard?.index}/${shard?.count} has no accounts to scan.`);
    return { status: 'nothing-to-scan' };
  }
  let access: ScanAccess;
  try {
    access = await prepareScanAccess({
      inputs,
      targets,
      defaultSessionName: sanitizeSessionName(
        `axiom-${run.runId ?? 'local'}-${run.runAttempt ?? '1'}`,
        options.clock(),
      ),
      aws: run.aws,
      oidcAvailable: run.oidcAvailable,
      toolkit,
      clock: options.clock,
      sleep: options.sleep,
      random: options.random,
    });
  } catch (error) {
    if (isAxiomError(error)) return { status: 'error', message: describeError(error) };
    throw error;
  }
  toolkit.info(`Live scan: ${access.targets.length} account(s).`);
  try {
    const live = await runLiveScan({
      access,
      regions: inputs.regions,
      ...(inputs.services === undefined ? {} : { services: inputs.services }),
      ...(run.aws.endpoint === undefined ? {} : { endpoint: run.aws.endpoint }),
      ...(run.aws.maxAttempts === undefined ? {} : { maxAttempts: run.aws.maxAttempts }),
      version: options.version,
      catalog: options.catalog,
      clock: options.clock,
      log: (line) => toolkit.info(line),
    });
    if (live.unreachable > 0)
      toolkit.warning(
        `Axiom could not reach ${live.unreachable} of ${access.targets.length} account(s); the report lists them as coverage gaps.`,
      );
    if (live.notEvaluated.length > 0)
      toolkit.info(
        `${live.notEvaluated.length} rule evaluation(s) were not possible for lack of data; see the coverage gaps.`,
      );
    return { status: 'scanned', live };
  } catch (error) {
    access.dropAll();
    if (isAxiomError(error)) return { status: 'error', message: describeError(error) };
    throw error;
  }
}
