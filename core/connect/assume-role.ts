/**
 * The ways Axiom obtains a Session: sts:AssumeRole with an External ID (the seeds' model),
 * sts:AssumeRoleWithWebIdentity (GitHub Actions OIDC), and the credentials Axiom itself runs with. Assumed
 * sessions last at most one hour, whatever STS reports.
 */
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  type Credentials,
  STSClient,
} from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { CallCounter } from '../aws/call-counter.ts';
import { type ClientSettings, type CredentialSource, createClient } from '../aws/client-factory.ts';
import { AxiomError } from '../errors.ts';
import { isValidStsExternalId } from './external-id.ts';
import { parseRoleArn } from './role-arn.ts';
import { type IssuedCredentials, Session } from './session.ts';
import { MAX_SESSION_SECONDS, MIN_SESSION_SECONDS } from './session-duration.ts';
import { type ConnectAttempt, connectFailure } from './sts-error.ts';

/** Settings shared by the ways of obtaining a session. */
export interface StsCallOptions {
  /** Region of the STS endpoint. */
  region: string;
  /** Endpoint override (AWS_ENDPOINT_URL), e.g. a local emulator. */
  endpoint?: string;
  /** The clock. Default: the system clock. */
  clock?: () => Date;
  /** Call statistics. */
  callCounter?: CallCounter;
  /** Maximum attempts per STS call. */
  maxAttempts?: number;
}

/** How to assume a role with sts:AssumeRole. */
export interface AssumeRoleOptions extends StsCallOptions {
  /** The role to assume. */
  roleArn: string;
  /** The External ID the role's trust policy requires. */
  externalId?: string;
  /** Session name shown in CloudTrail; sanitised. Default `axiom-<timestamp>`. */
  sessionName?: string;
  /** Session length, 900 to 3600 seconds. Default 3600. */
  durationSeconds?: number;
  /** Credentials to call STS with. Default: the SDK's default chain. */
  sourceCredentials?: CredentialSource;
}

/** An OIDC token, or a function that fetches a fresh one (called again on each refresh). */
export type WebIdentityTokenSource = string | (() => string | Promise<string>);

/** How to assume a role with sts:AssumeRoleWithWebIdentity (GitHub Actions OIDC). */
export interface WebIdentityOptions extends StsCallOptions {
  /** The role to assume. */
  roleArn: string;
  /** The OIDC token. */
  webIdentityToken: WebIdentityTokenSource;
  /** Session name shown in CloudTrail; sanitised. Default `axiom-<timestamp>`. */
  sessionName?: string;
  /** Session length, 900 to 3600 seconds. Default 3600. */
  durationSeconds?: number;
}

/** How to use the credentials Axiom runs with. */
export interface AmbientSessionOptions {
  /** Region for any STS call the chain makes (profile role assumption, web identity token file). */
  region: string;
  /** Endpoint override for those calls. */
  endpoint?: string;
  /** The clock. Default: the system clock. */
  clock?: () => Date;
  /** Test hook: the provider chain. Default: the SDK's Node.js default chain. */
  chain?: AwsCredentialIdentityProvider;
}

const systemClock = (): Date => new Date();

/**
 * A session name STS accepts: characters outside `[\w+=,.@-]` become `-`, at most 64 characters, and the default
 * (`axiom-20250101T120000Z`) when nothing usable is left.
 */
export function sanitizeSessionName(name: string | undefined, now: Date): string {
  const cleaned = (name ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  if (cleaned.length >= 2) return cleaned;
  return `axiom-${now.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
}

function checkRoleArn(roleArn: string): string {
  const parsed = parseRoleArn(roleArn);
  if (parsed.ok) return parsed.arn.arn;
  throw new AxiomError('invalid_role_arn', `Could not assume the role: ${parsed.error}.`, {
    hint: "Copy the ARN from the role's summary page in the IAM console.",
  });
}

function checkDuration(durationSeconds: number | undefined): number {
  const duration = durationSeconds ?? MAX_SESSION_SECONDS;
  if (Number.isInteger(duration) && duration >= MIN_SESSION_SECONDS && duration <= MAX_SESSION_SECONDS)
    return duration;
  throw new AxiomError(
    'session_duration_invalid',
    `Could not assume the role: a session of ${duration} seconds was asked for, but Axiom's sessions last ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS} seconds (15 minutes to 1 hour).`,
    {
      hint: `Ask for a whole number of seconds between ${MIN_SESSION_SECONDS} and ${MAX_SESSION_SECONDS}, or leave it out for 1 hour.`,
    },
  );
}

function stsClient(options: StsCallOptions, credentials?: CredentialSource): STSClient {
  const settings: ClientSettings = { region: options.region };
  if (options.endpoint !== undefined) settings.endpoint = options.endpoint;
  if (options.maxAttempts !== undefined) settings.maxAttempts = options.maxAttempts;
  if (options.callCounter !== undefined) settings.callCounter = options.callCounter;
  if (credentials !== undefined) settings.credentials = credentials;
  return createClient(STSClient, settings);
}

