/**
 * Which files `axiom lint` reads: the workspace the paths are in (their git repository root, else the working
 * directory) and the names findings give files, then the policy files in the working tree under the paths, or
 * with `--base REF` the files changed since REF, each with its base version from git.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  AxiomError,
  isLintablePath,
  isPolicyFileName,
  isSkippedDirectory,
  type LintFile,
  MAX_POLICY_FILE_BYTES,
  type UnreadFile,
} from '../core/index.ts';
import {
  changedFiles,
  findGitRepositoryRoot,
  gitRepositoryRoot,
  readAtRevision,
  resolveRevision,
} from './git.ts';

/** Where the files are and how to name them in findings. */
export interface Workspace {
  /** The git repository root holding the paths, else the working directory; findings name files relative to it. */
  root: string;
}

/** The files to lint, and the ones too large to read. */
export interface Selection {
  files: LintFile[];
  unread: UnreadFile[];
}

/** The paths as real absolute paths; a missing one is bad input. */
export async function existingPaths(positionals: readonly string[], cwd: string): Promise<string[]> {
  const given = positionals.length > 0 ? positionals : ['.'];
  return Promise.all(
    given.map(async (path) => {
      try {
        return await realpath(resolve(cwd, path));
      } catch (error) {
        throw new AxiomError('lint_path_not_found', `Could not lint ${path}: no such file or directory.`, {
          hint: 'Check the path; relative paths are taken from the current directory.',
          cause: error,
        });
      }
    }),
  );
}

async function directoryOf(path: string): Promise<string> {
  return (await stat(path)).isDirectory() ? path : dirname(path);
}

export async function workspaceFor(
  paths: readonly string[],
  cwd: string,
  base: string | undefined,
): Promise<Workspace> {
  if (base !== undefined) {
    const roots = [
      ...new Set(await Promise.all(paths.map(async (path) => gitRepositoryRoot(await directoryOf(path))))),
    ];
    if (roots.length > 1)
      throw new AxiomError(
        'lint_several_repositories',
        `Could not diff against ${base}: the paths are in different git repositories (${roots.join(', ')}).`,
        { hint: 'Run axiom lint --base once per repository.' },
      );
    return { root: await realpath(roots[0]!) };
  }
  const root = await findGitRepositoryRoot(await directoryOf(paths[0]!));
  return { root: await realpath(root ?? cwd) };
}

/** `path` relative to the root with `/` ('' for the root itself), or undefined when it is outside the root. */
export function rootRelative(workspace: Workspace, path: string): string | undefined {
  const inside = relative(workspace.root, path);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}

/** The name findings use: relative to the root, or the absolute path for a file outside it. */
export function displayPath(workspace: Workspace, path: string): string {
  const inside = rootRelative(workspace, path);
  return inside === undefined || inside === '' ? path : inside;
}

function tooLarge(path: string, bytes: number): UnreadFile {
  return {
    path,
    message: `file skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over the 5 MB limit for policy files`,
  };
}

/** Every policy file under the paths (an explicitly named file always, whatever its extension). */
async function walk(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  async function visit(directory: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing in it can be linted; the walk goes on
    }
    for (const entry of entries) {
      // Symbolic links are not followed: a link cycle must not hang the walk, and the target is linted where it is.
      if (entry.isDirectory() && !isSkippedDirectory(entry.name)) await visit(join(directory, entry.name));
      else if (entry.isFile() && isPolicyFileName(entry.name)) found.add(join(directory, entry.name));
    }
  }
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) await visit(path);
    else found.add(path);
  }
  return [...found].sort();
}

export async function selectWorkingTree(paths: readonly string[], workspace: Workspace): Promise<Selection> {
  const selection: Selection = { files: [], unread: [] };
  for (const path of await walk(paths)) {
    const name = displayPath(workspace, path);
    const size = (await stat(path)).size;
    if (size > MAX_POLICY_FILE_BYTES) selection.unread.push(tooLarge(name, size));
    else selection.files.push({ path: name, text: await readFile(path, 'utf8') });
  }
  return selection;
}

/** The files changed since `ref` under the paths, each with its base version. */
export async function selectChanges(
  paths: readonly string[],
  workspace: Workspace,
  ref: string,
): Promise<{ selection: Selection; commit: string }> {
  const commit = await resolveRevision(workspace.root, ref);
  // Every path is inside the repository (workspaceFor found its root from them), so each has a relative name.
  const scopes = await Promise.all(
    paths.map(async (path) => ({
      prefix: rootRelative(workspace, path) ?? '',
      isFile: !(await stat(path)).isDirectory(),
    })),
  );
  const inScope = (path: string): boolean =>
    scopes.some((scope) =>
      scope.isFile
        ? scope.prefix === path
        : scope.prefix === '' || path === scope.prefix || path.startsWith(`${scope.prefix}/`),
    );
  const explicit = new Set(scopes.filter((scope) => scope.isFile).map((scope) => scope.prefix));
  const selection: Selection = { files: [], unread: [] };
  const changes = (await changedFiles(workspace.root, commit))
    .filter((change) => inScope(change.path) && (explicit.has(change.path) || isLintablePath(change.path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const change of changes) {
    const absolute = join(workspace.root, change.path);
    let text: string | null = null;
    if (change.status !== 'deleted') {
      const stats = await stat(absolute);
      // A submodule or a directory that git lists under a policy-like name holds no policy text.
      if (!stats.isFile()) continue;
      if (stats.size > MAX_POLICY_FILE_BYTES) {
        selection.unread.push(tooLarge(change.path, stats.size));
        continue;
      }
      text = await readFile(absolute, 'utf8');
    }
    const isNew = change.status === 'added' || change.status === 'untracked';
    const basePath = change.basePath ?? change.path;
    const file: LintFile = {
      path: change.path,
      text,
      baseText: isNew ? null : await readAtRevision(workspace.root, commit, basePath),
    };
    if (change.basePath !== undefined) file.basePath = change.basePath;
    selection.files.push(file);
  }
  return { selection, commit };
}
