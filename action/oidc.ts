/**
 * GitHub OIDC into AWS: a token from the runner (`core.getIDToken(audience)`), exchanged with
 * sts:AssumeRoleWithWebIdentity, retried with jittered backoff when the failure is one that passes (GitHub's
 * token service or AWS's fetch of GitHub's keys having a bad moment). Tokens and credentials are masked the
 * moment they exist, and live only in memory.
 */
import {
  AxiomError,
  assumeRoleWithWebIdentity,
  type Session,
  type WebIdentityOptions,
} from '../core/index.ts';
import { retryWithJitter } from './retry.ts';
import type { Toolkit } from './toolkit.ts';

/** The permission block a job needs for OIDC, as the messages quote it. */
export const ID_TOKEN_PERMISSION = 'permissions: id-token: write';

/** How long one token is reused across many accounts before a fresh one is asked for. */
export const TOKEN_REUSE_MS = 60_000;

/** Failures worth another attempt: network, GitHub's token service, AWS reaching GitHub's keys, an expired token. */
const RETRYABLE_CODES = new Set([
  'web_identity_token_unavailable',
  'web_identity_token_expired',
  'web_identity_provider_unreachable',
  'sts_unreachable',
]);
/** AWS codes that pass: InvalidIdentityToken is also what AWS says when it briefly cannot fetch GitHub's keys. */
const RETRYABLE_AWS_CODES = new Set([
  'InvalidIdentityToken',
  'InvalidIdentityTokenException',
  'IDPCommunicationError',
  'IDPCommunicationErrorException',
  'Throttling',
  'ThrottlingException',
  'ServiceUnavailable',
  'InternalFailure',
]);

/** True for an OIDC or STS failure that may pass on another attempt. */
export function isTransientAssumeFailure(error: unknown): boolean {
  if (!(error instanceof AxiomError)) return false;
  if (RETRYABLE_CODES.has(error.code)) return true;
  const awsCode = (error as { awsCode?: unknown }).awsCode;
  return typeof awsCode === 'string' && RETRYABLE_AWS_CODES.has(awsCode);
}

/** A GitHub OIDC token source: fetched on first use, reused briefly, masked as soon as it arrives. */
export interface GithubTokenSource {
  /** A token for the audience (cached up to TOKEN_REUSE_MS). */
  token(): Promise<string>;
  /** Forgets the cached token, so the next call fetches a fresh one. */
  invalidate(): void;
}

/** What the token source needs. */
export interface GithubTokenOptions {
  /** The token's `aud`. */
  audience: string;
  /** Whether the runner offers tokens (ACTIONS_ID_TOKEN_REQUEST_URL is set). */
  available: boolean;
  /** The role the token is for, named in the error when no token can be had. */
  roleArn: string;
  /** getIDToken and setSecret. */
  toolkit: Pick<Toolkit, 'getIDToken' | 'setSecret'>;
  /** The clock. */
  now: () => number;
}

/** The error for a job without `permissions: id-token: write`. */
export function oidcUnavailableError(roleArn: string): AxiomError {
  return new AxiomError(
    'oidc_unavailable',
    `Could not assume ${roleArn} with GitHub OIDC: this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set), because the workflow does not grant \`${ID_TOKEN_PERMISSION}\`.`,
    {
      hint: 'Add to the job (or the workflow): `permissions:` with `id-token: write` and `contents: read`. Pull requests from forks never get a token; Axiom then skips the live scan.',
    },
  );
}

/** A token source for `options.audience`; see GithubTokenSource. */
export function githubTokenSource(options: GithubTokenOptions): GithubTokenSource {
  let cached: { token: string; at: number } | undefined;
  return {
    async token() {
      if (!options.available) throw oidcUnavailableError(options.roleArn);
      const now = options.now();
      if (cached && now - cached.at < TOKEN_REUSE_MS) return cached.token;
      let token: string;
      try {
        token = await options.toolkit.getIDToken(options.audience);
      } catch (cause) {
        const detail = (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ').trim();
        throw new AxiomError(
          'web_identity_token_unavailable',
          `Could not get a GitHub OIDC token for audience '${options.audience}' to assume ${options.roleArn}: ${detail}`,
          {
            hint: `Check that the job has \`${ID_TOKEN_PERMISSION}\`; if it has, GitHub's token service may be having trouble: re-run the job.`,
            cause,
          },
        );
      }
      options.toolkit.setSecret(token);
      cached = { token, at: now };
      return token;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** How to assume a role with a GitHub OIDC token. */
export interface OidcAssumeOptions extends Omit<WebIdentityOptions, 'webIdentityToken'> {
  /** Where tokens come from. */
  tokens: GithubTokenSource;
  /** Attempts in all. Default 5. */
  attempts?: number;
  /** Waits between attempts. */
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), for the jitter. */
  random: () => number;
  /** Told of each retry. */
  onRetry?: (message: string) => void;
}

/** Assumes the role with sts:AssumeRoleWithWebIdentity, retrying transient failures with jittered backoff. */
export function assumeRoleWithGithubOidc(options: OidcAssumeOptions): Promise<Session> {
  const { tokens, attempts, sleep, random, onRetry, ...webIdentity } = options;
  return retryWithJitter(
    () => assumeRoleWithWebIdentity({ ...webIdentity, webIdentityToken: () => tokens.token() }),
    {
      attempts: attempts ?? 5,
      baseMs: 1_000,
      maxMs: 10_000,
      sleep,
      random,
      isRetryable: isTransientAssumeFailure,
      onRetry(error, attempt, waitMs) {
        // An expired or rejected token is not asked for again from the cache.
        tokens.invalidate();
        const reason = error instanceof Error ? error.message : String(error);
        onRetry?.(
          `Attempt ${attempt} to assume ${options.roleArn} failed, retrying in ${waitMs} ms: ${reason}`,
        );
      },
    },
  );
}