/** Reads STS's credentials; the lifetime is capped at the duration asked for, whatever STS says. */
function issued(
  credentials: Credentials | undefined,
  assumedRoleArn: string | undefined,
  issuedAt: Date,
  durationSeconds: number,
  roleArn: string,
): IssuedCredentials {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
    throw new AxiomError(
      'sts_response_invalid',
      `Could not assume ${roleArn}: STS answered without complete credentials.`,
      {
        hint: 'Try again; if it persists, check the endpoint override (AWS_ENDPOINT_URL) points at a real STS.',
      },
    );
  }
  const cap = issuedAt.getTime() + durationSeconds * 1000;
  const expiresAt = new Date(Math.min(Expiration?.getTime() ?? cap, cap));
  const result: IssuedCredentials = {
    identity: { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken },
    expiresAt,
  };
  if (assumedRoleArn !== undefined) result.assumedRoleArn = assumedRoleArn;
  return result;
}

/**
 * Assumes `roleArn` with sts:AssumeRole (and the External ID), now: a failure surfaces here as a ConnectError
 * with a plain-language message and AWS's code. The session re-assumes the role when it nears expiry.
 */
export async function assumeRole(options: AssumeRoleOptions): Promise<Session> {
  const roleArn = checkRoleArn(options.roleArn);
  const durationSeconds = checkDuration(options.durationSeconds);
  const { externalId } = options;
  if (externalId !== undefined && !isValidStsExternalId(externalId)) {
    throw new AxiomError(
      'invalid_external_id',
      `Could not assume ${roleArn}: the External ID is not one STS accepts (2 to 1224 characters of letters, digits and _+=,.@:/-).`,
      { hint: 'Copy the External ID from the onboarding screen exactly.' },
    );
  }
  const clock = options.clock ?? systemClock;
  const sessionName = sanitizeSessionName(options.sessionName, clock());
  const sts = stsClient(options, options.sourceCredentials);
  const attempt: ConnectAttempt = {
    operation: 'AssumeRole',
    roleArn,
    region: options.region,
    durationSeconds,
    secrets: externalId === undefined ? [] : [externalId],
  };
  const obtain = async (): Promise<IssuedCredentials> => {
    const issuedAt = clock();
    try {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          DurationSeconds: durationSeconds,
          ...(externalId === undefined ? {} : { ExternalId: externalId }),
        }),
      );
      return issued(out.Credentials, out.AssumedRoleUser?.Arn, issuedAt, durationSeconds, roleArn);
    } catch (error) {
      throw connectFailure(error, attempt);
    }
  };
  return new Session({ kind: 'assumed-role', roleArn, obtain, clock, initial: await obtain() });
}

/** The token itself, or a fresh one from the source function; a failed fetch says so instead of blaming STS. */
async function webIdentityToken(source: WebIdentityTokenSource, roleArn: string): Promise<string> {
  if (typeof source === 'string') return source;
  try {
    return await source();
  } catch (error) {
    if (error instanceof AxiomError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new AxiomError(
      'web_identity_token_unavailable',
      `Could not assume ${roleArn}: fetching the OIDC token failed (${detail}).`,
      {
        hint: 'In GitHub Actions, give the job `permissions: id-token: write`; elsewhere, check the token source.',
        cause: error,
      },
    );
  }
}

/**
 * Assumes `roleArn` with an OIDC token (sts:AssumeRoleWithWebIdentity, unsigned: no AWS credentials needed),
 * now. With a token function, each refresh fetches a fresh token.
 */
export async function assumeRoleWithWebIdentity(options: WebIdentityOptions): Promise<Session> {
  const roleArn = checkRoleArn(options.roleArn);
  const durationSeconds = checkDuration(options.durationSeconds);
  const clock = options.clock ?? systemClock;
  const sessionName = sanitizeSessionName(options.sessionName, clock());
  const sts = stsClient(options);
  const source = options.webIdentityToken;
  const obtain = async (): Promise<IssuedCredentials> => {
    const issuedAt = clock();
    const token = await webIdentityToken(source, roleArn);
    const attempt: ConnectAttempt = {
      operation: 'AssumeRoleWithWebIdentity',
      roleArn,
      region: options.region,
      durationSeconds,
      secrets: [token],
    };
    try {
      const out = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: sessionName,
          WebIdentityToken: token,
          DurationSeconds: durationSeconds,
        }),
      );
      return issued(out.Credentials, out.AssumedRoleUser?.Arn, issuedAt, durationSeconds, roleArn);
    } catch (error) {
      throw connectFailure(error, attempt);
    }
  };
  return new Session({ kind: 'web-identity', roleArn, obtain, clock, initial: await obtain() });
}

/**
 * The credentials Axiom itself runs with (the SDK's default chain: environment, profile, SSO, web identity
 * token file, container or instance role). Lazy: nothing is read or requested until the first use.
 */
export function ambientSession(options: AmbientSessionOptions): Session {
  const clientConfig: Record<string, string> = { region: options.region };
  if (options.endpoint !== undefined) clientConfig.endpoint = options.endpoint;
  const chain = options.chain ?? fromNodeProviderChain({ clientConfig });
  const attempt: ConnectAttempt = {
    operation: 'DefaultCredentialChain',
    region: options.region,
    secrets: [],
  };
  const obtain = async (): Promise<IssuedCredentials> => {
    try {
      const { expiration, ...identity } = await chain();
      return { identity, expiresAt: expiration };
    } catch (error) {
      throw connectFailure(error, attempt);
    }
  };
  return new Session({ kind: 'ambient', obtain, clock: options.clock ?? systemClock });
}
