/**
 * Which files `axiom lint` reads when it walks a directory: policy sources by extension, outside the folders
 * that hold dependencies, build output or tool caches (never a repository's own policies, and often huge).
 */

/** File name endings of the policy sources Axiom reads (JSON, CloudFormation YAML and templates, Terraform). */
export const POLICY_FILE_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml', '.tf', '.template'];

/** Directory names never walked into: dependencies, version control, build output, Terraform and CDK caches. */
export const SKIPPED_DIRECTORIES: readonly string[] = [
  'node_modules',
  '.git',
  'dist',
  '.terraform',
  'cdk.out',
];

const SKIPPED = new Set(SKIPPED_DIRECTORIES);

/** True when a file with this name is a policy source to read while walking (by extension, ignoring case). */
export function isPolicyFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return POLICY_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** True for a directory name the walk skips. */
export function isSkippedDirectory(name: string): boolean {
  return SKIPPED.has(name);
}

/**
 * True when a `/`-separated relative path (as git lists changed files) is a policy source the walk would have
 * read: a policy extension, and no skipped directory on the way.
 */
export function isLintablePath(path: string): boolean {
  const segments = path.replaceAll('\\', '/').split('/');
  const name = segments.pop() ?? '';
  return isPolicyFileName(name) && !segments.some(isSkippedDirectory);
}
