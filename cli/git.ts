/**
 * The little of git that `axiom lint --base` needs, through the git command (read-only commands only): the
 * repository holding a path, a revision's commit, the files changed since it, and a file's content at it.
 */
import { execFile } from 'node:child_process';
import { AxiomError } from '../core/index.ts';

/** A file that differs between a revision and the working tree. */
export interface GitChange {
  /** Path relative to the repository root, `/`-separated, as it is now (as it was, for a deleted file). */
  path: string;
  /** The path at the revision, when the file was renamed since. */
  basePath?: string;
  /** What happened to it; `untracked` files are new and not yet added to git. */
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked';
}

/** Base revisions and policy files can be large; the extractor skips what is over its own limit. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** What a finished git command said. */
interface GitOutput {
  /** Exit status; 0 is success. */
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `git -C dir args...`; a non-zero exit is returned, not thrown; a missing git is an AxiomError. */
function git(dir: string, args: readonly string[]): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', dir, ...args],
      { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ status: 0, stdout, stderr });
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(
            new AxiomError('git_not_found', 'Could not run git: it is not installed or not on the PATH.', {
              hint: 'Install git, or drop --base to lint the files as they are.',
              cause: error,
            }),
          );
        }
        if (typeof error.code === 'number') return resolve({ status: error.code, stdout, stderr });
        reject(
          new AxiomError('git_failed', `Could not run git ${args[0]} in ${dir}: ${error.message}`, {
            cause: error,
          }),
        );
      },
    );
  });
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The root of the git repository holding directory `dir`, or undefined when it is in none (or git is missing). */
export async function findGitRepositoryRoot(dir: string): Promise<string | undefined> {
  try {
    const output = await git(dir, ['rev-parse', '--show-toplevel']);
    return output.status === 0 ? output.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The root of the git repository holding directory `dir`; throws `git_not_a_repository` when there is none. */
export async function gitRepositoryRoot(dir: string): Promise<string> {
  const output = await git(dir, ['rev-parse', '--show-toplevel']);
  if (output.status === 0) return output.stdout.trim();
  throw new AxiomError(
    'git_not_a_repository',
    `Could not diff against a git revision: ${dir} is not in a git repository (git said: ${firstLine(output.stderr)}).`,
    { hint: 'Run it on files inside a git clone, or drop --base to lint the files as they are.' },
  );
}

/** The commit `ref` names in the repository at `root`; throws `git_unknown_revision` when it names none. */
export async function resolveRevision(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-') || ref.trim() === '')
    throw new AxiomError(
      'git_unknown_revision',
      `Could not diff against '${ref}': it is not a revision name.`,
      {
        hint: 'Give a branch, tag or commit, e.g. --base origin/main.',
      },
    );
  const output = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const commit = output.stdout.trim();
  if (output.status === 0 && commit !== '') return commit;
  throw new AxiomError(
    'git_unknown_revision',
    `Could not diff against '${ref}': the git repository at ${root} has no such revision.`,
    {
      hint: 'Check the name; in CI, fetch the base first (actions/checkout with fetch-depth: 0, or git fetch origin main).',
    },
  );
}

/** Every file that differs between `commit` and the working tree (staged or not), plus untracked files. */
export async function changedFiles(root: string, commit: string): Promise<GitChange[]> {
  const diff = await git(root, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', commit, '--']);
  if (diff.status !== 0)
    throw new AxiomError(
      'git_failed',
      `Could not list the files changed since ${commit}: ${firstLine(diff.stderr)}`,
    );
  const changes: GitChange[] = [];
  const fields = diff.stdout.split('\0');
  for (let index = 0; index < fields.length - 1; ) {
    const status = fields[index++]!;
    const path = fields[index++]!;
    if (status.startsWith('R')) {
      changes.push({ path: fields[index++]!, basePath: path, status: 'renamed' });
    } else if (status.startsWith('C')) {
      // A copy is a new file; its source is unchanged and keeps its own access.
      changes.push({ path: fields[index++]!, status: 'added' });
    } else if (status === 'A') changes.push({ path, status: 'added' });
    else if (status === 'D') changes.push({ path, status: 'deleted' });
    else changes.push({ path, status: 'modified' });
  }
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z']);
  if (untracked.status === 0) {
    for (const path of untracked.stdout.split('\0'))
      if (path !== '') changes.push({ path, status: 'untracked' });
  }
  return changes;
}

/** The content of `path` (relative to the root) at `commit`; throws when the revision does not have it. */
export async function readAtRevision(root: string, commit: string, path: string): Promise<string> {
  const output = await git(root, ['cat-file', 'blob', `${commit}:${path}`]);
  if (output.status === 0) return output.stdout;
  throw new AxiomError(
    'git_failed',
    `Could not read ${path} at ${commit}: ${firstLine(output.stderr) || 'git cat-file failed'}.`,
  );
}
