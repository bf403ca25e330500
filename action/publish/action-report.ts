/** What the publishers are handed: the findings and everything around them, already decided. */
import type {
  Finding,
  LintResult,
  ReportContext,
  SeverityThreshold,
  SourceLocation,
} from '../../core/index.ts';
import type { RunContext } from '../run-context.ts';

/** One piece of access a pull request newly grants, with the element that grants it and where. */
export type NewAccess = LintResult['newAccess'][number];

/** The run's results, ready to publish. */
export interface ActionReport {
  /** Every finding (policy and live), suppressions applied, in report order. */
  findings: Finding[];
  /** The run around them: tool, targets, coverage, stats, rule text. */
  context: ReportContext;
  /** The failure threshold. */
  failOn: SeverityThreshold;
  /** Access the pull request newly grants. */
  newAccess: NewAccess[];
  /** Files that may be annotated: the ones the change touches. */
  annotatable: ReadonlySet<string>;
  /** The SARIF category (`runs[0].automationDetails.id`), one per shard. */
  sarifCategory: string;
  /** The hidden marker that finds this job's sticky comment again. */
  commentMarker: string;
  /** The check run's name. */
  checkName: string;
}

/**
 * A link to a location in the head commit, `https://github.com/o/r/blob/SHA/path#L3-L5`; on a pull request only
 * for files the head commit has (a deleted file's removed access would link to nothing).
 */
export function locationLink(
  run: RunContext,
  report: ActionReport,
): (location: SourceLocation) => string | undefined {
  return (location) => {
    if (!run.sha) return undefined;
    if (run.pullRequest && !report.annotatable.has(location.file)) return undefined;
    const path = location.file.split('/').map(encodeURIComponent).join('/');
    const lines =
      location.endLine > location.line ? `#L${location.line}-L${location.endLine}` : `#L${location.line}`;
    return `${run.serverUrl}/${run.owner}/${run.repo}/blob/${run.sha}/${path}${lines}`;
  };
}
