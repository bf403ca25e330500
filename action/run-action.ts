/**
 * The Action's flow, with every piece of I/O handed in: parse the inputs, work out what to run for this event,
 * run the policy analysis (no AWS needed) and the live scan (OIDC), merge their findings, and publish. Problems
 * that block the run (bad inputs, a role that cannot be assumed, a broken config file) come back as the failure
 * message; publishing problems become notices; findings at or above `fail-on` fail the step.
 */
import {
  type AxiomConfig,
  AxiomError,
  applySuppressions,
  createIamCatalog,
  describeError,
  exceedsThreshold,
  type Finding,
  failsThreshold,
  type IamCatalog,
  isAxiomError,
  loadIamCatalog,
  type ReportContext,
  readIamPack,
  sortFindings,
} from '../core/index.ts';
import { loadAxiomConfig } from './config-file.ts';
import { createGithubApi, type Fetch, type GithubApi, GithubApiError } from './github-api.ts';
import { type ActionInputs, type ActionMode, parseInputs } from './inputs.ts';
import type { LiveScanResult } from './live-scan.ts';
import { type PolicyAnalysisResult, runPolicyAnalysis } from './policy-analysis.ts';
import type { ActionReport } from './publish/action-report.ts';
import { publishingNotice } from './publish/permission-notice.ts';
import { type PublishResult, publishReport } from './publish/publish-report.ts';
import { ACTION_HOME, checkName, commentMarker, ruleDescriptions, sarifCategory } from './report-context.ts';
import { type Environment, type RunContext, readRunContext } from './run-context.ts';
import { decideScan } from './scan-decision.ts';
import type { Toolkit } from './toolkit.ts';

/** The JSON report's file name, written in the workspace. */
export const REPORT_FILE = 'axiom-report.json';

/** Everything the Action touches, injected. */
export interface ActionDependencies {
  /** The runner (@actions/core). */
  toolkit: Toolkit;
  /** The environment (process.env). */
  env: Environment;
  /** The working directory, when GITHUB_WORKSPACE is not set. */
  cwd: string;
  /** The clock. */
  clock: () => Date;
  /** Waits (retries). */
  sleep: (ms: number) => Promise<void>;
  /** Jitter, a number in [0, 1). */
  random: () => number;
  /** fetch for the GitHub API; default the global one. */
  fetch?: Fetch;
  /** The IAM data pack the bundle carries (dist/iam-data/iam-pack.json); absent means the installed package's data. */
  iamPackFile?: string;
  /** Axiom's version. */
  version: string;
}

/** How the run ended. */
export type ActionOutcome =
  | {
      /** Done; no finding at or above the threshold. */
      status: 'passed';
      /** What was published. */
      published: PublishResult;
    }
  | {
      /** Done; findings at or above the threshold. */
      status: 'failed-threshold';
      /** The step's failure message. */
      message: string;
      /** What was published. */
      published: PublishResult;
    }
  | {
      /** Could not run: bad inputs, a role that cannot be assumed, an invalid config file. */
      status: 'error';
      /** The step's failure message. */
      message: string;
    };

/** The default mode: a pull request gets the policy gate and the scan, other events the scan. */
export function defaultMode(run: RunContext): ActionMode {
  return run.pullRequest ? 'both' : 'scan';
}

function catalogOf(packFile: string | undefined): IamCatalog {
  if (packFile === undefined) return loadIamCatalog();
  const source = readIamPack(packFile);
  if (!source)
    throw new AxiomError(
      'iam_catalog_unreadable',
      `The Action's IAM data ${packFile} is missing or damaged.`,
      {
        hint: 'Use a released version of the Action, or rebuild dist/ with `npm run package`.',
      },
    );
  return createIamCatalog(source);
}

