/**
 * Publishes the report everywhere the token allows, degrading by permission: the job summary, the JSON report
 * and the outputs always; the SARIF file when asked for; a check run with `checks: write` (else workflow-command
 * annotations); a sticky comment with `pull-requests: write` on pull requests. A refusal becomes a notice naming
 * the permission to add, and publishing goes on.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { JOB_SUMMARY_MAX_LENGTH, renderJson, renderMarkdown, summarizeFindings } from '../../core/index.ts';
import type { GithubApi } from '../github-api.ts';
import type { RunContext } from '../run-context.ts';
import type { Toolkit } from '../toolkit.ts';
import { type ActionReport, locationLink } from './action-report.ts';
import { annotatableFindings, workflowAnnotations } from './annotations.ts';
import { type CheckRunResult, publishCheckRun } from './check-run.ts';
import { publishingNotice } from './permission-notice.ts';
import { writeSarifFile } from './sarif-file.ts';
import { publishStickyComment, type StickyCommentResult } from './sticky-comment.ts';

/** Every output of action.yml, in the order action.yml lists them. */
export const OUTPUT_NAMES = [
  'findings',
  'critical',
  'high',
  'new-access',
  'sarif-file',
  'report-file',
] as const;

/** The outputs' values. */
export type ActionOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

/** What publishing needs. */
export interface PublishOptions {
  /** The report. */
  report: ActionReport;
  /** The run. */
  run: RunContext;
  /** The API; undefined without a token. */
  api: GithubApi | undefined;
  /** The runner. */
  toolkit: Toolkit;
  /** Whether to create a check run. */
  checkRun: boolean;
  /** Whether to keep a sticky comment. */
  comment: boolean;
  /** Where to write the SARIF file; undefined for none. */
  sarifFile: string | undefined;
  /** Where to write the JSON report. */
  reportFile: string;
}

/** What was published. */
export interface PublishResult {
  /** The outputs set. */
  outputs: ActionOutputs;
  /** The check run, when one was created. */
  checkRun?: CheckRunResult;
  /** The comment, when one was written. */
  comment?: StickyCommentResult;
}

async function writeReportFile(path: string, run: RunContext, report: ActionReport): Promise<string> {
  const absolute = isAbsolute(path) ? path : resolve(run.workspace, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, renderJson(report.findings, report.context), 'utf8');
  return absolute;
}

/** Publishes; see the module comment. Throws only for local failures (a SARIF path that cannot be written). */
export async function publishReport(options: PublishOptions): Promise<PublishResult> {
  const { report, run, api, toolkit } = options;
  const fromFork = run.pullRequest?.fromFork ?? false;
  const result: Partial<PublishResult> = {};

  await toolkit.appendSummary(
    renderMarkdown(report.findings, report.context, {
      failOn: report.failOn,
      linkForLocation: locationLink(run, report),
      maxLength: JOB_SUMMARY_MAX_LENGTH,
    }),
  );

  const reportFile = await writeReportFile(options.reportFile, run, report);
  const sarifFile =
    options.sarifFile === undefined ? '' : await writeSarifFile(options.sarifFile, run, report);

  let annotated = false;
  if (options.checkRun && api && run.sha) {
    try {
      result.checkRun = await publishCheckRun(api, run, report);
      annotated = true;
      toolkit.info(
        `Check run '${report.checkName}' (${result.checkRun.conclusion}) with ${result.checkRun.annotations} annotation(s)${result.checkRun.url ? `: ${result.checkRun.url}` : ''}`,
      );
    } catch (error) {
      toolkit.notice(
        publishingNotice('create the check run', 'checks: write', error, {
          fromFork,
          fallback:
            'The findings are annotated with workflow commands instead (at most 10 errors and 10 warnings).',
        }),
      );
    }
  }
  if (!annotated) {
    const { annotations, left } = workflowAnnotations(
      annotatableFindings(report.findings, report.annotatable),
    );
    for (const annotation of annotations)
      toolkit[annotation.level](annotation.message, annotation.properties);
    if (left > 0)
      toolkit.info(
        `${left} more finding(s) are not annotated (GitHub shows 10 errors and 10 warnings per step); see the job summary.`,
      );
  }

  if (options.comment && run.pullRequest && api) {
    try {
      result.comment = await publishStickyComment(api, run, report);
      toolkit.info(`Pull request comment ${result.comment.action} (${result.comment.length} characters).`);
    } catch (error) {
      toolkit.notice(
        publishingNotice('comment on the pull request', 'pull-requests: write', error, { fromFork }),
      );
    }
  }

  const summary = summarizeFindings(report.findings);
  const outputs: ActionOutputs = {
    findings: String(summary.active),
    critical: String(summary.bySeverity.critical),
    high: String(summary.bySeverity.high),
    'new-access': String(report.newAccess.length),
    'sarif-file': sarifFile,
    'report-file': reportFile,
  };
  for (const name of Object.keys(outputs) as (keyof ActionOutputs)[]) toolkit.setOutput(name, outputs[name]);
  return { ...result, outputs };
}
