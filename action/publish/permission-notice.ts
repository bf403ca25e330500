/**
 * What to tell the user when GitHub refuses a publishing request: a 403 names the permission to add to the
 * job's `permissions:` block (and why a fork's pull request cannot have it), anything else says what failed.
 * Publishing then goes on: only `fail-on` fails the step.
 */
import { describeError } from '../../core/index.ts';
import { GithubApiError } from '../github-api.ts';

/** The GitHub token permissions Axiom's publishers use. */
export type GithubPermission =
  | 'checks: write'
  | 'pull-requests: write'
  | 'pull-requests: read'
  | 'contents: read';

/** The notice for a failed publishing step. */
export function publishingNotice(
  what: string,
  permission: GithubPermission,
  error: unknown,
  options: { fromFork: boolean; fallback?: string },
): string {
  const then = options.fallback ? ` ${options.fallback}` : '';
  if (error instanceof GithubApiError && (error.status === 403 || error.status === 401)) {
    const said = error.githubMessage ? ` (${error.githubMessage})` : '';
    const why = options.fromFork
      ? ` Pull requests from forks get a read-only token, so this cannot work for them; it works for branches of this repository.`
      : ` Add \`${permission}\` to the job's \`permissions:\` block.`;
    return `Axiom could not ${what}: the GitHub token lacks \`${permission}\`${said}.${why}${then}`;
  }
  return `Axiom could not ${what}: ${describeError(error)}${then}`;
}
