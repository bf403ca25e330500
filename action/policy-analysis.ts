/**
 * The policy analysis as the Action runs it: the changed policy files of a pull request, diffed against their
 * base versions (what the change newly grants), or the workspace's policy files elsewhere, through core's
 * `lintFiles` with the ignore file. Needs no AWS access, so it runs on pull requests from forks too.
 */
import {
  ALL_POLICY_CHECKS,
  type AxiomConfig,
  AxiomError,
  type Finding,
  type IamCatalog,
  lintFiles,
  type ReportTarget,
} from '../core/index.ts';
import type { GithubApi } from './github-api.ts';
import { type PolicyFileSet, pullRequestPolicyFiles, workspacePolicyFiles } from './policy-files.ts';
import type { NewAccess } from './publish/action-report.ts';
import type { RunContext } from './run-context.ts';

/** What the policy analysis found. */
export interface PolicyAnalysisResult {
  /** Findings, suppressions applied, in report order. */
  findings: Finding[];
  /** Access the pull request newly grants (empty off pull requests). */
  newAccess: NewAccess[];
  /** The files annotations may go on: those the change touches and keeps (every analysed file off pull requests). */
  annotatable: ReadonlySet<string>;
  /** What was analysed, for the report. */
  target: ReportTarget;
  /** Files read. */
  files: number;
  /** Policy documents found. */
  policyDocuments: number;
  /** Lines for the log: skipped files, diffs not computed, limits reached. */
  notices: string[];
}

/** What the policy analysis needs. */
export interface PolicyAnalysisOptions {
  /** The run. */
  context: RunContext;
  /** The API; needed on pull requests. */
  api: GithubApi | undefined;
  /** Globs of the files to analyse; empty means every policy source. */
  policyPaths: readonly string[];
  /** The ignore file, when there is one. */
  config?: AxiomConfig;
  /** The IAM catalogue. */
  catalog: IamCatalog;
  /** Today, for suppression expiry. */
  today: Date;
}

/** Runs the policy analysis; see the module comment. */
export async function runPolicyAnalysis(options: PolicyAnalysisOptions): Promise<PolicyAnalysisResult> {
  const { context } = options;
  const pullRequest = context.pullRequest;
  let set: PolicyFileSet;
  let annotatable: Set<string>;
  let description: string;
  if (pullRequest) {
    if (!options.api)
      throw new AxiomError('github_token_missing', 'Could not list the changed files: no github-token.', {
        hint: 'Leave the github-token input at its default (the job token, github.token).',
      });
    const found = await pullRequestPolicyFiles(
      { api: options.api, owner: context.owner, repo: context.repo },
      pullRequest,
      options.policyPaths,
    );
    set = found;
    // A deleted file has no head lines to annotate.
    annotatable = new Set(
      found.changed.filter((file) => file.status !== 'removed').map((file) => file.filename),
    );
    description = `${context.owner}/${context.repo} pull request #${pullRequest.number}: ${set.files.length} changed policy file${set.files.length === 1 ? '' : 's'}`;
  } else {
    set = await workspacePolicyFiles(context.workspace, options.policyPaths);
    annotatable = new Set(set.files.map((file) => file.path));
    description = `${context.owner}/${context.repo} at ${context.sha.slice(0, 7) || 'the workspace'}: ${set.files.length} policy file${set.files.length === 1 ? '' : 's'}`;
  }
  const result = lintFiles({
    files: set.files,
    unreadFiles: set.unread,
    ...(options.config === undefined ? {} : { config: options.config }),
    catalog: options.catalog,
    checks: ALL_POLICY_CHECKS,
    today: options.today,
  });
  return {
    findings: result.findings,
    newAccess: result.newAccess,
    annotatable,
    target: { description },
    files: result.stats.files,
    policyDocuments: result.stats.policyDocuments,
    notices: [...set.notices, ...result.notices.map((notice) => `${notice.file}: ${notice.message}`)],
  };
}
