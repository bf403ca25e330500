/**
 * What the Action learns from the runner besides its inputs: the repository, the event (and its pull request),
 * the commit to report on, where the API and the workspace are, and the AWS settings of the environment. Read
 * once from the environment and the event payload; core is handed plain values and never reads process.env.
 */
import { readFileSync } from 'node:fs';
import { AxiomError } from '../core/index.ts';

/** The pull request a run is about. */
export interface PullRequestRef {
  /** Its number. */
  number: number;
  /** The head commit: where check runs and annotations go (not the merge commit the workflow checked out). */
  headSha: string;
  /** The base commit the change is compared with. */
  baseSha: string;
  /** True when the head is in another repository (a fork): GitHub then gives no OIDC token and a read-only token. */
  fromFork: boolean;
}

/** Static AWS keys found in the environment (e.g. set by aws-actions/configure-aws-credentials). */
export interface EnvironmentCredentials {
  /** AWS_ACCESS_KEY_ID. */
  accessKeyId: string;
  /** AWS_SECRET_ACCESS_KEY. */
  secretAccessKey: string;
  /** AWS_SESSION_TOKEN, for temporary keys. */
  sessionToken?: string;
}

/** The AWS settings of the runner's environment. */
export interface AwsEnvironment {
  /** AWS_REGION or AWS_DEFAULT_REGION, when set. */
  region?: string;
  /** AWS_ENDPOINT_URL: every AWS call goes there (emulators, tests). */
  endpoint?: string;
  /** AWS_MAX_ATTEMPTS: attempts per AWS call, retries included. */
  maxAttempts?: number;
  /** Keys in the environment, the source for sts:AssumeRole with an External ID. */
  credentials?: EnvironmentCredentials;
}

/** The run, as the Action sees it. */
export interface RunContext {
  /** GITHUB_EVENT_NAME, e.g. 'pull_request', 'push', 'schedule'. */
  eventName: string;
  /** The repository owner. */
  owner: string;
  /** The repository name. */
  repo: string;
  /** The commit the results belong to: the pull request's head, else GITHUB_SHA. */
  sha: string;
  /** The pull request, on pull_request and pull_request_target events. */
  pullRequest?: PullRequestRef;
  /** The checked-out repository (GITHUB_WORKSPACE, else the working directory). */
  workspace: string;
  /** The REST API base URL (GITHUB_API_URL; GitHub Enterprise Server has its own). */
  apiUrl: string;
  /** The web URL (GITHUB_SERVER_URL). */
  serverUrl: string;
  /** GITHUB_RUN_ID. */
  runId?: string;
  /** GITHUB_RUN_ATTEMPT. */
  runAttempt?: string;
  /** The workflow file, relative to the repository (from GITHUB_WORKFLOW_REF). */
  workflowFile?: string;
  /** Whether GitHub offers an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is set: `permissions: id-token: write`). */
  oidcAvailable: boolean;
  /** The AWS settings of the environment. */
  aws: AwsEnvironment;
}

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The event payload GitHub wrote to GITHUB_EVENT_PATH; {} when there is none. */
export function readEventPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AxiomError(
      'event_payload_unreadable',
      `Could not read the workflow event payload at ${path}.`,
      {
        hint: 'This file is written by the GitHub runner; run the Action in a GitHub Actions job.',
        cause,
      },
    );
  }
  try {
    return record(JSON.parse(raw)) ?? {};
  } catch (cause) {
    throw new AxiomError('event_payload_invalid', `The workflow event payload at ${path} is not JSON.`, {
      hint: 'This file is written by the GitHub runner; run the Action in a GitHub Actions job.',
      cause,
    });
  }
}

/** The pull request of a pull_request(_target) payload; undefined when the payload has none. */
export function pullRequestOf(payload: Record<string, unknown>): PullRequestRef | undefined {
  const pr = record(payload.pull_request);
  const head = record(pr?.head);
  const base = record(pr?.base);
  const number = pr?.number ?? payload.number;
  const headSha = text(head?.sha);
  const baseSha = text(base?.sha);
  if (typeof number !== 'number' || headSha === undefined || baseSha === undefined) return undefined;
  const headRepo = text(record(head?.repo)?.full_name);
  const baseRepo = text(record(base?.repo)?.full_name);
  // A deleted fork has no head repository left; it was a fork all the same.
  const fromFork = headRepo === undefined || headRepo !== baseRepo || record(head?.repo)?.fork === true;
  return { number, headSha, baseSha, fromFork };
}

/** The workflow file from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/ci.yml@refs/heads/main`). */
function workflowFileOf(workflowRef: string | undefined, repository: string): string | undefined {
  if (!workflowRef) return undefined;
  const withoutRef = workflowRef.replace(/@[^@]*$/, '');
  return withoutRef.startsWith(`${repository}/`) ? withoutRef.slice(repository.length + 1) : undefined;
}

function awsEnvironment(env: Environment): AwsEnvironment {
  const aws: AwsEnvironment = {};
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (region) aws.region = region;
  if (env.AWS_ENDPOINT_URL) aws.endpoint = env.AWS_ENDPOINT_URL;
  const attempts = Number(env.AWS_MAX_ATTEMPTS);
  if (Number.isInteger(attempts) && attempts >= 1) aws.maxAttempts = attempts;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (accessKeyId && secretAccessKey) {
    aws.credentials = env.AWS_SESSION_TOKEN
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN }
      : { accessKeyId, secretAccessKey };
  }
  return aws;
}

/** Reads the run from the runner's environment and event payload. */
export function readRunContext(env: Environment, cwd: string): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new AxiomError(
      'github_repository_unknown',
      'Could not tell which repository this run is for: GITHUB_REPOSITORY is not set to owner/name.',
      { hint: 'Run the Action in a GitHub Actions job; the runner sets GITHUB_REPOSITORY.' },
    );
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const payload = readEventPayload(env.GITHUB_EVENT_PATH);
  const pullRequest = PULL_REQUEST_EVENTS.has(eventName) ? pullRequestOf(payload) : undefined;
  const context: RunContext = {
    eventName,
    owner,
    repo,
    sha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    oidcAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL),
    aws: awsEnvironment(env),
  };
  if (pullRequest) context.pullRequest = pullRequest;
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) context.runAttempt = env.GITHUB_RUN_ATTEMPT;
  const workflowFile = workflowFileOf(env.GITHUB_WORKFLOW_REF, repository);
  if (workflowFile) context.workflowFile = workflowFile;
  return context;
}

/** The run's page, where the job summary (the full report) is: `https://github.com/o/r/actions/runs/1`. */
export function runUrlOf(context: RunContext): string | undefined {
  if (context.runId === undefined) return undefined;
  const attempt = context.runAttempt && context.runAttempt !== '1' ? `/attempts/${context.runAttempt}` : '';
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}${attempt}`;
}