/** The same finding from both analyses (an ignore-file problem each reports) is kept once. */
function mergeFindings(lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  return sortFindings(
    lists.flat().filter((finding) => {
      const key = `${finding.ruleId}\u0000${finding.fingerprint}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** Which permission a refused read needed. */
function readPermission(error: GithubApiError): 'pull-requests: read' | 'contents: read' {
  return error.request.includes('/contents/') ? 'contents: read' : 'pull-requests: read';
}

/** The policy analysis, unless this job should not run it; a refused read becomes a notice. */
async function policyStage(
  inputs: ActionInputs,
  run: RunContext,
  api: GithubApi | undefined,
  config: AxiomConfig | undefined,
  catalog: IamCatalog,
  deps: ActionDependencies,
): Promise<PolicyAnalysisResult | undefined> {
  const { toolkit } = deps;
  if (inputs.shard && inputs.shard.index > 1) {
    toolkit.info(
      `Policy analysis runs in shard 1 only; this is shard ${inputs.shard.index}/${inputs.shard.count}.`,
    );
    return undefined;
  }
  try {
    const policy = await runPolicyAnalysis({
      context: run,
      api,
      policyPaths: inputs.policyPaths,
      ...(config === undefined ? {} : { config }),
      catalog,
      today: deps.clock(),
    });
    for (const notice of policy.notices) toolkit.info(notice);
    if (!run.pullRequest && policy.files === 0)
      toolkit.notice(
        `The policy analysis found no policy files in ${run.workspace}: check the repository out first (actions/checkout), or set policy-paths.`,
      );
    toolkit.info(
      `Policy analysis: ${policy.files} file(s), ${policy.policyDocuments} policy document(s), ${policy.findings.length} finding(s), ${policy.newAccess.length} new access grant(s).`,
    );
    return policy;
  } catch (error) {
    if (!(error instanceof GithubApiError || (isAxiomError(error) && error.code === 'github_token_missing')))
      throw error;
    const permission = error instanceof GithubApiError ? readPermission(error) : 'pull-requests: read';
    toolkit.notice(
      publishingNotice('read the changed files of the pull request', permission, error, {
        fromFork: run.pullRequest?.fromFork ?? false,
        fallback: 'The policy analysis did not run.',
      }),
    );
    return undefined;
  }
}

/** Runs the Action; see the module comment. Throws only for bugs. */
export async function runAction(deps: ActionDependencies): Promise<ActionOutcome> {
  const { toolkit } = deps;
  const parsed = parseInputs((name) => toolkit.getInput(name));
  if (!parsed.ok) {
    const lines = parsed.errors.map((error) => `  ${error.message}`).join('\n');
    return { status: 'error', message: `Invalid input${parsed.errors.length === 1 ? '' : 's'}:\n${lines}` };
  }
  const inputs = parsed.inputs;
  // Secrets are masked before anything could print them, whatever this run goes on to do.
  const secrets = [
    inputs.githubToken,
    inputs.externalId,
    ...(inputs.targets ?? []).map((target) => target.externalId),
  ];
  for (const secret of secrets) if (secret) toolkit.setSecret(secret);
  const run = readRunContext(deps.env, deps.cwd);
  const mode = inputs.mode ?? defaultMode(run);
  const startedAt = deps.clock();

  const api: GithubApi | undefined = inputs.githubToken
    ? createGithubApi({
        apiUrl: run.apiUrl,
        token: inputs.githubToken,
        userAgent: `axiom-scan-action/${deps.version}`,
        sleep: deps.sleep,
        random: deps.random,
        ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
      })
    : undefined;
  let catalog: IamCatalog;
  try {
    catalog = catalogOf(deps.iamPackFile);
  } catch (error) {
    // A damaged bundle is not a bug in the run: the step fails with what to do about it.
    if (isAxiomError(error)) return { status: 'error', message: describeError(error) };
    throw error;
  }

  let config: AxiomConfig | undefined;
  try {
    config = await loadAxiomConfig(inputs.config, run, api && { api, owner: run.owner, repo: run.repo });
  } catch (error) {
    if (error instanceof GithubApiError) {
      const fromFork = run.pullRequest?.fromFork ?? false;
      toolkit.notice(publishingNotice(`read ${inputs.config}`, 'contents: read', error, { fromFork }));
    } else if (isAxiomError(error)) return { status: 'error', message: describeError(error) };
    else throw error;
  }
  const failOn = inputs.failOn ?? config?.failOn ?? 'high';

  const policy = mode === 'scan' ? undefined : await policyStage(inputs, run, api, config, catalog, deps);

  let live: LiveScanResult | undefined;
  const decision = decideScan(inputs, run, mode);
  if (decision.action === 'error') return { status: 'error', message: decision.message };
  if (decision.action === 'skip' && decision.reason !== '') {
    if (decision.notice) toolkit.notice(decision.reason);
    else toolkit.info(decision.reason);
  }
  if (decision.action === 'scan') {
    // Loaded only when scanning: the live scan brings the AWS SDK, which the bundle keeps in a chunk of its own
    // so that a run without a scan (most pull requests) does not pay to compile it.
    const { runScanStage } = await import('./scan-stage.ts');
    const scanned = await runScanStage({
      inputs,
      run,
      toolkit,
      catalog,
      version: deps.version,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
    });
    if (scanned.status === 'error') return { status: 'error', message: scanned.message };
    if (scanned.status === 'scanned') live = scanned.live;
  }

  const today = deps.clock();
  const liveFindings = live
    ? applySuppressions(live.findings, { ...(config === undefined ? {} : { config }), today })
    : [];
  const findings = mergeFindings([policy?.findings ?? [], liveFindings]);
  const finishedAt = deps.clock();
  const context: ReportContext = {
    tool: { name: 'Axiom', version: deps.version, informationUri: ACTION_HOME },
    targets: [...(policy ? [policy.target] : []), ...(live?.targets ?? [])],
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    stats: {
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      ...(policy ? { files: policy.files, policyDocuments: policy.policyDocuments } : {}),
      ...(live ? { apiCalls: live.apiCalls } : {}),
    },
    rules: ruleDescriptions(),
  };
  if (live) {
    context.coverage = live.coverage;
    context.notEvaluated = live.notEvaluated;
  }

  const report: ActionReport = {
    findings,
    context,
    failOn,
    newAccess: policy?.newAccess ?? [],
    annotatable: policy?.annotatable ?? new Set(),
    sarifCategory: sarifCategory(mode, inputs.shard),
    commentMarker: commentMarker(inputs.shard),
    checkName: checkName(inputs.shard),
  };
  const published = await publishReport({
    report,
    run,
    api,
    toolkit,
    checkRun: inputs.checkRun,
    comment: inputs.comment,
    sarifFile: inputs.sarifFile,
    reportFile: REPORT_FILE,
  });
  if (!exceedsThreshold(findings, failOn)) return { status: 'passed', published };
  const failing = findings.filter((finding) => failsThreshold(finding, failOn)).length;
  return {
    status: 'failed-threshold',
    message: `Axiom found ${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn} (fail-on); see the job summary.`,
    published,
  };
}
