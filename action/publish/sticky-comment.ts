/**
 * One comment per pull request (per shard), found again by a hidden marker and edited in place on every run,
 * so a pull request pushed twenty times has one Axiom comment, current. It is trimmed by whole rows to fit
 * GitHub's 65,536-character limit and then links to the run, where the job summary holds the full report. When
 * two runs race and both create one, the later ones are removed.
 */
import { GITHUB_COMMENT_MAX_LENGTH, renderMarkdown } from '../../core/index.ts';
import { type GithubApi, GithubApiError } from '../github-api.ts';
import { type RunContext, runUrlOf } from '../run-context.ts';
import { type ActionReport, locationLink } from './action-report.ts';

/** An issue comment, as the API lists it. */
interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
}

/** What happened to the comment. */
export interface StickyCommentResult {
  /** Whether an earlier comment was edited or a new one created. */
  action: 'updated' | 'created';
  /** The comment's id. */
  id: number;
  /** Its length in characters. */
  length: number;
}

/** The comment body: the marker, then the report trimmed to fit. */
export function commentBody(run: RunContext, report: ActionReport): string {
  const head = `${report.commentMarker}\n`;
  const fullReportUrl = runUrlOf(run);
  const markdown = renderMarkdown(report.findings, report.context, {
    failOn: report.failOn,
    linkForLocation: locationLink(run, report),
    ...(fullReportUrl === undefined ? {} : { fullReportUrl }),
    maxLength: GITHUB_COMMENT_MAX_LENGTH - Buffer.byteLength(head, 'utf8'),
  });
  return `${head}${markdown}`;
}

/** Creates or updates the sticky comment; throws GithubApiError when GitHub refuses. */
export async function publishStickyComment(
  api: GithubApi,
  run: RunContext,
  report: ActionReport,
): Promise<StickyCommentResult> {
  const pullRequest = run.pullRequest;
  if (!pullRequest) throw new Error('publishStickyComment needs a pull request');
  const base = `/repos/${run.owner}/${run.repo}/issues`;
  const body = commentBody(run, report);
  const listOurs = async (): Promise<IssueComment[]> =>
    (await api.paginate<IssueComment>(`${base}/${pullRequest.number}/comments`))
      .filter((comment) => comment.body?.includes(report.commentMarker))
      .sort((a, b) => a.id - b.id);

  const existing = await listOurs();
  const [keep, ...duplicates] = existing;
  if (keep) {
    await api.request('PATCH', `${base}/comments/${keep.id}`, { body: { body } });
    await removeComments(api, base, duplicates);
    return { action: 'updated', id: keep.id, length: body.length };
  }
  const created = await api.request<IssueComment>('POST', `${base}/${pullRequest.number}/comments`, {
    body: { body },
  });
  // Another run may have created its comment meanwhile: keep the oldest, with this run's report.
  const now = await listOurs();
  const oldest = now[0];
  if (oldest && oldest.id !== created.data.id) {
    await api.request('PATCH', `${base}/comments/${oldest.id}`, { body: { body } });
    await removeComments(
      api,
      base,
      now.filter((comment) => comment.id !== oldest.id),
    );
    return { action: 'updated', id: oldest.id, length: body.length };
  }
  return { action: 'created', id: created.data.id, length: body.length };
}

async function removeComments(
  api: GithubApi,
  base: string,
  comments: readonly IssueComment[],
): Promise<void> {
  for (const comment of comments) {
    try {
      await api.request('DELETE', `${base}/comments/${comment.id}`);
    } catch (error) {
      // Already removed by the other run.
      if (!(error instanceof GithubApiError && error.status === 404)) throw error;
    }
  }
}
