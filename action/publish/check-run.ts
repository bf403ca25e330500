/**
 * The check run: one per job, on the head commit of the pull request (not the merge commit the workflow ran
 * on, which no one looks at), concluded from `fail-on`. The first 50 annotations go with the creation, the rest
 * 50 per update, as the Checks API requires. Summary and text stay within the API's 65,535 characters.
 */
import { exceedsThreshold, failsThreshold, renderMarkdown, summarizeFindings } from '../../core/index.ts';
import type { GithubApi } from '../github-api.ts';
import type { RunContext } from '../run-context.ts';
import { type ActionReport, locationLink, type NewAccess } from './action-report.ts';
import {
  ANNOTATIONS_PER_REQUEST,
  annotatableFindings,
  batches,
  checkAnnotation,
  MAX_CHECK_ANNOTATIONS,
} from './annotations.ts';

/** The Checks API's limit on the output's summary and text, in characters. */
export const CHECK_OUTPUT_MAX_LENGTH = 65_535;

/** What the check run got. */
export interface CheckRunResult {
  /** Its id. */
  id: number;
  /** Its page. */
  url?: string;
  /** 'success' or 'failure'. */
  conclusion: 'success' | 'failure';
  /** Annotations sent. */
  annotations: number;
  /** Requests made (one creation, then one update per further batch of 50). */
  requests: number;
}

/** One line for the check run's title. */
export function checkTitle(report: ActionReport): string {
  const summary = summarizeFindings(report.findings);
  const failing = report.findings.filter((finding) => failsThreshold(finding, report.failOn)).length;
  const plural = (count: number): string => `${count} finding${count === 1 ? '' : 's'}`;
  if (failing > 0) return `${plural(failing)} at or above ${report.failOn}`;
  if (summary.active === 0) return 'No findings';
  return report.failOn === 'none'
    ? plural(summary.active)
    : `No findings at or above ${report.failOn} (${summary.active} below)`;
}

/** The new access, one bullet per grant, within `maxLength` characters. */
export function newAccessText(newAccess: readonly NewAccess[], maxLength = CHECK_OUTPUT_MAX_LENGTH): string {
  if (newAccess.length === 0) return '';
  const lines = ['## Access this change newly grants', ''];
  const footer = (left: number): string => `\n… and ${left} more: see the job summary or the SARIF file.`;
  let length = lines.join('\n').length;
  for (const [index, grant] of newAccess.entries()) {
    const where = `${grant.location.file}:${grant.location.line}`;
    const statement = grant.statement.sid ?? `Statement[${grant.statement.index}]`;
    const levels = grant.byLevel.map((group) => `${group.level} ${group.actions.length}`).join(', ');
    const actions = grant.actions.slice(0, 5).join(', ') + (grant.actions.length > 5 ? ', …' : '');
    const resources = grant.resources
      .filter((resource) => resource !== '')
      .slice(0, 3)
      .join(', ');
    const line = `- \`${where}\` ${grant.holder ? `${grant.holder} ` : ''}${statement} (${grant.reason}): ${levels}: ${actions}${resources ? ` on ${resources}` : ''}`;
    if (length + line.length + 1 + footer(newAccess.length - index).length > maxLength) {
      lines.push(footer(newAccess.length - index).trim());
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** Creates the check run and sends its annotations; throws GithubApiError when GitHub refuses. */
export async function publishCheckRun(
  api: GithubApi,
  run: RunContext,
  report: ActionReport,
): Promise<CheckRunResult> {
  const conclusion = exceedsThreshold(report.findings, report.failOn) ? 'failure' : 'success';
  const all = annotatableFindings(report.findings, report.annotatable).map(checkAnnotation);
  const annotations = all.slice(0, MAX_CHECK_ANNOTATIONS);
  const title = checkTitle(report);
  const summary = renderMarkdown(report.findings, report.context, {
    failOn: report.failOn,
    linkForLocation: locationLink(run, report),
    maxLength: CHECK_OUTPUT_MAX_LENGTH,
  });
  const omitted =
    all.length > annotations.length
      ? `\n\n${all.length - annotations.length} more annotations were left out (a check run shows at most ${MAX_CHECK_ANNOTATIONS}); every finding is in the job summary and the SARIF file.`
      : '';
  const text = newAccessText(report.newAccess, CHECK_OUTPUT_MAX_LENGTH - omitted.length) + omitted;
  const [first = [], ...rest] = batches(annotations, ANNOTATIONS_PER_REQUEST);
  const output = { title, summary, ...(text.trim() === '' ? {} : { text: text.trim() }) };
  const created = await api.request<{ id: number; html_url?: string }>(
    'POST',
    `/repos/${run.owner}/${run.repo}/check-runs`,
    {
      body: {
        name: report.checkName,
        head_sha: run.sha,
        status: 'completed',
        conclusion,
        ...(report.context.finishedAt === undefined ? {} : { completed_at: report.context.finishedAt }),
        output: { ...output, annotations: first },
      },
    },
  );
  const id = created.data.id;
  for (const batch of rest) {
    await api.request('PATCH', `/repos/${run.owner}/${run.repo}/check-runs/${id}`, {
      body: { output: { title, summary, annotations: batch } },
    });
  }
  const result: CheckRunResult = {
    id,
    conclusion,
    annotations: annotations.length,
    requests: 1 + rest.length,
  };
  if (created.data.html_url) result.url = created.data.html_url;
  return result;
}
