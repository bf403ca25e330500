/**
 * Real webhook payloads from @octokit/webhooks-examples (the examples GitHub's own documentation is checked
 * against), picked by event and action, and deep-copied so a test can adjust one (a fork's head) safely.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const groups = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as ExampleGroup[];

/** A copy of the first example of `event` (with `action`, when given) that satisfies `where`. */
export function webhookPayload(
  event: string,
  action?: string,
  where: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const group = groups.find((candidate) => candidate.name === event);
  const example = group?.examples.find(
    (payload) => (action === undefined || payload.action === action) && where(payload),
  );
  if (!example)
    throw new Error(`@octokit/webhooks-examples has no ${event}${action ? `.${action}` : ''} example`);
  return structuredClone(example);
}

/** The pull_request.opened example: Codertocat/Hello-World #2, head ec26c3e, base f95f852. */
export function pullRequestOpened(): Record<string, unknown> {
  return webhookPayload('pull_request', 'opened');
}

/** The same pull request opened from a fork: the head repository is someone else's. */
export function pullRequestFromFork(): Record<string, unknown> {
  const payload = pullRequestOpened();
  const head = (payload.pull_request as { head: { repo: Record<string, unknown>; label: string } }).head;
  head.repo = { ...head.repo, full_name: 'mallory/Hello-World', fork: true, owner: { login: 'mallory' } };
  head.label = 'mallory:changes';
  return payload;
}

/** A push to a branch (refs/heads/master of Codertocat/Hello-World). */
export function pushToBranch(): Record<string, unknown> {
  return webhookPayload('push', undefined, (payload) => String(payload.ref).startsWith('refs/heads/'));
}

/** A workflow_dispatch of octo-org/octo-repo. */
export function workflowDispatch(): Record<string, unknown> {
  return webhookPayload('workflow_dispatch');
}

/**
 * A scheduled run's payload. Schedules are not webhooks (the examples package has none): the runner writes
 * this small object, the cron line that fired.
 */
export function scheduleEvent(): Record<string, unknown> {
  return { schedule: '0 6 * * 1' };
}

/** Head and base commits of the pull_request.opened example. */
export const PULL_REQUEST = {
  owner: 'Codertocat',
  repo: 'Hello-World',
  number: 2,
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
} as const;
