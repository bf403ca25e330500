/**
 * The files the policy analysis reads. On a pull request: the changed files (listed through the API, every
 * page), each read at the head commit and, to diff, at the base commit, through the contents API, so the lines
 * are exactly those of the head commit the annotations go on, whatever the workflow checked out. Elsewhere: the
 * policy files of the checked-out workspace.
 */
import type { Dirent } from 'node:fs';
import { glob, readFile, stat } from 'node:fs/promises';
import { matchesGlob, relative, sep } from 'node:path';
import {
  isLintablePath,
  isSkippedDirectory,
  type LintFile,
  MAX_POLICY_FILE_BYTES,
  type UnreadFile,
} from '../core/index.ts';
import { type GithubApi, GithubApiError } from './github-api.ts';
import type { PullRequestRef } from './run-context.ts';

/** The files to analyse. */
export interface PolicyFileSet {
  /** The files read, with their base versions on a pull request. */
  files: LintFile[];
  /** Files not read (over the size limit). */
  unread: UnreadFile[];
  /** Things to tell the user (files left out over the limit). */
  notices: string[];
}

/** A changed file as `GET /repos/{owner}/{repo}/pulls/{number}/files` lists it. */
export interface PullRequestFile {
  /** The path in the head commit. */
  filename: string;
  /** added, removed, modified, renamed, copied, changed, unchanged. */
  status: string;
  /** The path in the base commit, for renamed and copied files. */
  previous_filename?: string;
}

/** The most changed policy files one run reads (two API calls each). */
export const MAX_PULL_REQUEST_POLICY_FILES = 300;
/** The most workspace files one run reads. */
export const MAX_WORKSPACE_POLICY_FILES = 5_000;
/** Files read from the API at once. */
const READ_CONCURRENCY = 6;

const RAW_MEDIA_TYPE = 'application/vnd.github.raw+json';

/** True when `path` is a file the analysis reads: one of the globs when given, else a policy source by name. */
export function isSelectedPolicyPath(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return isLintablePath(path);
  return globs.some((pattern) => matchesGlob(path, pattern));
}

function tooLarge(path: string, bytes: number): UnreadFile {
  return {
    path,
    message: `file skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the 5 MB limit for policy files`,
  };
}

/** Runs `task` over `items`, `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The API path of a file's contents. */
function contentsPath(owner: string, repo: string, path: string): string {
  return `/repos/${owner}/${repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Where to read files through the API. */
export interface RepositoryRef {
  /** The API client. */
  api: GithubApi;
  /** The repository owner. */
  owner: string;
  /** The repository name. */
  repo: string;
}

/** A file's text at a commit; null when the file is not there. */
export async function readFileAt(
  repository: RepositoryRef,
  path: string,
  sha: string,
): Promise<string | null> {
  try {
    const response = await repository.api.request<string>(
      'GET',
      contentsPath(repository.owner, repository.repo, path),
      {
        query: { ref: sha },
        accept: RAW_MEDIA_TYPE,
      },
    );
    return typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
  } catch (error) {
    if (error instanceof GithubApiError && error.status === 404) return null;
    throw error;
  }
}

/** The pull request's changed policy files, each at its head and base; see the module comment. */
export async function pullRequestPolicyFiles(
  repository: RepositoryRef,
  pullRequest: PullRequestRef,
  policyPaths: readonly string[],
): Promise<PolicyFileSet & { changed: PullRequestFile[] }> {
  const { api, owner, repo } = repository;
  const changed = await api.paginate<PullRequestFile>(
    `/repos/${owner}/${repo}/pulls/${pullRequest.number}/files`,
  );
  const selected = changed.filter(
    (file) =>
      file.status !== 'unchanged' &&
      (isSelectedPolicyPath(file.filename, policyPaths) ||
        (file.previous_filename !== undefined && isSelectedPolicyPath(file.previous_filename, policyPaths))),
  );
  const notices: string[] = [];
  if (selected.length > MAX_PULL_REQUEST_POLICY_FILES)
    notices.push(
      `${selected.length} changed policy files; Axiom analysed the first ${MAX_PULL_REQUEST_POLICY_FILES}. Narrow policy-paths, or run \`axiom lint\` on the rest.`,
    );
  const unread: UnreadFile[] = [];
  const files = await mapLimited(
    selected.slice(0, MAX_PULL_REQUEST_POLICY_FILES),
    READ_CONCURRENCY,
    async (file) => {
      const text =
        file.status === 'removed' ? null : await readFileAt(repository, file.filename, pullRequest.headSha);
      const basePath = file.status === 'renamed' ? file.previous_filename : undefined;
      // A copy's access is all new, like an added file's.
      const baseText =
        file.status === 'added' || file.status === 'copied'
          ? null
          : await readFileAt(repository, basePath ?? file.filename, pullRequest.baseSha);
      for (const [version, content] of [
        ['head', text],
        ['base', baseText],
      ] as const) {
        const bytes = content === null ? 0 : Buffer.byteLength(content, 'utf8');
        if (bytes > MAX_POLICY_FILE_BYTES) {
          unread.push(tooLarge(version === 'head' ? file.filename : (basePath ?? file.filename), bytes));
          return undefined;
        }
      }
      const lintFile: LintFile = { path: file.filename, text, baseText };
      if (basePath !== undefined) lintFile.basePath = basePath;
      return lintFile;
    },
  );
  return { files: files.filter((file) => file !== undefined), unread, notices, changed };
}

/** The policy files of the checked-out workspace: the globs when given, else every policy source. */
export async function workspacePolicyFiles(
  workspace: string,
  policyPaths: readonly string[],
): Promise<PolicyFileSet> {
  const patterns = policyPaths.length > 0 ? [...policyPaths] : ['**/*'];
  const found: string[] = [];
  const entries = glob(patterns, {
    cwd: workspace,
    withFileTypes: true,
    exclude: (entry: Dirent) => entry.isDirectory() && isSkippedDirectory(entry.name),
  });
  for await (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(workspace, `${entry.parentPath}${sep}${entry.name}`).split(sep).join('/');
    if (policyPaths.length > 0 || isLintablePath(path)) found.push(path);
  }
  found.sort();
  const notices: string[] = [];
  if (found.length > MAX_WORKSPACE_POLICY_FILES)
    notices.push(
      `${found.length} policy files in the workspace; Axiom analysed the first ${MAX_WORKSPACE_POLICY_FILES}. Narrow policy-paths.`,
    );
  const unread: UnreadFile[] = [];
  const files: LintFile[] = [];
  for (const path of found.slice(0, MAX_WORKSPACE_POLICY_FILES)) {
    const absolute = `${workspace}${sep}${path.split('/').join(sep)}`;
    const { size } = await stat(absolute);
    if (size > MAX_POLICY_FILE_BYTES) unread.push(tooLarge(path, size));
    else files.push({ path, text: await readFile(absolute, 'utf8') });
  }
  return { files, unread, notices };
}
